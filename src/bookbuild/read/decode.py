"""Decode raw manuscript bytes: BOMs, UTF-8, UTF-16, legacy 8-bit encodings, line ends."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from ..errors import BookbuildError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}


@dataclass(frozen=True)
class SourceLine:
    """One line of the manuscript as received, with its 1-based line number."""

    number: int
    text: str


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """Return the text of a manuscript, or raise BookbuildError if it is not text."""
    if not data.strip():
        raise BookbuildError("the file is empty; nothing to build", path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise BookbuildError(f"starts with a {encoding} byte-order mark but is not {encoding}", path,
                                     _line_of(data, exc.start)) from None
    if b"\0" in data:
        raise BookbuildError("contains NUL bytes: this is binary data, not a text manuscript", path,
                             _line_of(data, data.index(b"\0")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, path)
    controls = sum(1 for ch in text[:100_000] if ch in _CONTROL)
    if controls > max(3, len(text[:100_000]) // 200):
        raise BookbuildError("contains control characters: this looks like binary data, not a text manuscript", path)
    return _newlines(text)


def read_source(path: Path) -> list[SourceLine]:
    """Read and decode one source file into numbered lines."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BookbuildError(f"cannot read: {exc.strerror}", path) from None
    text = decode(data, path)
    return [SourceLine(i, line) for i, line in enumerate(text.split("\n"), start=1)]


def _decode_legacy(data: bytes, path: Path | str) -> str:
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else None
    if encoding is None:
        raise BookbuildError("cannot tell the text encoding: this does not look like text", path)
    # An 8-bit Western legacy file: cp1252 is a superset of latin-1's printable range.
    if encoding in ("latin_1", "iso8859_15"):
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BookbuildError(f"not valid {encoding} text", path, _line_of(data, exc.start)) from None


def _newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:-1] if text.endswith("\n") else text


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
