"""``python -m stylelint``."""

from .cli import run

run()
