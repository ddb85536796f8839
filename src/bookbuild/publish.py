"""Putting a book's outputs in place: all of them at once, or none.

A build writes every output of a book into a staging folder beside dist/<slug>/ and then swaps
the two folders with one rename (renameat2 RENAME_EXCHANGE on Linux). A reader of dist/ sees the
previous release or the new one, never a mix, and a book's folder holds exactly the outputs of
one build: outputs of an earlier build with other formats do not linger. Where the exchange is
not available, the previous folder is moved aside first and moved back if the second rename
fails. Staging left by a killed build is cleaned up (or the moved-aside release restored) when
the next build of that book starts. Builds of one book into one folder take turns (a lock file).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from .errors import BookbuildError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def check_writable(out_root: Path) -> None:
    """Fail at once, before any work, when the output folder cannot be created or written."""
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_root):
            pass
    except OSError as exc:
        raise BookbuildError(f"cannot write the output folder ({exc.strerror or exc}); choose another --out",
                             out_root) from None


def publish(out_root: Path, slug: str, files: dict[str, bytes]) -> list[Path]:
    """Write the files as out_root/slug/, replacing the book's previous outputs in one step."""
    final = out_root / slug
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        with open(out_root / f".{slug}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another build of this book into the same folder waits here
            clean_stale(out_root, slug)
            staging = Path(tempfile.mkdtemp(dir=out_root, prefix=f".{slug}.staging-"))
            try:
                for name, data in files.items():
                    (staging / name).write_bytes(data)
                    os.chmod(staging / name, 0o644)
                os.chmod(staging, 0o755)
                _swap_in(staging, final)
            finally:
                shutil.rmtree(staging, ignore_errors=True)  # after the swap: the previous release
    except OSError as exc:
        raise BookbuildError(f"cannot write the book's outputs ({exc.strerror or exc}); nothing was changed",
                             final) from None
    return [final / name for name in files]


def clean_stale(out_root: Path, slug: str) -> None:
    """Remove staging a killed build left; put back a release moved aside and never replaced.
    Called under the book's lock, so no running build's staging is touched."""
    for stale in out_root.glob(f".{slug}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    aside = _aside(out_root, slug)
    if aside.exists():
        if (out_root / slug).exists():
            shutil.rmtree(aside)
        else:
            os.rename(aside, out_root / slug)


def _swap_in(staging: Path, final: Path) -> None:
    """After this, final holds the staged files and staging holds the previous release (if any)."""
    if not final.exists():
        os.rename(staging, final)
        return
    if _exchange(staging, final):
        return
    aside = _aside(final.parent, final.name)
    os.rename(final, aside)
    try:
        os.rename(staging, final)
    except BaseException:
        os.rename(aside, final)
        raise
    os.rename(aside, staging)


def _aside(out_root: Path, slug: str) -> Path:
    return out_root / f".{slug}.previous"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # the C library's, if it has one
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
