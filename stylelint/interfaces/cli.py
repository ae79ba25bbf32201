"""The ``stylelint`` command.

Exit codes: 0 nothing at or above ``fail_on``; 1 findings at or above it;
2 usage, config or input errors (the other files are still linted and
reported). Errors are one line each on stderr; ``--debug`` adds tracebacks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from typing import Any

from stylelint import __version__

#: ``stylelint NAME ...`` runs ``module.main(argv)`` instead of linting:
#: name -> (module, one line for --help, the extra its imports need or None).
#: Modules load only when their command runs, so the core install stays small.
SUBCOMMANDS: dict[str, tuple[str, str, str | None]] = {
    "inspect": ("stylelint.interfaces.inspect", "what the rules read: prose, blocks, quotations, article region", None),
    "lsp": ("stylelint.interfaces.lsp.cli", "the language server, for editors (stdio; --tcp PORT)", "lsp"),
    "mcp": ("stylelint.interfaces.mcp", "the MCP server, for writing assistants (stdio)", "mcp"),
    "serve": ("stylelint.interfaces.server.cli", "run the HTTP service: native API, LanguageTool API, check page", "server"),
}

EPILOG = """\
exit codes: 0 clean, 1 findings at or above fail_on, 2 errors (bad input, config or plugin).
docs: stylelint --explain ID; config: stylelint.toml, .stylelint.toml or [tool.stylelint] in pyproject.toml.
"""


def _epilog() -> str:
    if not SUBCOMMANDS:
        return EPILOG
    width = max(map(len, SUBCOMMANDS))
    lines = [f"  stylelint {name:<{width}}  {help_}" for name, (_, help_, _) in sorted(SUBCOMMANDS.items())]
    return "commands (each has its own --help):\n" + "\n".join(lines) + "\n\n" + EPILOG


def _subcommand(name: str, argv: Sequence[str]) -> int:
    """Run ``stylelint NAME argv...``; a missing optional extra is one line, exit 2."""
    import importlib

    module, _, extra = SUBCOMMANDS[name]
    try:
        entry = importlib.import_module(module).main
    except ImportError as exc:
        if extra is None or (exc.name or "").startswith("stylelint"):
            raise
        print(
            f"stylelint {name}: needs the [{extra}] extra ({exc.name} is not installed): "
            f"pip install 'stylelint[{extra}]'",
            file=sys.stderr,
        )
        return 2
    return entry(list(argv))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for docs and tests)."""
    p = argparse.ArgumentParser(
        prog="stylelint",
        description="Check news copy against a house style: plain text, Markdown and HTML.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; - reads stdin")
    p.add_argument("--format", "-f", default="text", metavar="NAME", help="output format: text (default), json, html, sarif, github, junit, gitlab, or one a plugin adds")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--profile", metavar="NAME", help="house style: ap (default), nyt, guardian")
    p.add_argument("--select", metavar="IDS", help="comma-separated rule ids or prefixes to run (replaces the profile's set)")
    p.add_argument("--extend-select", metavar="IDS", help="rule ids or prefixes to run besides the profile's set")
    p.add_argument("--ignore", metavar="IDS", help="comma-separated rule ids or prefixes to skip")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run (default: warning)")
    p.add_argument("--config", metavar="FILE", help="use this config file instead of discovering one per file")
    p.add_argument("--rules-dir", action="append", default=[], metavar="DIR", help="load a newsroom's rule modules and word lists from DIR (repeatable)")
    p.add_argument("--input-format", metavar="NAME", help="parse every input, files and stdin, as text, markdown or html (default: by extension or content)")
    p.add_argument("--stdin-filename", metavar="PATH", help="name stdin's article for the report, format detection and overrides")
    p.add_argument("--stdin-json", action="store_true", help='CMS mode: read {"text": ..., "format": ..., "config": {...}} from stdin, write the JSON report')
    p.add_argument("--list-rules", action="store_true", help="list rules: id, name, severity, family, plugin, and whether the profile runs them")
    p.add_argument("--explain", metavar="ID", help="print a rule's documentation")
    p.add_argument("-j", "--jobs", type=_positive_int, metavar="N", help="lint files in N processes (default: the number of cores); output is the same as with -j 1")
    p.add_argument("--cache", action="store_true", help="reuse findings of unchanged files (keyed by content, config, plugins and version)")
    p.add_argument("--cache-dir", default=".stylelint_cache", metavar="DIR", help="where --cache keeps results (default: .stylelint_cache)")
    p.add_argument("--statistics", action="store_true", help="show counts per rule")
    p.add_argument("--quiet", "-q", action="store_true", help="only findings, no source excerpts; nothing when clean")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output (auto: on a terminal, never with NO_COLOR)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place (with -: print the fixed article, report to stderr), then report what remains")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print a unified diff of what --fix would change; write nothing")
    p.add_argument("--force", action="store_true", help="with --fix: fix read-only files too (keeping their mode), and rewrite in place files a replace would split from their other hard links or give to another owner (not crash-safe); without it such files are an error, not fixed")
    p.add_argument("--docs-url", metavar="TEMPLATE", help="link rules to TEMPLATE ({id} is the rule id) in html and sarif output")
    p.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    p.add_argument("--version", action="version", version=f"stylelint {__version__}")
    return p


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {n}")
    return n


