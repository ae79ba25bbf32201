"""Writing files safely: atomically, keeping what the file had.

Two writers:

- :func:`write_atomic` for files stylelint owns (the cache, ``--output``):
  a temporary file renamed over the old one.
- :func:`rewrite` for the user's articles (``--fix``), which must lose
  nothing the user had: the text if the run is killed, an edit made while
  it ran, the owner, group, mode, extended attributes (ACLs) and the links
  to the file.

Why the article writer works as it does. Linux has no call that replaces a
file's content in one step while keeping its inode, so a writer chooses:

- *Write a new file and rename it over the old* (sed -i, rsync by default,
  git, dpkg, most editors): a kill leaves the old file or the new one, never
  a half; but the name gets a new inode, so another hard link keeps the old
  text, and a new file belongs to whoever wrote it.
- *Overwrite the old file in place* (black, ruff, prettier, ``rsync
  --inplace``, vim with ``backupcopy=yes``, emacs with
  ``backup-by-copying``): links, owner and group stay; a kill midway leaves
  a truncated or half-written file.

vim (``backupcopy=auto``) and emacs (``backup-by-copying-when-linked``,
``-when-mismatch``) rename by default and copy in place only for a file
with other links or an owner the rename would change. stylelint keeps the
crash safety without exception: it replaces the file (through a temporary
copy and a checked swap) when that keeps everything, and otherwise
*refuses* with one line saying why, so ``--fix`` never silently trades one
loss for another. ``--force`` is the user's choice of the in-place
overwrite for exactly those files (the links and owner stay; the crash
safety goes, as the refusal says).

The swap is checked: the temporary file is exchanged with the original in
one step (``renameat2(RENAME_EXCHANGE)``), and the file that was swapped out
is then compared with the one that was linted; if someone changed or
replaced it meanwhile, the two are exchanged back and nothing is lost.
Where the exchange is not available (not Linux, NFS), the check is made
just before a plain rename, which leaves a window of microseconds.

A kill leaves at most one ``.stylelint-fix-<host>-<pid>-*.tmp`` beside a
file being fixed; the next ``--fix`` in that folder removes it
(:func:`remove_stale_temps`). :func:`write_atomic`'s temporary files (the
cache's entries, ``--output``) are ``.stylelint-tmp-<host>-<pid>-*.tmp``,
swept the same way by the next run that writes there.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import socket
import stat
import tempfile
import time

#: A temporary file left this long is abandoned, whoever left it.
STALE_SECONDS = 600

_TEMP = re.compile(r"\.stylelint-(?:fix|tmp)-([0-9a-f]{8})-([0-9]+)-[A-Za-z0-9_]+\.tmp\Z")
_HOST: str | None = None


class StaleFileError(Exception):
    """The file changed on disk between linting and writing the fix; nothing was written."""


class WriteRefused(Exception):
    """Writing would lose something the file has; ``str()`` is the one-line reason."""


def _umask() -> int:
    """The process umask, read without changing it where the OS allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: the classic read-and-restore
    os.umask(mask)
    return mask


def _write_all(fd: int, data: bytes, offset: int | None = None) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view) if offset is None else os.pwrite(fd, view, offset)
        view = view[n:]
        if offset is not None:
            offset += n


def write_atomic(
    path: str, text: str, *, encoding: str = "utf-8", newline: str | None = "", durable: bool = True,
    temp_dir: str | None = None,
) -> None:
    """Replace ``path`` with ``text`` in one step (temporary file, then rename).

    A crash midway leaves the old file whole. An existing file keeps its
    permission bits. ``newline=""`` writes line endings exactly as given.
    ``durable=False`` skips the flush to disk before the rename: for cache
    files, which are checked when read, so a file a power cut left empty is
    only a miss (a thousand flushes added a quarter to a first cached run).
    ``temp_dir`` (on the same file system) holds the temporary file instead
    of ``path``'s folder, so one sweep finds what a kill left.
    """
    folder = temp_dir or os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        # A new file gets the mode open() would give it (0o666 less the umask).
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix("tmp"), suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            fh.write(text)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


# ---------------------------------------------------------------------------
# Rewriting an article (--fix)


