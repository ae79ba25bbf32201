"""``python -m stylelint``."""

from .cli import main

raise SystemExit(main())
