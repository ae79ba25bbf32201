"""The engine: select rules, run them over a document, place the findings.

A :class:`Linter` is built once per resolved configuration. It asks the
plugins for rules, parsers and formatters, selects rules by profile,
``select``/``ignore``, and compiles the phrase lists of every active phrase
rule into one matcher. Linting a document then costs one tokenization, one
matcher pass and one call per custom rule; every finding is filtered by
scope, quotation, inline suppression and accepted findings, given its
severity, and mapped to its exact source line and column.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from stylelint.config.model import Config, ConfigError
from stylelint.config.profiles import get_profile
from stylelint.engine.plugins import PluginSet, get_plugin_manager
from stylelint.model.document import Document, Ranges
from stylelint.model.findings import Severity, Violation
from stylelint.model.quotes import find_quotes
from stylelint.model.suppression import Suppressions
from stylelint.parsers.base import ParseError, Parser
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import FileResult
from stylelint.rule.base import RULE_ID, PhraseRule, Rule, RuleContext, longest
from stylelint.rule.matcher import PhraseEntry, compile_matcher


class RuleError(Exception):
    """A rule that raised; ``str()`` names the rule and the exception."""


def _prefix_len(rule_id: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix in ``prefixes`` matching ``rule_id`` (-1: none)."""
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif rule_id.startswith(p):
            best = max(best, len(p))
    return best


def is_selected(rule: Rule, config: Config) -> bool:
    """Whether ``config`` turns ``rule`` on (the more specific prefix wins).

    A family prefix or ``ALL`` selects the rules the profile runs; a rule that
    is off by default, or belongs to another house style, needs its exact id.
    """
    usual = rule.applies_to(config.profile)

    def strength(prefixes: Sequence[str]) -> int:
        n = _prefix_len(rule.id, prefixes)
        return n if (usual or n == len(rule.id)) else -1

    on = strength(config.select) if config.select else (3 if usual else -1)
    on = max(on, strength(config.extend_select))
    if on < 0:
        return False
    off = _prefix_len(rule.id, config.ignore)
    return off < on


def severity_for(rule: Rule, config: Config) -> Severity | None:
    """The config's most specific severity override for ``rule``, if any."""
    best, sev = -1, None
    for prefix, value in config.severity.items():
        n = _prefix_len(rule.id, [prefix])
        if n > best:
            best, sev = n, value
    return sev


def unknown_selectors(config: Config, rules: Sequence[Rule]) -> list[str]:
    """One line for each rule id or prefix in ``config`` that names no rule.

    A mistyped ``--select ATT01`` would otherwise run nothing and pass.
    """
    ids = [r.id for r in rules]
    problems = []
    for key in ("select", "extend_select", "ignore", "severity", "rule_options"):
        for prefix in getattr(config, key):
            if prefix != "ALL" and not any(i.startswith(prefix) for i in ids):
                problems.append(f"{key}: {prefix!r} names no rule (see stylelint --list-rules)")
    return problems