def _host_tag() -> str:
    """This machine, in a temporary file's name: a process id means something only here."""
    global _HOST
    if _HOST is None:
        _HOST = hashlib.blake2s(socket.gethostname().encode("utf-8", "replace"), digest_size=4).hexdigest()
    return _HOST


def temp_prefix(kind: str, pid: int | None = None) -> str:
    """How a temporary file of ours starts: ``.stylelint-<kind>-<host>-<pid>-`` (kind ``fix`` or ``tmp``)."""
    return f".stylelint-{kind}-{_host_tag()}-{os.getpid() if pid is None else pid}-"


def fix_temp_prefix(pid: int | None = None) -> str:
    """The name a fix's temporary file starts with: ``.stylelint-fix-<host>-<pid>-``."""
    return temp_prefix("fix", pid)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) would end the process on Windows: rely on the age
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, and belongs to someone else
    return True


def remove_stale_temps(folder: str) -> int:
    """Remove the temporary files interrupted runs left in ``folder``; returns how many.

    Only names of :func:`temp_prefix`'s pattern, only regular files, and
    only abandoned ones: from a process of this machine that no longer runs,
    or (from another machine, or a process id reused since) older than
    :data:`STALE_SECONDS`. A write in progress, here or elsewhere, keeps its
    file.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m is None:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        here, pid = m.group(1) == _host_tag(), int(m.group(2))
        if here and pid == os.getpid():
            continue
        if now - st.st_mtime <= STALE_SECONDS and not (here and not _alive(pid)):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed += 1
    return removed


def _read_from(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``fd`` from its start (without moving its offset)."""
    chunks: list[bytes] = []
    offset = 0
    while offset < limit:
        chunk = os.pread(fd, min(limit - offset, 1 << 20), offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _unchanged(fd: int, st: os.stat_result, old: bytes) -> bool:
    """Whether the open file ``fd`` still holds ``old``, as it did at ``st``."""
    now = os.fstat(fd)
    if now.st_size != len(old) or now.st_mtime_ns != st.st_mtime_ns:
        return False
    return _read_from(fd, len(old) + 1) == old


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


_RENAMEAT2 = None


def _exchange(a: str, b: str) -> bool:
    """Swap the files named ``a`` and ``b`` in one step; False where the OS cannot."""
    global _RENAMEAT2
    if _RENAMEAT2 is None:
        _RENAMEAT2 = False
        if os.name == "posix":
            try:
                import ctypes

                fn = ctypes.CDLL(None, use_errno=True).renameat2
                fn.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
                fn.restype = ctypes.c_int
                _RENAMEAT2 = fn
            except (OSError, AttributeError):
                pass
    if _RENAMEAT2 is False:
        return False
    import ctypes

    at_fdcwd, rename_exchange = -100, 2
    if _RENAMEAT2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # this file system (or kernel) has no exchange
    raise OSError(err, os.strerror(err), b)


def _owner_keepable(st: os.stat_result) -> bool:
    """Whether a file this process creates can be given ``st``'s owner and group."""
    if not hasattr(os, "geteuid"):
        return True
    if os.geteuid() == 0:
        return True
    return st.st_uid == os.geteuid() and (st.st_gid == os.getegid() or st.st_gid in os.getgroups())


def _xattrs(fd: int) -> dict[str, bytes]:
    if not hasattr(os, "listxattr"):
        return {}
    try:
        return {name: os.getxattr(fd, name) for name in os.listxattr(fd)}
    except OSError:
        return {}  # a file system without them


def _copy_metadata(src_fd: int, st: os.stat_result, dst_fd: int) -> None:
    """Give ``dst_fd`` the owner, group, mode and extended attributes of ``src_fd``.

    The owner first (a change of owner clears set-id bits), then the mode,
    then the attributes (an ACL there sets the group bits as they were).
    """
    mine = os.fstat(dst_fd)
    if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid) and hasattr(os, "fchown"):
        try:
            os.fchown(dst_fd, st.st_uid, st.st_gid)
        except OSError as exc:
            raise WriteRefused(
                f"cannot keep its owner and group (uid {st.st_uid}, gid {st.st_gid}): {exc.strerror}; not fixed"
            ) from None
    os.fchmod(dst_fd, stat.S_IMODE(st.st_mode))
    have = _xattrs(dst_fd)
    for name, value in _xattrs(src_fd).items():
        if have.get(name) == value:
            continue
        try:
            os.setxattr(dst_fd, name, value)
        except OSError as exc:
            raise WriteRefused(
                f"cannot keep its extended attribute {name}: {exc.strerror}; not fixed "
                "(--force rewrites it in place)"
            ) from None


