"""Reading TOML files (configs and rule tables) with one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from stylelint.config.errors import ConfigError
from stylelint.parsers.decode import InputError, open_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def read_toml(path: Path) -> dict[str, Any]:
    """The table in ``path``; a :class:`ConfigError` naming the file when it cannot be read."""
    try:
        fd, _ = open_regular(str(path))  # a FIFO named stylelint.toml must not hang the run
        with open(fd, "rb") as fh:
            data = fh.read()
    except InputError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 at byte {exc.start} (TOML files are UTF-8)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
