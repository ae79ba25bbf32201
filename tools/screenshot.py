#!/usr/bin/env python3
"""Screenshot stylelint's HTML report of articles in headless Chromium.

    python tools/screenshot.py --docs        # regenerate docs/screenshots/*.png
    python tools/screenshot.py examples/blinken-ukraine.txt -o shot.png
    python tools/screenshot.py page.html -o shot.png --keep report.html --height 3000
    python tools/screenshot.py --report report.html -o mark.png --anchor sl-m1-7
    python tools/screenshot.py --report report.html -o print.png --print --width 800

Runs the installed ``stylelint --format html`` on the inputs (one report,
one section per input), then Chromium headless with networking off, and
writes a PNG. ``--report FILE`` screenshots an existing report instead.
Chromium comes from Debian (``apt-get install -y chromium``); as root it
needs ``--no-sandbox``, which is passed when running as root.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: A made-up news page (page chrome, scraped residue, an injected script and
#: tracking image) for the HTML screenshot: our own text, free to publish.
DEMO_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council passes budget | The Example Gazette</title>
<link rel="stylesheet" href="https://cdn.example.com/site.css"><script src="https://ads.example.com/ad.js"></script></head>
<body onload="track()">
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li></ul></nav>
<article>
<h1>Council passes $4.2 million budget after late-night vote</h1>
<p class="byline">By A. Reporter</p>
<p>SPRINGFIELD, Ill. &mdash; The city council passed a $4.2 million budget on Dec. 7th after a debate that ran past midnight.</p>
<p>&ldquo;We delivered what we promised,&rdquo; Mayor Jane Smith <b>claimed</b> after the vote. Council member Tom Lee insisted that the plan would raise fees.</p>
<p>The budget adds 5 officers to the police department and funds repairs to 3 bridges.<img src="https://cdn.example.com/bridge.jpg" onerror="alert(1)" alt="The Elm Street bridge"></p>
<p><a href="javascript:alert(2)">Share this story</a> <span class="share">Facebook</span> <span class="share">Twitter</span></p>
<h3>Related posts</h3>
<ul><li><a href="/a">Council debates fees</a></li><li><a href="/b">Bridge repairs to begin</a></li></ul>
<p>12 comments</p>
</article>
<iframe src="https://ads.example.com/frame"></iframe>
<footer><p>&copy; 2024 The Example Gazette. All rights reserved.</p></footer>
</body></html>
"""

#: A public-domain (CC0) Markdown post from the shared corpus, when present.
DEMO_MARKDOWN = ROOT.parent / "shared" / "corpus" / "markdown" / "md-18f-2016-03-18-18f-year-two-by-the-numbers.md"


def docs_screenshots(folder: Path) -> list[Path]:
    """Regenerate the screenshots in ``docs/screenshots`` (see README, Output formats)."""
    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        reference = tmp_path / "reference.html"
        make_report(["examples/blinken-ukraine.txt"], reference, [], cwd=ROOT)
        for name, kwargs in (
            ("blinken-ukraine.png", {}),
            ("blinken-ukraine-marks.png", {"anchor": "sl-m1-25", "height": 1300}),
        ):
            shots.append(folder / name)
            screenshot(reference, shots[-1], kwargs.get("width", 1280), kwargs.get("height", 2000), kwargs.get("anchor"))
        shots.append(folder / "blinken-ukraine-print.png")
        screenshot(print_preview(reference, tmp_path / "print.html"), shots[-1], 800, 2400)
        page = tmp_path / "city-budget.html"
        page.write_text(DEMO_PAGE, encoding="utf-8")
        report = tmp_path / "page-report.html"
        make_report([page.name], report, [], cwd=tmp_path)
        shots.append(folder / "html-page.png")
        screenshot(report, shots[-1], 1280, 1250)
        if DEMO_MARKDOWN.exists():
            report = tmp_path / "md-report.html"
            make_report([os.path.relpath(DEMO_MARKDOWN, ROOT)], report, [], cwd=ROOT)
            shots.append(folder / "markdown.png")
            screenshot(report, shots[-1], 1280, 1500)
    return shots