def _replace_checked(target: str, data: bytes, fd: int, st: os.stat_result, old: bytes) -> None:
    """Put ``data`` at ``target`` through a temporary copy and a checked swap."""
    folder = os.path.dirname(target)
    tfd, tmp = tempfile.mkstemp(prefix=fix_temp_prefix(), suffix=".tmp", dir=folder)
    leftover: str | None = tmp  # what to remove at the end
    try:
        try:
            _write_all(tfd, data)
            _copy_metadata(fd, st, tfd)
            os.fsync(tfd)  # the new text is on disk before its name is
        finally:
            os.close(tfd)
        if not _unchanged(fd, st, old):
            raise StaleFileError("changed on disk since it was read; not fixed")
        if _exchange(tmp, target):
            # ``tmp`` now names what ``target`` held at the moment of the swap.
            try:
                displaced = os.lstat(tmp)
            except OSError:
                displaced = None
            if displaced is not None and _same_file(displaced, st) and _unchanged(fd, st, old):
                return  # the old text, as linted, is removed below
            if displaced is None:
                leftover = None
                raise StaleFileError("changed on disk while it was fixed; the fixed text was kept")
            try:
                _exchange(tmp, target)  # theirs back at the name; ours is removed below
            except OSError:
                leftover = None  # never remove the other version
                raise StaleFileError(
                    f"changed on disk while it was fixed; the other version is kept as {tmp}"
                ) from None
            raise StaleFileError("changed on disk since it was read; not fixed")
        try:
            current = os.lstat(target)
        except OSError:
            current = None
        if current is None or not _same_file(current, st):
            raise StaleFileError("changed on disk since it was read; not fixed")
        os.replace(tmp, target)
        leftover = None
    finally:
        if leftover is not None:
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


def _rewrite_in_place(target: str, data: bytes, st: os.stat_result, old: bytes) -> None:
    """Overwrite ``target``'s content in its own inode (``--force``: not crash-safe)."""
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    wfd = os.open(target, flags)
    try:
        now = os.fstat(wfd)
        if not stat.S_ISREG(now.st_mode) or not _same_file(now, st) or not _unchanged(wfd, st, old):
            raise StaleFileError("changed on disk since it was read; not fixed")
        _write_all(wfd, data, 0)
        os.ftruncate(wfd, len(data))
        os.fsync(wfd)
    finally:
        os.close(wfd)


def rewrite(target: str, data: bytes, *, fd: int, st: os.stat_result, old: bytes, force: bool = False) -> None:
    """Give the regular file ``target`` the content ``data``, losing nothing it had.

    :param target: the file itself (a symlink resolved by the caller).
    :param fd: ``target`` open for reading, as :func:`~stylelint.parsers.decode.open_regular`
        opened it; ``st`` its stat then and ``old`` its content then (the
        text that was linted). If the file no longer holds ``old``, nothing
        is written and :class:`StaleFileError` is raised.
    :param force: write a read-only file; overwrite in place a file that a
        replace would split from its other hard links or give to another
        owner (see the module's notes).
    :raises WriteRefused: the reason, in one line, when writing would lose
        something; nothing was written.
    """
    mode = stat.S_IMODE(st.st_mode)
    read_only = not mode & 0o222 or not os.access(target, os.W_OK)
    if read_only and not force:
        raise WriteRefused(f"is read-only (mode {mode:04o}); not fixed (--force fixes it and keeps the mode)")
    split = st.st_nlink > 1
    if split or not _owner_keepable(st):
        if not force:
            if split:
                why, kept = (f"has {st.st_nlink} hard links: replacing it would leave the other names "
                             "with the old text"), "the links"
            else:
                why, kept = (f"belongs to uid {st.st_uid} gid {st.st_gid}: a replacement written by "
                             "this user could not keep them"), "its owner and group"
            raise WriteRefused(f"{why}; not fixed (--force rewrites it in place, keeping {kept}, "
                               "but a crash mid-write could leave it half-written)")
        _rewrite_in_place(target, data, st, old)
        return
    _replace_checked(target, data, fd, st, old)