class Linter:
    """Lints documents under one resolved configuration. Thread-safe."""

    def __init__(self, config: Config, *, plugins: PluginSet | None = None, debug: bool = False) -> None:
        self.config = config
        self.debug = debug
        self.plugins = plugins or get_plugin_manager(config)
        hook = self.plugins.pm.hook
        hook.configure.call_historic(kwargs={"config": config})
        self.parsers: dict[str, Parser] = {}
        self.extensions: dict[str, str] = {}
        for parsers in hook.register_parsers():
            for parser in parsers or ():
                self.parsers.setdefault(parser.name, parser)
                for ext in parser.extensions:
                    self.extensions.setdefault(ext.lower(), parser.name)
        self.formatters: dict[str, Formatter] = {}
        for formatters in hook.register_formatters():
            for fmt in formatters or ():
                self.formatters.setdefault(fmt.name, fmt)
        self.profile = get_profile(config.profile)
        self._plugin_errors: list[str] = list(self.plugins.errors)
        self._ruleset: tuple | None = None
        self._matcher = None
        self._lock = threading.RLock()

    # Rules are collected on first use: a run whose files all come from the
    # result cache never imports the rule packs.
    def _rule_state(self) -> tuple:
        if self._ruleset is None:
            with self._lock:
                if self._ruleset is None:
                    config = self.config
                    errors = list(self._plugin_errors)
                    all_rules = self._collect_rules(errors)
                    errors.extend(unknown_selectors(config, all_rules))
                    settings = {**self.profile.settings, **config.settings}
                    rules = [r for r in all_rules if is_selected(r, config)]
                    severities = {r.id: sev for r in rules if (sev := severity_for(r, config))}
                    contexts = {
                        r.id: RuleContext(config.profile, settings, config.rule_options.get(r.id, {}))
                        for r in rules
                    }
                    phrase = [r for r in rules if isinstance(r, PhraseRule)]
                    check = [r for r in rules if not isinstance(r, PhraseRule)]
                    self._ruleset = (errors, all_rules, rules, severities, contexts, phrase, check)
        return self._ruleset

    @property
    def errors(self) -> list[str]:
        """Plugin and rule-registration errors (one line each)."""
        return self._rule_state()[0]

    @property
    def all_rules(self) -> list[Rule]:
        """Every registered rule, selected or not, by id."""
        return self._rule_state()[1]

    @property
    def rules(self) -> list[Rule]:
        """The rules this configuration runs."""
        return self._rule_state()[2]

    @property
    def severities(self) -> dict[str, Severity]:
        """Severity overrides from the config, by rule id."""
        return self._rule_state()[3]

    @property
    def contexts(self) -> dict[str, RuleContext]:
        """Each selected rule's context (profile settings and options)."""
        return self._rule_state()[4]

    @property
    def phrase_rules(self) -> list[PhraseRule]:
        """Selected rules served by the shared phrase matcher."""
        return self._rule_state()[5]

    @property
    def check_rules(self) -> list[Rule]:
        """Selected rules that scan the document themselves."""
        return self._rule_state()[6]

    # -- setup -------------------------------------------------------------

    def _collect_rules(self, errors: list[str]) -> list[Rule]:
        rules: dict[str, Rule] = {}
        hook = self.plugins.pm.hook
        impls = hook.register_rules.get_hookimpls()
        # Call each plugin on its own so one failing pack does not sink the rest.
        for impl in reversed(impls):
            name = self.plugins.name_of(impl.plugin)
            try:
                args = {a: self.config for a in impl.argnames}
                result = impl.function(**args)
            except ConfigError as exc:
                errors.append(str(exc))
                continue
            except Exception as exc:
                errors.append(f"plugin {name}: register_rules failed: {type(exc).__name__}: {exc}")
                continue
            for rule in result or ():
                if not isinstance(rule, Rule):
                    errors.append(f"plugin {name}: register_rules returned {rule!r}, not a Rule")
                    continue
                if not RULE_ID.match(rule.id or ""):
                    errors.append(f"plugin {name}: rule id {rule.id!r} is not like 'ABC123'")
                    continue
                if rule.id in rules:
                    errors.append(
                        f"plugin {name}: rule id {rule.id} is already provided by {rules[rule.id].plugin}"
                    )
                    continue
                if not rule.plugin:
                    rule.plugin = name
                rules[rule.id] = rule
        return sorted(rules.values(), key=lambda r: r.id)

    @property
    def matcher(self):
        """The one phrase matcher of all active phrase rules (built on first use)."""
        if self._matcher is None:
            self._rule_state()
            with self._lock:
                if self._matcher is None:
                    key = tuple(r.phrase_key(self.contexts[r.id]) for r in self.phrase_rules)

                    def entries() -> Iterable[PhraseEntry]:
                        for r in self.phrase_rules:
                            for phrase, payload in r.phrases(self.contexts[r.id]).items():
                                yield PhraseEntry(r.id, phrase, payload, r.case_sensitive)

                    self._matcher = compile_matcher(key, entries())
        return self._matcher

    def rule(self, rule_id: str) -> Rule | None:
        """A registered rule by id (selected or not)."""
        return next((r for r in self.all_rules if r.id == rule_id), None)

    # -- parsing -----------------------------------------------------------

    def detect_format(self, path: str | None, source: str) -> str:
        """The parser for an input: a plugin's choice, else extension, else sniffing."""
        name = self.plugins.pm.hook.detect_format(path=path, source=source)
        if name:
            return name
        if path:
            lower = path.lower()
            for ext, parser in self.extensions.items():
                if lower.endswith(ext):
                    return parser
        head = source[:2048].lstrip().lower()
        if head.startswith(("<!doctype html", "<html", "<?xml")) or (
            head.startswith("<") and any(t in head for t in ("<p", "<div", "<body", "<article", "<h1"))
        ):
            return "html"
        if head.startswith(("---\n", "+++\n", "---\r\n", "# ")):
            return "markdown"
        return "text"

    def parse(self, source: str, path: str | None, input_format: str | None) -> Document:
        """Parse ``source`` with the named (or detected) parser."""
        name = input_format or self.detect_format(path, source)
        parser = self.parsers.get(name)
        if parser is None:
            raise ConfigError(f"unknown input format {name!r} (allowed: {', '.join(sorted(self.parsers))})")
        options = {k: v for k in parser.config_keys if (v := getattr(self.config, k, None)) is not None}
        doc = parser.parse(source, path, **options)
        if not doc.quotes:
            doc.quotes = find_quotes(doc.text, doc.blocks)
        return doc

    # -- linting -----------------------------------------------------------

    def lint_source(
        self,
        source: str,
        path: str | None = None,
        input_format: str | None = None,
        *,
        display_path: str | None = None,
    ) -> FileResult:
        """Parse and lint one source string; errors land in the result."""
        result = FileResult(path=display_path or path or "-", source=source)
        try:
            doc = self.parse(source, path, input_format)
        except (ConfigError, ParseError) as exc:
            result.errors.append(str(exc))
            return result
        except Exception as exc:  # a parser bug must not lose the other files
            result.errors.append(f"cannot parse as {input_format or 'detected format'}: {type(exc).__name__}: {exc}")
            return result
        result.format = doc.format
        result.warnings = list(doc.warnings)
        result.violations = self.lint_document(doc, result.errors)
        return result

    def lint_document(self, doc: Document, errors: list[str] | None = None) -> list[Violation]:
        """Run every selected rule over ``doc``; returns placed findings.

        A rule that raises is reported in ``errors`` by id; the rest still run.
        """
        errors = errors if errors is not None else []
        hook = self.plugins.pm.hook
        try:
            hook.prepare_document(document=doc, config=self.config)
        except Exception as exc:
            errors.append(f"prepare_document failed: {type(exc).__name__}: {exc}")
        found: list[tuple[Rule, Violation]] = []
        if self.phrase_rules:
            by_rule: dict[str, list] = defaultdict(list)
            for m in self.matcher.scan(doc.text, doc.tokens):
                by_rule[m.entry.owner].append(m)
            for rule in self.phrase_rules:
                matches = by_rule.get(rule.id)
                if matches:
                    self._run(rule, doc, errors, found, lambda r=rule, ms=matches: r.on_matches(doc, longest(ms), self.contexts[r.id]))
        for rule in self.check_rules:
            self._run(rule, doc, errors, found, lambda r=rule: r.check(doc, self.contexts[r.id]))
        return self._place(doc, found)

    def _run(self, rule: Rule, doc: Document, errors: list[str], found: list, call) -> None:
        try:
            # A rule that crashes midway reports nothing: half its findings mislead.
            found.extend([(rule, v) for v in call() or ()])
        except Exception as exc:
            if self.debug:
                raise
            errors.append(f"rule {rule.id} ({rule.name}) crashed: {type(exc).__name__}: {exc}")

    def _place(self, doc: Document, found: list[tuple[Rule, Violation]]) -> list[Violation]:
        suppressions = Suppressions(doc.directives)
        accept = self.config.accept
        hook = self.plugins.pm.hook
        out: list[Violation] = []
        residue: list[tuple[int, int]] = []  # source spans of page residue (see Rule.residue)
        maskable: set[int] = set()  # findings that residue hides (not residue, not document-level)
        seen: set[tuple[str, int, int]] = set()
        text_len = len(doc.text)
        for rule, v in found:
            span = v.span
            if not (0 <= span.start <= span.end <= text_len):
                continue
            if not rule.document_level:
                if rule.scopes is not None:
                    block = doc.block_at(span.start)
                    if block is None or block.kind not in rule.scopes:
                        continue
                if not rule.in_quotes and doc.in_quote(span):
                    continue
            start, end = doc.source_span(span)
            line, col = doc.position(start)
            end_line, end_col = doc.position(end)
            key = (v.rule_id, start, end)
            if key in seen:
                continue
            seen.add(key)
            match = doc.text[span.start : span.end]
            placed = replace(
                v,
                severity=self.severities.get(rule.id, v.severity),
                name=v.name or rule.name,
                match=match,
                offset=start,
                end_offset=end,
                line=line,
                column=col,
                end_line=end_line,
                end_column=end_col,
                approximate=doc.is_approximate(span),
            )
            if suppressions.suppressed(rule.id, start, line):
                continue
            if accept and _accepted(placed, accept):
                continue
            if hook.suppress_violation(violation=placed, document=doc, config=self.config):
                continue
            out.append(placed)
            if rule.residue:
                residue.append((start, end))
            elif not rule.document_level:
                maskable.add(id(placed))
        if residue:
            # Text that is page residue is to be deleted, not edited: other
            # rules' findings inside it would only be noise.
            inside = Ranges(residue).contains
            out = [v for v in out if id(v) not in maskable or not inside(v.offset, v.end_offset)]
        out.sort(key=Violation.sort_key)
        return out