def find_chromium() -> str:
    """The Chromium binary, or exit with how to install it."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshot: no chromium found (apt-get update && apt-get install -y chromium)")


def stylelint_command() -> list[str]:
    """The stylelint next to this Python, else on PATH, else ``python -m stylelint``."""
    script = Path(sys.executable).parent / "stylelint"
    if script.exists():
        return [str(script)]
    found = shutil.which("stylelint")
    return [found] if found else [sys.executable, "-m", "stylelint"]


def make_report(inputs: list[str], out: Path, extra: list[str], cwd: Path | None = None) -> int:
    """Write the HTML report of ``inputs`` to ``out``; returns stylelint's exit code.

    With ``cwd``, stylelint runs there (inputs relative to it read better in the report).
    """
    proc = subprocess.run(
        [*stylelint_command(), "--format", "html", "--output", str(out.resolve()), *extra, *inputs],
        capture_output=True, text=True, cwd=cwd,
    )
    if proc.returncode == 2 or not out.exists():
        sys.stderr.write(proc.stderr)
    return proc.returncode


def screenshot(report: Path, png: Path, width: int, height: int, anchor: str | None = None) -> None:
    """Render ``report`` in headless Chromium to ``png`` (scrolled to ``#anchor`` if given)."""
    profile = tempfile.mkdtemp(prefix="stylelint-chromium-")
    target = report.resolve().as_uri()
    if anchor:
        # Headless Chromium paints a blank page when a fragment scrolls the
        # top-level document; scrolled inside an iframe it paints fine.
        wrapper = Path(profile) / "frame.html"
        wrapper.write_text(
            '<!DOCTYPE html><html><body style="margin:0">'
            f'<iframe src="{target}#{anchor}" style="width:{width}px;height:{height}px;border:0;display:block">'
            "</iframe></body></html>",
            encoding="utf-8",
        )
        target = wrapper.as_uri()
    cmd = [
        find_chromium(), "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={png.resolve()}",
        f"--window-size={width},{height}", target,
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.insert(1, "--no-sandbox")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0 or not png.exists():
        sys.stderr.write(proc.stderr)
        sys.exit(f"screenshot: chromium failed ({proc.returncode})")


def print_preview(report: Path, out: Path) -> Path:
    """A copy of ``report`` whose print styles apply on screen (a print preview)."""
    text = report.read_text(encoding="utf-8")
    out.write_text(text.replace("@media print{", "@media all{"), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: inputs (or ``--report``), ``-o PNG``, window size."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="articles to lint and report")
    ap.add_argument("-o", "--out", help="PNG to write")
    ap.add_argument("--docs", action="store_true", help="regenerate docs/screenshots/*.png")
    ap.add_argument("--report", help="screenshot this existing HTML report instead")
    ap.add_argument("--keep", help="also keep the generated report here")
    ap.add_argument("--anchor", help="scroll to this id first (sl-m1-7: mark 7 of file 1; sl-f1-7: its list entry)")
    ap.add_argument("--print", action="store_true", help="apply the report's print styles (use --width 800 for A4)")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=2000)
    ap.add_argument("--stylelint-arg", action="append", default=[], help="extra argument for stylelint (repeatable)")
    args = ap.parse_args(argv)
    if args.docs:
        for shot in docs_screenshots(ROOT / "docs" / "screenshots"):
            print(shot)
        return 0
    if not args.out:
        ap.error("-o/--out is required (or --docs)")
    png = Path(args.out)
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.report:
            report = Path(args.report)
        else:
            if not args.inputs:
                ap.error("give articles to lint, or --report FILE")
            report = Path(args.keep) if args.keep else Path(tmp) / "report.html"
            make_report(args.inputs, report, args.stylelint_arg)
        if args.print:
            report = print_preview(report, Path(tmp) / "print.html")
        screenshot(report, png, args.width, args.height, args.anchor)
    print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
