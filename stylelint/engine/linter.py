"""The engine: select rules, run them over a document, place the findings.

A :class:`Linter` is built once per resolved configuration. It asks the
plugins for rules, parsers and formatters, selects rules
(:mod:`stylelint.engine.ruleset`), and compiles the phrase lists of every
active phrase rule into one matcher. Linting a document then costs one
tokenization, one matcher pass and one call per custom rule, each under the
rule time limit (:mod:`stylelint.engine.budget`); the findings then go
through the stages of :mod:`stylelint.engine.placing` (scope, quotation,
position, suppression, acceptance, residue).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from stylelint.config.errors import ConfigError
from stylelint.config.model import Config
from stylelint.config.profiles import get_profile
from stylelint.engine import budget
from stylelint.engine.placing import place
from stylelint.engine.plugins import PluginSet, get_plugin_manager, one_line
from stylelint.engine.ruleset import RuleSet, select_rules
from stylelint.model.document import BLOCK_KINDS, Document
from stylelint.model.findings import Fix, Violation
from stylelint.model.quotes import find_quotes
from stylelint.model.text import normalize_document
from stylelint.parsers.base import ParseError, Parser
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import FileResult
from stylelint.rule.base import RULE_ID, Rule, longest
from stylelint.rule.matcher import PhraseEntry, compile_matcher


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
        self._ruleset: RuleSet | None = None
        self._matcher = None
        self._lock = threading.RLock()

    # Rules are collected on first use: a run whose files all come from the
    # result cache never imports the rule packs.
    @property
    def ruleset(self) -> RuleSet:
        """The rules this configuration runs (collected and selected on first use)."""
        if self._ruleset is None:
            with self._lock:
                if self._ruleset is None:
                    errors = list(self._plugin_errors)
                    all_rules = self._collect_rules(errors)
                    settings = {**self.profile.settings, **self.config.settings}
                    self._ruleset = select_rules(self.config, all_rules, settings, errors)
        return self._ruleset

    @property
    def errors(self) -> list[str]:
        """Plugin, registration and selection errors (one line each)."""
        return self.ruleset.errors

    @property
    def all_rules(self) -> list[Rule]:
        """Every registered rule, selected or not, by id."""
        return self.ruleset.all_rules

    @property
    def rules(self) -> list[Rule]:
        """The rules this configuration runs."""
        return self.ruleset.rules

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
                result = list(impl.function(**args) or ())
            except ConfigError as exc:
                errors.append(str(exc))
                continue
            except (Exception, SystemExit) as exc:
                errors.append(f"plugin {name}: register_rules failed: {one_line(exc)}")
                continue
            for rule in result:
                if not isinstance(rule, Rule):
                    errors.append(f"plugin {name}: register_rules returned {_short(rule)}, not a Rule")
                    continue
                if not isinstance(rule.id, str) or not RULE_ID.match(rule.id):
                    errors.append(f"plugin {name}: rule id {rule.id!r} is not like 'ABC123'")
                    continue
                unknown = sorted(set(rule.scopes or ()) - set(BLOCK_KINDS))
                if unknown:
                    errors.append(
                        f"plugin {name}: rule {rule.id}: scopes: unknown block kind {unknown[0]!r} "
                        f"(allowed: {', '.join(BLOCK_KINDS)})"
                    )
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
            rs = self.ruleset
            with self._lock:
                if self._matcher is None:
                    key = tuple(r.phrase_key(rs.contexts[r.id]) for r in rs.phrase_rules)

                    def entries() -> Iterable[PhraseEntry]:
                        for r in rs.phrase_rules:
                            for phrase, payload in r.phrases(rs.contexts[r.id]).items():
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
        # Every parser's prose goes through the one text model for spaces and
        # invisible characters, so no rule needs its own whitespace class.
        doc = normalize_document(parser.parse(source, path, **options))
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

        A rule that raises, returns something that is not a finding, or runs
        past ``rule_time_limit`` is reported in ``errors`` by id and its
        findings are dropped; the other rules' findings stand.
        """
        errors = errors if errors is not None else []
        rs = self.ruleset
        self._call_plugins("prepare_document", errors, document=doc, config=self.config)
        found: list[tuple[Rule, Violation]] = []
        with budget.clock(self.time_limit(doc)) as clock:
            if rs.phrase_rules:
                by_rule: dict[str, list] = defaultdict(list)
                for m in self.matcher.scan(doc.text, doc.tokens):
                    by_rule[m.entry.owner].append(m)
                for rule in rs.phrase_rules:
                    matches = by_rule.get(rule.id)
                    if matches:
                        ctx = rs.contexts[rule.id]
                        self._run(rule, clock, errors, found, lambda r=rule, c=ctx, ms=matches: r.on_matches(doc, longest(ms), c))
            for rule in rs.check_rules:
                ctx = rs.contexts[rule.id]
                self._run(rule, clock, errors, found, lambda r=rule, c=ctx: r.check(doc, c))

        def hook(v: Violation) -> bool:
            return bool(self._call_plugins("suppress_violation", errors, violation=v, document=doc, config=self.config))

        return place(doc, found, severities=rs.severities, accept=self.config.accept, hook=hook)

    def accepting(self, config: Config) -> Linter:
        """This linter under ``config``, which differs from its own only in ``accept``.

        Everything built is shared (plugins, rules, the matcher), so the
        copy costs nothing; it is built first, so that both use the same.
        """
        import copy

        self.ruleset  # noqa: B018 - built before sharing
        if self.ruleset.phrase_rules:
            self.matcher  # noqa: B018
        twin = copy.copy(self)
        twin.config = config
        twin.__dict__.pop("_result_cache_key", None)  # the result cache keys by accept too
        return twin

    def time_limit(self, doc: Document) -> float:
        """Seconds each rule may spend on ``doc``: ``rule_time_limit`` per megabyte of prose, never less.

        A limit that did not grow with the text would stop sound rules on a
        large article on a slow machine; one per megabyte keeps the cost of a
        rule that never returns in proportion to what it was given.
        """
        return self.config.rule_time_limit * max(1.0, len(doc.text) / 1_000_000)

    def _run(self, rule: Rule, clock: budget.Clock | None, errors: list[str], found: list,
             call: Callable[[], Iterable[Violation] | None]) -> None:
        """Run one rule; what it found is kept only if all of it is well formed."""

        def collect() -> list[Violation]:
            return list(call() or ())

        try:
            out = clock.run(collect) if clock is not None else collect()
        except (budget.RuleTimeout, TimeoutError):  # TimeoutError: a regex's own timeout
            limit = clock.limit if clock is not None else self.config.rule_time_limit
            errors.append(
                f"rule {rule.id} ({rule.name}) stopped after {limit:g} s on this document "
                "(rule_time_limit); its findings are left out"
            )
            return
        except Exception as exc:
            # A rule that crashes midway reports nothing: half its findings mislead.
            if self.debug:
                raise
            errors.append(f"rule {rule.id} ({rule.name}) crashed: {one_line(exc)}")
            return
        problem = next((p for v in out if (p := _malformed(v))), None)
        if problem:
            errors.append(f"rule {rule.id} ({rule.name}) returned {problem}; its findings are left out")
            return
        found.extend((rule, v) for v in out)

    def _call_plugins(self, name: str, errors: list[str], **kwargs: Any) -> Any:
        """Call hook ``name`` plugin by plugin (first result wins, as pluggy's firstresult).

        A plugin that raises is named in one error line (once per document)
        and skipped; the others still run.
        """
        caller = getattr(self.plugins.pm.hook, name)
        for impl in reversed(caller.get_hookimpls()):
            try:
                result = impl.function(**{a: kwargs[a] for a in impl.argnames})
            except Exception as exc:
                if self.debug:
                    raise
                line = f"plugin {self.plugins.name_of(impl.plugin)}: {name} failed: {one_line(exc)}"
                if line not in errors:
                    errors.append(line)
                continue
            if result is not None and caller.spec and caller.spec.opts.get("firstresult"):
                return result
        return None


