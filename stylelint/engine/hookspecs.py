"""Every hook stylelint calls, documented for plugin authors.

Implement any of these in a module or class decorated with
``stylelint.hookimpl`` and expose it through the ``stylelint`` entry-point
group, a ``rules_dirs`` folder, or ``--rules-dir``. Built-in rules, parsers
and formatters use the same hooks. A plugin may leave out parameters it does
not need (pluggy passes only the ones it names).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from stylelint.config.model import Config
    from stylelint.model.document import Document
    from stylelint.model.findings import Violation
    from stylelint.parsers.base import Parser
    from stylelint.report.formatters.base import Formatter
    from stylelint.rule.base import Rule

hookspec = pluggy.HookspecMarker("stylelint")


@hookspec(historic=True)
def configure(config: Config) -> None:
    """Let a plugin read its own settings before any file is linted.

    :param config: the resolved configuration of the file being linted;
        ``config.plugin_settings(name)`` returns the plugin's own
        ``[plugins.NAME]`` table.
    :returns: nothing.

    Historic: a plugin registered late (a ``--rules-dir`` module) still
    receives the call.
    """


@hookspec
def register_rules(config: Config) -> Iterable[Rule] | None:
    """Return the rules this plugin provides.

    :param config: the resolved configuration; rules may depend on it (a
        dictionary named in config), but should not select themselves: the
        engine applies profile, ``select`` and ``ignore``.
    :returns: an iterable of :class:`stylelint.Rule` objects, or None.

    Called once per distinct configuration; results of all plugins are
    collected. Ids must be unique across plugins.
    """


@hookspec
def register_parsers() -> Iterable[Parser] | None:
    """Return the input formats this plugin provides.

    :returns: an iterable of :class:`stylelint.parsers.base.Parser` (name, file
        extensions, media types and a ``parse(source, path)`` callable that
        returns a :class:`stylelint.model.document.Document`), or None.
    """


@hookspec
def register_formatters() -> Iterable[Formatter] | None:
    """Return the output formats this plugin provides.

    :returns: an iterable of :class:`stylelint.parsers.base.Formatter` (name and a
        ``render(report, options)`` callable returning a string), or None.
    """


@hookspec(firstresult=True)
def detect_format(path: str | None, source: str) -> str | None:
    """Pick the input format of an article when the user did not name one.

    :param path: the file's path, or None for stdin and API strings.
    :param source: the decoded source.
    :returns: a registered parser name, or None to let the next plugin decide.

    firstresult: the first non-None answer wins. The built-in (by extension,
    then by sniffing for markup) runs last.
    """


@hookspec
def prepare_document(document: Document, config: Config) -> None:
    """Adjust a parsed document before rules run.

    :param document: the parsed document; a plugin may relabel blocks, add
        quotation spans, add metadata (``document.meta``) or mark regions.
    :param config: the resolved configuration.
    :returns: nothing; the document is changed in place.
    """


@hookspec(firstresult=True)
def suppress_violation(violation: Violation, document: Document, config: Config) -> bool | None:
    """Decide whether to drop a finding.

    :param violation: the finding, with its source position already filled.
    :param document: the document it was found in.
    :param config: the resolved configuration.
    :returns: True to drop it; None to let the next plugin decide.

    firstresult: the first True stops the call. Inline
    ``stylelint-disable`` comments, ``ignore`` and accepted findings are
    applied by the engine before this hook.
    """


def hook_names() -> list[str]:
    """Names of every hook defined here (used by docs and tests)."""
    return [
        name
        for name, value in globals().items()
        if callable(value) and hasattr(value, "stylelint_spec")
    ]

