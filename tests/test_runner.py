"""Parallel runs and the result cache never change what is reported."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from clihelp import run, without_permission_override
from conftest import REFERENCE, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def corpus_sample(tmp_path, copies=4):
    """A folder of the repository's own articles (text, Markdown, HTML), each several times."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(copies):
        for src in sorted(FIXTURES.iterdir()):
            shutil.copy(src, folder / f"{k}-{src.name}")
    shutil.copy(REFERENCE, folder / "reference.txt")
    (folder / "page.html").write_text("<article><p>&ldquo;We won,&rdquo; the mayor <b>claimed</b>.</p></article>")
    (folder / "post.md").write_text('# Title\n\n"We won," the [mayor](https://x.org) *claimed*.\n')
    (folder / "bad.txt").write_bytes(b"caf\xe9")
    return folder


def test_jobs_and_cache_do_not_change_findings(tmp_path):
    folder = corpus_sample(tmp_path)
    cache = str(tmp_path / "cache")
    outputs = {}
    for label, args in {
        "j1": ["-j", "1"],
        "j2": ["-j", "2"],
        "cold": ["-j", "2", "--cache", "--cache-dir", cache],
        "warm": ["-j", "1", "--cache", "--cache-dir", cache],
        "warm-j2": ["-j", "2", "--cache", "--cache-dir", cache],
    }.items():
        proc = run("--format", "json", *args, str(folder), cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr  # bad.txt
        outputs[label] = proc.stdout
        text = run("--format", "text", *args, str(folder), cwd=tmp_path)
        outputs[label + "-text"] = text.stdout
    assert len({outputs[k] for k in ("j1", "j2", "cold", "warm", "warm-j2")}) == 1
    assert len({outputs[k + "-text"] for k in ("j1", "j2", "cold", "warm", "warm-j2")}) == 1
    data = json.loads(outputs["j1"])
    assert data["summary"]["violations"] > 50
    # One entry per distinct article linted without error (copies share theirs).
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == len(list(FIXTURES.iterdir())) + 3  # the reference, page.html and post.md


def test_cache_entries_are_used_and_corrupt_ones_ignored(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    art = folder / "s.txt"
    art.write_text('"We won," the mayor claimed.\n')
    cache = tmp_path / "cache"
    first = run("--format", "json", "--cache", "--cache-dir", str(cache), str(folder))
    entries = [p for p in cache.rglob("*.json")]
    assert len(entries) == 1
    # Plant a different result under the same key: a trusted cache would report it.
    entry = json.loads(entries[0].read_text())
    entry["result"]["violations"][0][3] = "from the cache"  # a row: rule, start, end, message, ...
    entries[0].write_text(json.dumps(entry))
    used = run("--format", "json", "--cache", "--cache-dir", str(cache), str(folder))
    assert json.loads(used.stdout)["files"][0]["violations"][0]["message"] == "from the cache"
    # Corrupt and foreign entries are ignored and rewritten.
    entries[0].write_text("{not json")
    again = run("--format", "json", "--cache", "--cache-dir", str(cache), str(folder))
    assert again.stdout == first.stdout and again.returncode == 1
    entry["key"] = "someone else's"
    entries[0].write_text(json.dumps(entry))
    assert run("--format", "json", "--cache", "--cache-dir", str(cache), str(folder)).stdout == first.stdout
    assert json.loads(entries[0].read_text())["key"] != "someone else's"


def test_cache_misses_when_content_config_or_word_list_changes(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    art = folder / "s.txt"
    art.write_text("The advisor spoke.\n")
    words = tmp_path / "HSE001-words.tsv"
    words.write_text("spoke\tsaid\n")
    args = ["--format", "json", "--cache", "--cache-dir", str(tmp_path / "cache"), "--rules-dir", str(tmp_path), str(folder)]
    rules = lambda proc: sorted(v["rule"] for v in json.loads(proc.stdout)["files"][0]["violations"])  # noqa: E731
    assert rules(run(*args)) == ["HSE001", "SPL001"]
    words.write_text("advisor\tconsultant\n")
    os.utime(words, ns=(1, 10**18))  # a different modification time, whatever the clock says
    assert rules(run(*args)) == ["HSE001", "SPL001"] and "consultant" in run(*args).stdout
    art.write_text("The adviser spoke.\n")
    assert rules(run(*args)) == []
    assert rules(run(*args, "--ignore", "SPL")) == []


def test_jobs_argument_is_validated():
    proc = run("-j", "0", "-", input="x")
    assert proc.returncode == 2 and "expected at least 1" in proc.stderr


def _articles(folder, n=40):
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(f"The mayor mentioned {i} plans on Jan. 14.\n", encoding="utf-8")
    return folder


def test_cache_that_cannot_be_written_is_skipped_and_a_file_named_as_the_folder_is_refused(tmp_path):
    folder = _articles(tmp_path / "articles", n=34)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    plain = run("--format", "json", str(folder), cwd=tmp_path)
    # A cache folder that cannot be made (its parent is a file): linted as without a cache.
    unwritable = run("--format", "json", "--cache", "--cache-dir", str(blocker / "cache"), str(folder), cwd=tmp_path)
    assert unwritable.returncode == plain.returncode == 1 and unwritable.stdout == plain.stdout
    assert unwritable.stderr == ""
    refused = run("--format", "json", "--cache", "--cache-dir", str(blocker), str(folder), cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip() == f"stylelint: error: --cache-dir {blocker}: not a folder"


# -- what the walk cannot read, and what is not a file ---------------------------

def test_an_unreadable_folder_is_an_error_and_the_rest_is_linted(tmp_path):
    prefix = without_permission_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: every folder is readable")
    top = tmp_path / "articles"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "x.txt").write_text("The advisor spoke.\n")
    (top / "open").mkdir()
    (top / "open" / "y.txt").write_text("The advisor spoke.\n")
    (top / "z.txt").write_text("The advisor spoke.\n")
    (top / "locked").chmod(0)
    try:
        proc = run("--format", "json", "articles", "articles/locked/x.txt", cwd=tmp_path, prefix=prefix)
    finally:
        (top / "locked").chmod(0o755)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [
        "articles/locked: error: cannot read folder: Permission denied; its files are not linted",
        # A file under it is not "no such file".
        "articles/locked/x.txt: error: cannot read: Permission denied",
    ]
    files = json.loads(proc.stdout)["files"]
    # In the walk's order: the folder's files, then each subfolder where it stands.
    assert [f["path"] for f in files] == ["articles/z.txt", "articles/locked", "articles/open/y.txt",
                                          "articles/locked/x.txt"]
    assert all(f["violations"] for f in files if f["path"].endswith(("y.txt", "z.txt")))


def test_fifos_sockets_and_devices_are_refused_not_read(tmp_path):
    import socket

    top = tmp_path / "articles"
    top.mkdir()
    (top / "a.txt").write_text("The advisor spoke.\n")
    os.mkfifo(top / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(top / "sock.md"))
    try:
        # Before, the FIFO blocked the run for good: a time limit turns that into a failure.
        proc = run("articles", "articles/pipe.txt", "/dev/null", "/dev/zero", cwd=tmp_path, timeout=60)
    finally:
        sock.close()
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if ": error: " in line]
    assert errors == [
        "articles/pipe.txt: error: is a FIFO (named pipe), not a regular file; skipped",
        "articles/sock.md: error: is a socket, not a regular file; skipped",
        "articles/pipe.txt: error: is a FIFO (named pipe), not a regular file; skipped",
        "/dev/null: error: is a character device, not a regular file; skipped",
        "/dev/zero: error: is a character device, not a regular file; skipped",
    ]
    assert "articles/a.txt:1:" in proc.stdout


def test_temporary_files_a_killed_run_left_are_swept_by_the_next_write(tmp_path):
    import subprocess
    import sys

    from stylelint.run.fileio import temp_prefix

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(ended.stdout)
    cache, out = tmp_path / "cache", tmp_path / "reports"
    cache.mkdir()
    out.mkdir()
    left = [cache / (temp_prefix("tmp", dead) + "abc123.tmp"), out / (temp_prefix("tmp", dead) + "def456.tmp")]
    alive = cache / (temp_prefix("tmp", os.getpid()) + "live00.tmp")  # a run still writing: kept
    for path in [*left, alive]:
        path.write_text("{half a")
    (tmp_path / "a.txt").write_text("The vote is on Dec. 7th.\n")
    proc = run("--cache", "--cache-dir", str(cache), "-o", str(out / "r.json"), "-f", "json", str(tmp_path / "a.txt"))
    assert proc.returncode == 1, proc.stderr
    assert not any(p.exists() for p in left) and alive.exists()
    assert json.loads((out / "r.json").read_text())["summary"]["violations"] == 1