def _malformed(v: Any) -> str | None:
    """What is wrong with something a rule returned as a finding, or None."""
    if not isinstance(v, Violation):
        return f"{type(v).__name__} {_short(v)} instead of a finding"
    if not isinstance(v.message, str):
        return f"a finding whose message is {type(v.message).__name__}, not a string"
    if v.suggestion is not None and not isinstance(v.suggestion, str):
        return f"a finding whose suggestion is {type(v.suggestion).__name__}, not a string"
    if v.fix is not None and not (isinstance(v.fix, Fix) and isinstance(v.fix.replacement, str)):
        return "a finding whose fix is not a Fix with a string replacement"
    span = v.span
    if not (isinstance(getattr(span, "start", None), int) and isinstance(getattr(span, "end", None), int)):
        return "a finding whose span is not a Span of whole numbers"
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
        # Accepted findings are not part of the key: an editor's accept list
        # must not cost a new linter (rules collected, matcher compiled).
        key = (config.cache_key(with_accept=False), _plugin_fingerprint(config))
        with self._lock:
            linter = self._linters.get(key)
            if linter is None:
                if self.limit is not None and len(self._linters) >= self.limit:
                    self._linters.pop(next(iter(self._linters)))
                linter = self._linters[key] = Linter(config, debug=self.debug)
            if linter.config.accept != config.accept:
                linter = linter.accepting(config)
            self._last = (config, linter)
        return linter


#: The Python API's linters, shared by calls in this process (see LinterCache).
API_LINTERS = LinterCache(limit=8)
