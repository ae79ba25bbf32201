"""pytest plugin: ``pytest --stylelint`` lints a repository's articles as tests.

Registered through the ``pytest11`` entry point and inert unless
``--stylelint`` is given. Then every file pytest walks past whose extension
a stylelint parser reads (``.txt .text .md .markdown .html .htm`` …) and
that the file's stylelint config does not ``exclude`` becomes one test item,
``path::stylelint`` (marker ``stylelint``, so ``-m stylelint`` runs only
these). The item fails when the file has findings at or above ``fail_on``
or cannot be linted, and its failure lists the findings as the text output
does. Configuration is stylelint's own: ``stylelint.toml``,
``.stylelint.toml`` or ``[tool.stylelint]`` in ``pyproject.toml``, found
from each file's folder upward (``--stylelint-config FILE`` names one).

Use ``exclude`` in that config for README.md, requirements.txt and other
non-articles, or point pytest at the articles: ``pytest --stylelint articles/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

_STATE = pytest.StashKey["_State"]()
MARKER = "stylelint"
_DEFAULT_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm")


class _State:
    """What one pytest run shares between items: config resolver and linters."""

    def __init__(self, config_file: str | None) -> None:
        from stylelint.config.model import ConfigResolver, load_config
        from stylelint.engine.linter import LinterCache

        self.explicit = load_config(config_file) if config_file else None
        self.resolver = ConfigResolver(self.explicit)
        self.cache = LinterCache()


class StylelintError(Exception):
    """A file with findings at or above ``fail_on``, or one that could not be linted."""


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--stylelint`` and ``--stylelint-config``."""
    group = parser.getgroup("stylelint", "house-style linting of articles")
    group.addoption(
        "--stylelint", action="store_true", default=False,
        help="lint article files (txt, md, html) with stylelint, one test item per file",
    )
    group.addoption(
        "--stylelint-config", metavar="FILE", default=None,
        help="stylelint config for every file (default: discovered per file)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker; set up shared state when the plugin is on."""
    config.addinivalue_line("markers", f"{MARKER}: house-style check of an article file (pytest --stylelint)")
    if config.getoption("stylelint"):
        config.stash[_STATE] = _State(config.getoption("stylelint_config"))


def _display(path: Path, config: pytest.Config) -> str:
    """``path`` relative to where pytest was started, when it lies below it."""
    try:
        return str(path.relative_to(config.invocation_params.dir))
    except ValueError:
        return str(path)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A :class:`StylelintFile` for every article file stylelint would lint."""
    config = parent.config
    if not config.getoption("stylelint"):
        return None
    state: _State = config.stash[_STATE]
    from stylelint.config.errors import ConfigError

    path = str(file_path)
    try:
        cfg = state.resolver.for_path(path)
        if cfg.is_excluded(path):
            return None
        extensions = state.cache.get(cfg).extensions
    except ConfigError:
        # A broken config: collect the article so the error shows as a failure.
        extensions = _DEFAULT_EXTENSIONS
    if file_path.suffix.lower() not in extensions:
        return None
    return StylelintFile.from_parent(parent, path=file_path)


class StylelintFile(pytest.File):
    """An article file; it holds one :class:`StylelintItem`."""

    def collect(self):
        """The single ``stylelint`` item."""
        yield StylelintItem.from_parent(self, name=MARKER)


class StylelintItem(pytest.Item):
    """Lints one file; fails on findings at or above ``fail_on`` or on errors."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker(MARKER)

    def runtest(self) -> None:
        """Lint the file with its own config."""
        from stylelint.config.errors import ConfigError
        from stylelint.interfaces.api import run_paths
        from stylelint.report.formatters.text import render

        state: _State = self.config.stash[_STATE]
        display = _display(self.path, self.config)
        try:
            report = run_paths([str(self.path)], state.resolver, cache=state.cache)
        except ConfigError as exc:
            raise StylelintError(f"{display}: config error: {exc}") from None
        for f in report.files:
            f.path = display
        if report.exit_code() == 0:
            return
        lines = [render(report, {"color": False})]
        for err in report.errors:
            lines.append(f"error: {err}")
        for f in report.files:
            lines.extend(f"{f.path}: error: {err}" for err in f.errors)
        raise StylelintError("\n".join(lines).rstrip("\n"))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The findings, as stylelint prints them (no traceback)."""
        if isinstance(excinfo.value, StylelintError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the item is, for ``-v`` and failure headers."""
        return self.path, None, f"stylelint {_display(self.path, self.config)}"