def _ids(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _cli_overrides(args: argparse.Namespace) -> dict[str, Any]:
    from stylelint.config.model import config_from_mapping

    raw: dict[str, Any] = {}
    for key in ("select", "extend_select", "ignore"):
        ids = _ids(getattr(args, key))
        if ids is not None:
            raw[key] = ids
    if args.profile:
        raw["profile"] = args.profile
    if args.fail_on:
        raw["fail_on"] = args.fail_on
    if args.rules_dir:
        raw["rules_dirs"] = args.rules_dir
    if not raw:
        return {}
    validated = config_from_mapping(raw, root=os.getcwd(), origin="command line")
    return {k: getattr(validated, k) for k in raw}


def _use_color(args: argparse.Namespace) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or args.output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _emit(text: str, output: str | None, stream=None) -> None:
    from stylelint.report.escape import escape_undecodable

    text = escape_undecodable(text)  # a file name that is not UTF-8
    if output:
        from stylelint.run.fileio import remove_stale_temps, write_atomic

        remove_stale_temps(os.path.dirname(os.path.abspath(output)))
        write_atomic(output, text)
    else:
        stream = stream or sys.stdout
        stream.write(text)
        stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        # A file of that name is linted as ./NAME.
        return _subcommand(argv[0], argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return _main(args)
    except KeyboardInterrupt:
        print("stylelint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from stylelint.config.errors import ConfigError

        if args.debug:
            traceback.print_exc()
        if isinstance(exc, ConfigError):
            print(f"stylelint: error: {exc}", file=sys.stderr)
        else:
            print(f"stylelint: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)", file=sys.stderr)
        return 2


def run() -> None:
    """The ``stylelint`` command (console script and ``python -m stylelint``)."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except ValueError:  # a server (stylelint lsp) closed its channel on exit
        pass
    raise SystemExit(code)


def _main(args: argparse.Namespace) -> int:
    from stylelint.config.model import ConfigResolver, load_config
    from stylelint.engine.linter import LinterCache
    from stylelint.run.runner import default_jobs, run_paths

    explicit = load_config(args.config) if args.config else None
    resolver = ConfigResolver(explicit, _cli_overrides(args))
    cache = LinterCache(debug=args.debug)

    if args.list_rules or args.explain:
        linter = cache.get(resolver.for_path(None))
        for err in linter.errors:
            print(f"stylelint: error: {err}", file=sys.stderr)
        if args.explain:
            return _explain(linter, args.explain.strip().upper())
        return _list_rules(linter, args)

    if args.stdin_json:
        return _stdin_json(args, resolver, cache)

    if args.unsafe_fixes and not (args.fix or args.diff):
        print("stylelint: error: --unsafe-fixes needs --fix or --diff", file=sys.stderr)
        return 2
    if args.force and not args.fix:
        print("stylelint: error: --force needs --fix", file=sys.stderr)
        return 2

    if not args.paths:
        print("stylelint: error: no paths given (use - to read stdin; see --help)", file=sys.stderr)
        return 2
    problem = _argument_problem(args, resolver, cache)
    if problem:
        print(f"stylelint: error: {problem}", file=sys.stderr)
        return 2

    from stylelint.report.results import Report

    report = Report()
    stdin_files: list = []
    file_paths = [p for p in args.paths if p != "-"]
    if file_paths:
        # Fixing re-lints each file as it edits it: cached results would be stale.
        cache_dir = args.cache_dir if (args.cache and not (args.fix or args.diff)) else None
        jobs = args.jobs if args.jobs is not None else default_jobs()
        report = run_paths(file_paths, resolver, cache=cache, jobs=jobs, cache_dir=cache_dir,
                           input_format=args.input_format)
    if "-" in args.paths:
        stdin_report = _lint_stdin(args, resolver, cache)
        stdin_files = stdin_report.files
        report.files.extend(stdin_report.files)
        report.errors.extend(e for e in stdin_report.errors if e not in report.errors)
        if not file_paths:
            report.fail_on = stdin_report.fail_on
    if args.fix or args.diff:
        from stylelint.run.fix import run_cli_fixes

        return run_cli_fixes(report, args, resolver, cache, stdin_files, _finish)
    return _finish(report, args, cache)


def _lint_stdin(args: argparse.Namespace, resolver, cache):
    from stylelint.parsers.decode import InputError, decode
    from stylelint.report.results import FileResult, Report

    name = args.stdin_filename
    cfg = resolver.for_path(name)
    linter = cache.get(cfg)
    data = sys.stdin.buffer.read()
    try:
        source, encoding = decode(data, html=(args.input_format == "html"))
    except InputError as exc:
        return Report(files=[FileResult(path=name or "-", errors=[str(exc)])], errors=list(linter.errors), fail_on=cfg.fail_on)
    result = linter.lint_source(source, name, args.input_format, display_path=name or "-")
    result.encoding = encoding
    return Report(files=[result], errors=list(linter.errors), fail_on=cfg.fail_on)


def _finish(report, args: argparse.Namespace, cache, stream=None) -> int:
    # Formatters come from any linter of the run (only a run that found no
    # file at all has none, and then the defaults serve).
    linters = cache.built()
    if not linters:
        from stylelint.config.model import Config

        linters = [cache.get(Config())]
    formatters = linters[0].formatters
    fmt = formatters.get(args.format)
    if fmt is None:
        print(f"stylelint: error: unknown format {args.format!r} (allowed: {', '.join(sorted(formatters))})", file=sys.stderr)
        return 2
    from stylelint.report.escape import printable

    # One error, one line, nothing raw from a file name or a plugin's message.
    for err in report.errors:
        print(f"stylelint: error: {printable(err)}", file=sys.stderr)
    for f in report.files:
        for err in f.errors:
            print(f"{printable(f.path)}: error: {printable(err)}", file=sys.stderr)
        for warning in f.warnings:
            print(f"{printable(f.path)}: warning: {printable(warning)}", file=sys.stderr)
    options = _options(args)
    # Rule metadata for formatters that describe rules (sarif, html); every
    # linter of the run, since rules_dirs may differ per config.
    options["rules"] = _LazyRules(linters)
    options["docs_url"] = args.docs_url
    try:
        _emit(fmt.render(report, options), args.output, stream)
    except OSError as exc:
        if args.output is None:
            raise
        print(f"stylelint: error: cannot write --output {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return report.exit_code()


def _argument_problem(args: argparse.Namespace, resolver, cache) -> str | None:
    """What is wrong with the run's file arguments, found before any file is linted."""
    if args.cache and not (args.fix or args.diff) and os.path.exists(args.cache_dir) and not os.path.isdir(args.cache_dir):
        return f"--cache-dir {args.cache_dir}: not a folder"
    if args.output:
        if os.path.isdir(args.output):
            return f"--output {args.output}: is a folder, not a file"
        parent = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(parent):
            return f"--output {args.output}: no such folder {parent}"
    linter = _cwd_linter(resolver, cache)
    if args.input_format and linter is not None:
        parsers = linter.parsers
        if args.input_format not in parsers:
            return f"--input-format: unknown format {args.input_format!r} (allowed: {', '.join(sorted(parsers))})"
    return None


def _options(args: argparse.Namespace) -> dict:
    return {"color": _use_color(args), "quiet": args.quiet, "statistics": args.statistics}


def _cwd_linter(resolver, cache):
    """The linter for the working folder's config, or None when that config is bad
    (the run itself reports it): it knows the parsers and formats plugins add."""
    try:
        return cache.get(resolver.for_path(None))
    except Exception:
        return None


class _LazyRules(Mapping):
    """Rule id -> Rule over the run's linters, collected on first access.

    Only formatters that describe rules (sarif, html) read it, so a text
    report of cached results never imports the rule packs.
    """

    def __init__(self, linters) -> None:
        self._linters = linters
        self._rules: dict | None = None

    def _all(self) -> dict:
        if self._rules is None:
            self._rules = {r.id: r for lt in self._linters for r in lt.all_rules}
        return self._rules

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _explain(linter, rule_id: str) -> int:
    from stylelint.rule.docs import render_explain

    rule = linter.rule(rule_id)
    if rule is None:
        print(f"stylelint: error: no rule {rule_id!r} (see stylelint --list-rules)", file=sys.stderr)
        return 2
    sys.stdout.write(render_explain(rule))
    return 0


def rule_rows(linter) -> list[dict[str, Any]]:
    """Every rule of ``linter`` as ``--list-rules --format json`` (and ``GET /v1/rules``) lists it."""
    active = {r.id for r in linter.rules}
    return [
        {
            "id": r.id, "name": r.name, "severity": str(r.severity), "family": r.family,
            "plugin": r.plugin, "enabled": r.id in active, "summary": r.summary,
            "fixable": r.fixable,
        }
        for r in linter.all_rules
    ]


def _list_rules(linter, args: argparse.Namespace) -> int:
    active = {r.id for r in linter.rules}
    if args.format == "json":
        sys.stdout.write(json.dumps(rule_rows(linter), indent=2) + "\n")
        return 0
    width = max((len(r.name) for r in linter.all_rules), default=4)
    pw = max((len(r.plugin) for r in linter.all_rules), default=6)
    print(f"{'id':<7} {'name':<{width}} {'severity':<8} {'family':<6} {'plugin':<{pw}} on")
    for r in linter.all_rules:
        on = "yes" if r.id in active else "-"
        print(f"{r.id:<7} {r.name:<{width}} {str(r.severity):<8} {r.family:<6} {r.plugin:<{pw}} {on}")
    return 0


def _stdin_json(args: argparse.Namespace, resolver, cache) -> int:
    """CMS mode: one JSON request on stdin, the JSON report on stdout.

    The request is one document or ``{"documents": [...]}`` of them (see
    :mod:`stylelint.interfaces.requests`): inline settings over this
    command's configuration, never a file or code. A bad document is an
    error of its own; the others are still linted.
    """
    from stylelint.interfaces.requests import lint_request
    from stylelint.report.escape import escape_undecodable

    try:
        request = json.loads(sys.stdin.buffer.read().decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        print(f"stylelint: error: stdin: not a JSON request: {exc}", file=sys.stderr)
        return 2
    report = lint_request(request, resolver.for_path(None), cache)
    sys.stdout.write(escape_undecodable(json.dumps(report.to_dict(), ensure_ascii=False)) + "\n")
    return report.exit_code()
