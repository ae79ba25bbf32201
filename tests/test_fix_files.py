"""--fix loses nothing the user had: links, owner, group, mode, read-only files, text on a kill."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys

import pytest

from stylelint.parsers.decode import open_regular
from stylelint.run import fileio
from stylelint.run.fileio import StaleFileError, fix_temp_prefix, remove_stale_temps, rewrite

from clihelp import as_user, cli_env, run, stylelint_command

CONFIG = """\
select = ["TST"]

[[rules]]
id = "TST001"
name = "alot"
kind = "substitution"
swap = {alot = "a lot"}
fixable = "safe"
"""

OLD = "It was alot.\nWe liked it alot.\n"
NEW = "It was a lot.\nWe liked it a lot.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def temps(path) -> list[str]:
    return sorted(n for n in os.listdir(path) if n.startswith(".stylelint-"))


def test_hard_links_are_refused_and_kept_or_rewritten_in_place_with_force(folder):
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(OLD, encoding="utf-8")
    os.link(a, b)
    proc = run("--fix", "a.txt", cwd=folder)
    assert proc.returncode == 2
    assert ("a.txt: error: has 2 hard links: replacing it would leave the other names with the old text; "
            "not fixed (--force rewrites it in place") in proc.stderr
    assert "fixed 0 findings in 0 files" in proc.stderr
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8") == OLD
    assert os.path.samefile(a, b) and temps(folder) == []
    # --force: in place, so both names see the fix; the second name is linted
    # again after the first is written (no "changed on disk").
    forced = run("--fix", "--force", "a.txt", "b.txt", cwd=folder)
    assert forced.returncode == 0, forced.stderr
    assert "fixed 2 findings in 1 file" in forced.stderr
    assert os.path.samefile(a, b) and os.stat(a).st_nlink == 2
    assert b.read_text(encoding="utf-8") == NEW


def test_a_symlink_and_its_target_in_one_run_are_fixed_once(folder):
    sub = folder / "d"
    sub.mkdir()
    (sub / "a.txt").write_text(OLD, encoding="utf-8")
    (sub / "link.txt").symlink_to("a.txt")
    proc = run("--fix", "d", "d/a.txt", cwd=folder)  # the target even twice
    assert proc.returncode == 0, proc.stderr
    assert "changed on disk" not in proc.stderr
    assert "fixed 2 findings in 1 file" in proc.stderr
    assert (sub / "link.txt").is_symlink() and os.readlink(sub / "link.txt") == "a.txt"
    assert (sub / "a.txt").read_text(encoding="utf-8") == NEW
    assert temps(sub) == []


def test_read_only_files_are_refused_unless_force(folder):
    path = folder / "a.txt"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o444)
    proc = run("--fix", "a.txt", cwd=folder)
    assert proc.returncode == 2
    assert "a.txt: error: is read-only (mode 0444); not fixed (--force fixes it and keeps the mode)" in proc.stderr
    assert path.read_text(encoding="utf-8") == OLD
    forced = run("--fix", "--force", "a.txt", cwd=folder)
    assert forced.returncode == 0, forced.stderr
    assert path.read_text(encoding="utf-8") == NEW
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444
    assert run("--force", "a.txt", cwd=folder).stderr.strip() == "stylelint: error: --force needs --fix"
    assert "--force" in run("--help").stdout


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_owner_group_mode_and_extended_attributes_are_kept(folder):
    path = folder / "a.txt"
    path.write_text(OLD, encoding="utf-8")
    os.chown(path, 1234, 5678)
    os.chmod(path, 0o2640)  # set-group-id too: a change of owner would clear it
    try:
        os.setxattr(path, "user.desk", b"metro")
        xattrs = True
    except OSError:  # a file system without user attributes
        xattrs = False
    before = os.stat(path)
    proc = run("--fix", "a.txt", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    after = os.stat(path)
    assert path.read_text(encoding="utf-8") == NEW
    assert after.st_ino != before.st_ino  # replaced (atomically), not overwritten
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (1234, 5678, 0o2640)
    if xattrs:
        assert os.getxattr(path, "user.desk") == b"metro"


def test_a_file_another_user_owns_is_refused_when_run_as_that_user_cannot_keep_it(tmp_path):
    # The article belongs to root; the fix runs as nobody, who may write it
    # (mode 0666) and replace it (the folder is 0777), but whose new file would
    # belong to nobody.
    prefix = as_user(65534, 65534)
    if prefix is None:
        pytest.skip("needs root and setpriv to run the CLI as another user")
    import tempfile

    # tmp_path's parents are root's, mode 0700: the other user works in /tmp.
    shared = tempfile.mkdtemp(prefix="stylelint-owner-")
    try:
        os.chmod(shared, 0o777)
        with open(os.path.join(shared, "stylelint.toml"), "w", encoding="utf-8") as fh:
            fh.write(CONFIG)
        path = os.path.join(shared, "a.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(OLD)
        os.chmod(path, 0o666)
        proc = run("--fix", "a.txt", cwd=shared, prefix=prefix, env={"HOME": shared})
        assert proc.returncode == 2, proc.stderr
        assert ("a.txt: error: belongs to uid 0 gid 0: a replacement written by this user could not keep them; "
                "not fixed (--force rewrites it in place") in proc.stderr
        assert open(path, encoding="utf-8").read() == OLD and os.stat(path).st_uid == 0
        forced = run("--fix", "--force", "a.txt", cwd=shared, prefix=prefix, env={"HOME": shared})
        assert forced.returncode == 0, forced.stderr
        assert open(path, encoding="utf-8").read() == NEW
        assert (os.stat(path).st_uid, os.stat(path).st_gid) == (0, 0)
        assert temps(shared) == []
    finally:
        import shutil

        shutil.rmtree(shared, ignore_errors=True)


def test_a_file_replaced_or_edited_after_it_was_read_is_left_as_the_other_writer_left_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one alot\n")
    # Replaced by another writer (a new inode) after it was read: the file
    # read is unchanged, so only the check after the swap sees it, and swaps back.
    fd, st = open_regular(str(path))
    old = os.pread(fd, 100, 0)
    other = tmp_path / "other"
    other.write_bytes(b"two alot\n")
    theirs = os.stat(other).st_ino
    os.replace(other, path)
    with pytest.raises(StaleFileError):
        rewrite(str(path), b"one a lot\n", fd=fd, st=st, old=old)
    os.close(fd)
    assert path.read_bytes() == b"two alot\n" and os.stat(path).st_ino == theirs
    assert temps(tmp_path) == []
    # Edited in place, same size, its modification time put back: the content shows it.
    fd, st = open_regular(str(path))
    old = os.pread(fd, 100, 0)
    with open(path, "r+b") as fh:
        fh.write(b"TWO")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(StaleFileError):
        rewrite(str(path), b"two a lot\n", fd=fd, st=st, old=old)
    os.close(fd)
    assert path.read_bytes() == b"TWO alot\n" and temps(tmp_path) == []


def test_the_swap_exchanges_two_names_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"A")
    b.write_bytes(b"B")
    ino_a = os.stat(a).st_ino
    if not fileio._exchange(str(a), str(b)):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: the plain rename is used")
    assert (a.read_bytes(), b.read_bytes(), os.stat(b).st_ino) == (b"B", b"A", ino_a)


# -- killed mid-run ----------------------------------------------------------------

N_FILES = 1000


def _article(i: int) -> str:
    # Long enough that a write is not instant; every file its own text.
    return "".join(f"Story {i}, paragraph {p}: the council spent alot on roads.\n" for p in range(40))


def test_kill_9_mid_fix_leaves_every_file_old_or_new_and_the_next_run_cleans_up(folder):
    arts = folder / "articles"
    arts.mkdir()
    names = [f"s{i:04d}.txt" for i in range(N_FILES)]
    old = {n: _article(i).encode() for i, n in enumerate(names)}
    new = {n: t.replace(b"alot", b"a lot") for n, t in old.items()}
    for n in names:
        (arts / n).write_bytes(old[n])
    proc = subprocess.Popen([*stylelint_command(), "--fix", "-j", "1", "--quiet", "articles"], cwd=folder,
                            env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Files are fixed in report order: wait until the 100th is new on disk,
    # then kill at once, in the middle of the run.
    watched = arts / names[99]
    try:
        while watched.read_bytes() != new[names[99]]:
            try:
                proc.wait(timeout=0.005)
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"the fix ended (exit {proc.returncode}) before it was killed")
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    states = {}
    for n in names:
        data = (arts / n).read_bytes()
        assert data in (old[n], new[n]), f"{n} is neither the old nor the new text ({len(data)} bytes)"
        states[n] = data == new[n]
    assert states[names[0]] and states[names[99]] and not states[names[-1]]
    # Whatever the kill left (at most the one temporary file being written) goes
    # on the next run, which fixes the rest.
    left = temps(arts)
    assert len(left) <= 1 and all(t.startswith(".stylelint-fix-") for t in left)
    again = run("--fix", "-j", "1", "articles", cwd=folder)
    assert again.returncode == 0, again.stderr
    assert all((arts / n).read_bytes() == new[n] for n in names)
    assert temps(arts) == []
    if left:
        assert "removed 1 temporary file (.stylelint-fix-*.tmp) left by an interrupted --fix" in again.stderr


def test_stale_temporary_files_are_removed_and_no_one_elses(folder):
    (folder / "a.txt").write_text(OLD, encoding="utf-8")
    # A process that has ended: its temporary file is abandoned.
    ended = subprocess.Popen([sys.executable, "-c", ""])
    ended.wait()
    dead = fix_temp_prefix(ended.pid) + "k1llxd.tmp"
    live = fix_temp_prefix(os.getpid()) + "inprog.tmp"  # this test process: alive, not the CLI
    host = fix_temp_prefix().split("-")[2]
    other_host = "0" * 8 if host != "0" * 8 else "1" * 8
    fresh_elsewhere = f".stylelint-fix-{other_host}-12-fresh0.tmp"
    old_elsewhere = f".stylelint-fix-{other_host}-12-old000.tmp"
    cache_temp = ".stylelint-abcd1234.tmp"  # the cache's naming: never touched
    for name in (dead, live, fresh_elsewhere, old_elsewhere, cache_temp):
        (folder / name).write_bytes(b"partial")
    hour_ago = (folder / old_elsewhere).stat().st_mtime - 3600
    for name in (old_elsewhere, cache_temp):
        os.utime(folder / name, (hour_ago, hour_ago))
    # A pattern-named symlink is not a temporary file of ours.
    os.symlink("a.txt", folder / (fix_temp_prefix(ended.pid) + "symlnk.tmp"))

    # --diff writes nothing, and removes nothing.
    assert run("--diff", "a.txt", cwd=folder).returncode == 1
    assert len(temps(folder)) == 6
    proc = run("--fix", "a.txt", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    assert "removed 2 temporary files (.stylelint-fix-*.tmp) left by an interrupted --fix" in proc.stderr
    assert temps(folder) == sorted([live, fresh_elsewhere, cache_temp, fix_temp_prefix(ended.pid) + "symlnk.tmp"])
    assert remove_stale_temps(str(folder)) == 0
