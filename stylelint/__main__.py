"""``python -m stylelint``."""

from stylelint.interfaces.cli import run

run()