def _accepted(v: Violation, accept: Sequence[Mapping[str, Any]]) -> bool:
    for item in accept:
        if v.rule_id.startswith(item["rule"]) and ("match" not in item or item["match"] == v.match):
            return True
    return False


def _plugin_fingerprint(config: Config) -> tuple:
    """What, besides the config, decides which rules a linter has.

    The plugin-loading environment, and the modification times of rules
    folders and dictionary files, so an edited word list is picked up.
    """
    import os

    stamps = []
    for folder in config.rules_dirs:
        try:
            with os.scandir(folder) as entries:
                stamps.append((folder, max((e.stat().st_mtime_ns for e in entries), default=0)))
        except OSError:
            stamps.append((folder, None))
    paths = [d["path"] for d in config.dictionaries]
    paths += [p for spec in config.rules for p in spec.get("paths", ())]
    for path in paths:
        try:
            stamps.append((path, os.stat(path).st_mtime_ns))
        except OSError:
            stamps.append((path, None))
    env = (os.environ.get("STYLELINT_DISABLE_PLUGIN_AUTOLOAD"), os.environ.get("STYLELINT_LOAD_PLUGINS"))
    return (env, tuple(stamps))


class LinterCache:
    """Linters by configuration, so each is built once.

    A CLI run keeps one cache; the Python API keeps one per process, bounded
    (``limit``), so a CMS calling ``lint_text`` per article pays for rule
    loading and matcher compilation once. Linters are read-only once built,
    so sharing them between calls and threads cannot leak state.
    """

    def __init__(self, *, debug: bool = False, limit: int | None = None) -> None:
        self._linters: dict[tuple, Linter] = {}
        self._lock = threading.Lock()
        self.debug = debug
        self.limit = limit
        self._last: tuple[Config, Linter] | None = None

    def built(self) -> list[Linter]:
        """The linters built so far, oldest first."""
        return list(self._linters.values())

    def get(self, config: Config) -> Linter:
        """The linter for ``config`` (built on first request)."""
        last = self._last
        if last is not None and last[0] is config:
            return last[1]  # the common case: every file of a folder
        key = (config.cache_key(), _plugin_fingerprint(config))
        with self._lock:
            linter = self._linters.get(key)
            if linter is None:
                if self.limit is not None and len(self._linters) >= self.limit:
                    self._linters.pop(next(iter(self._linters)))
                linter = self._linters[key] = Linter(config, debug=self.debug)
            self._last = (config, linter)
        return linter


#: The Python API's linters, shared by calls in this process (see LinterCache).
API_LINTERS = LinterCache(limit=8)
