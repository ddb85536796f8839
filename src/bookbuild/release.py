"""The release in dist/: each book's record of what it was built from and what it holds, the check
that a book is up to date, and the manifest of the whole release (SHA256SUMS, release.json, a
download page and an OPDS catalog).

A book's record (dist/<slug>/<slug>.build.json) is published with its outputs, in the same swap,
so a record always describes the files beside it. A book is up to date when its inputs hash to the
record's and every file it lists is there with its size and checksum.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from . import __version__
from .build import Product
from .config import config_for_text_file, load_config
from .errors import BookbuildError
from .publish import publish
from .read.manuscript import digest_files, input_files

PACKAGE = Path(__file__).resolve().parent
RECORD = "{slug}.build.json"


def book_slug(path: Path) -> str:
    if not path.exists():
        raise BookbuildError("no such file or folder", path)
    return (load_config(path) if path.is_dir() else config_for_text_file(path)).slug


def source_bytes(path: Path) -> int:
    """The size of a manuscript's files: what its build time grows with."""
    return sum(p.stat().st_size for p in input_files(path))


def inputs_digest(path: Path, formats: tuple[str, ...]) -> str:
    """What a book's outputs depend on: its manuscript, bookbuild's code, templates and styles, and
    the options. Any change to one of them changes the digest."""
    # templates/ and styles/ are links in a source tree, and rglob does not follow links: walk them apart
    own = sorted([*PACKAGE.rglob("*.py"), *(p for folder in ("templates", "styles")
                                            for p in (PACKAGE / folder).rglob("*") if p.is_file())])
    return hashlib.sha256("\n".join([
        __version__, ",".join(formats),
        digest_files(input_files(path), path if path.is_dir() else path.parent),
        digest_files(own, PACKAGE),
    ]).encode()).hexdigest()


def up_to_date(out_root: Path, slug: str, digest: str) -> dict | None:
    """The book's record when its outputs were built from these inputs and are all there, intact."""
    folder = out_root / slug
    try:
        record = json.loads((folder / RECORD.format(slug=slug)).read_text())
        if record.get("inputs") != digest:
            return None
        for name, entry in record["files"].items():
            data = (folder / name).read_bytes()
            if len(data) != entry["bytes"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return record


def publish_product(out_root: Path, path: Path, product: Product, formats: tuple[str, ...],
                    digest: str | None = None) -> list[Path]:
    """Publish a book's outputs with its record."""
    record = {
        "book": product.slug, "bookbuild": __version__, "formats": list(formats),
        "inputs": digest or inputs_digest(path, formats), **asdict(product.facts),
        "files": {name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                  for name, data in sorted(product.files.items())},
    }
    files = {**product.files, RECORD.format(slug=product.slug): _json(record)}
    return publish(out_root, product.slug, files)


def write_manifest(out_root: Path) -> list[Path]:
    """dist/SHA256SUMS, release.json, index.html and catalog.xml for every book in out_root."""
    from .render.catalog import catalog_xml, index_html

    records = []
    for folder in sorted(p for p in out_root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            records.append(json.loads((folder / RECORD.format(slug=folder.name)).read_text()))
        except (OSError, ValueError):
            continue  # not a book bookbuild released
    sums = "".join(f"{hashlib.sha256((out_root / book['book'] / name).read_bytes()).hexdigest()}  {book['book']}/{name}\n"
                   for book in records for name in [*book["files"], RECORD.format(slug=book["book"])])
    files = {
        "SHA256SUMS": sums.encode(),
        "release.json": _json({"bookbuild": __version__, "books": records}),
        "index.html": index_html(records).encode(),
        "catalog.xml": catalog_xml(records).encode(),
    }
    for name, data in files.items():
        write_atomically(out_root / name, data)
    return [out_root / name for name in files]


def read_sums(out_root: Path) -> dict[str, str]:
    """SHA256SUMS as {relative path: checksum}."""
    sums = {}
    for number, line in enumerate((out_root / "SHA256SUMS").read_text().splitlines(), start=1):
        checksum, _, name = line.partition("  ")
        if len(checksum) != 64 or not name:
            raise BookbuildError("not a SHA256SUMS line; rebuild the release", out_root / "SHA256SUMS", number)
        sums[name] = checksum
    return sums


def _json(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def write_atomically(path: Path, data: bytes) -> None:
    """The file whole or not at all: written beside its place, then renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
