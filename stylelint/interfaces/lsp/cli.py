"""``stylelint lsp``: the language server on stdio (``--tcp PORT`` for debugging)."""

from __future__ import annotations

import argparse
import logging
import sys

from stylelint import __version__
from stylelint.interfaces.lsp.server import Options, build_server  # needs the [lsp] extra (pygls)


def build_parser() -> argparse.ArgumentParser:
    """The ``stylelint lsp`` argument parser."""
    p = argparse.ArgumentParser(
        prog="stylelint lsp",
        description="The stylelint language server: diagnostics, quick fixes and rule docs in any LSP editor. "
        "Speaks LSP on stdin/stdout; editors start it as `stylelint lsp`.",
        epilog="initializationOptions override the flags: docsUrl, config, debounce (ms), lintTimeout (s).",
    )
    p.add_argument("--tcp", type=int, metavar="PORT", help="listen on PORT (loopback) instead of stdio, for debugging")
    p.add_argument("--host", default="127.0.0.1", help="address for --tcp (default: 127.0.0.1)")
    p.add_argument("--docs-url", metavar="TEMPLATE", help="link each diagnostic to TEMPLATE ({id} is the rule id)")
    p.add_argument("--config", metavar="FILE", help="use this config file for every document instead of discovering one")
    p.add_argument("--debounce", type=int, default=300, metavar="MS", help="lint this long after the last edit (default: 300)")
    p.add_argument("--lint-timeout", type=float, default=60.0, metavar="S", help="stop a lint that runs longer (default: 60)")
    p.add_argument("--log-level", default="WARNING", choices=("DEBUG", "INFO", "WARNING", "ERROR"),
                   help="what the server logs to stderr (default: WARNING)")
    p.add_argument("--version", action="version", version=f"stylelint {__version__}")
    return p


def main(argv: list[str]) -> int:
    """Run the server until the client says exit (or the connection closes)."""
    args = build_parser().parse_args(argv)
    if args.debounce < 0 or args.lint_timeout <= 0:
        print("stylelint lsp: error: --debounce and --lint-timeout must be positive", file=sys.stderr)
        return 2
    # stdout is the LSP channel: logs go to stderr, where editors keep them.
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, args.log_level),
                        format="stylelint lsp %(levelname)s %(name)s: %(message)s")
    options = Options(docs_url=args.docs_url, config=args.config, debounce=args.debounce / 1000,
                      lint_timeout=args.lint_timeout)
    server = build_server(options)
    try:
        if args.tcp is not None:
            server.start_tcp(args.host, args.tcp)
        else:
            server.start_io()
    finally:
        server.worker.close()
    return 0
