"""A version of a book to compare: a manuscript folder or text file (normalised here), a built book
XML, or a manuscript as it was at a git revision."""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from lxml import etree

from ..errors import BookbuildError
from .reading import Unit, reading_units


@dataclass
class Version:
    label: str  # what the report calls it: 'manuscript/x', 'manuscript/x at v1.0'
    units: list[Unit]
    source: list[str] | None  # the source lines (numbered from 1), when the version has them


def load_version(path: Path, rev: str | None = None) -> Version:
    if rev is not None:
        with tempfile.TemporaryDirectory() as tmp:
            return _normalised(_checkout(path, rev, Path(tmp)), f"{path} at {rev}")
    if path.is_file() and path.suffix == ".xml":
        try:
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
        except etree.XMLSyntaxError as exc:
            raise BookbuildError(f"not a readable book XML ({exc})", path) from None
        return Version(str(path), reading_units(tree.getroot()), None)
    return _normalised(path, str(path))


def _normalised(path: Path, label: str) -> Version:
    from ..normalise import normalise
    from ..read.manuscript import read_manuscript

    manuscript = read_manuscript(path)
    tree, _ = normalise(manuscript.lines, manuscript.config, manuscript.table_data, manuscript.corrections)
    return Version(label, reading_units(tree), [line.text for line in manuscript.lines])


def _checkout(path: Path, rev: str, into: Path) -> Path:
    """The manuscript folder (or file) as git has it at `rev`, unpacked under `into`."""
    where = path if path.is_dir() else path.parent
    top = _git(where, "rev-parse", "--show-toplevel").decode().strip()
    relative = path.resolve().relative_to(Path(top).resolve())
    archive = _git(Path(top), "archive", "--format=tar", rev, "--", str(relative) or ".")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    checked_out = into / relative
    if not checked_out.exists():
        raise BookbuildError(f"git revision {rev} has no {relative}", path)
    return checked_out


def _git(where: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(where), *args], capture_output=True, timeout=120)
    except FileNotFoundError:
        raise BookbuildError("--rev needs git; install it") from None
    if result.returncode:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise BookbuildError(f"git {args[0]} failed: {message[-1] if message else result.returncode}", where)
    return result.stdout
