"""Decode raw manuscript bytes: BOMs, UTF-8, UTF-16, legacy 8-bit encodings, line ends.

UTF-8 (or a byte-order mark) is certain. Anything else is a guess, and said to be one: the encoding
named in book.toml wins; otherwise a text in a Western European language that cp1252 reads as
Latin letters is cp1252 (detectors often take it for a Baltic or Central European code page,
which turns 'naïve' into 'naļve'); otherwise charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from ..errors import BookbuildError

# C0 and C1 controls but tab, and the non-characters XML refuses (U+FFFE, U+FFFF, lone surrogates)
STRAY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}


# languages written with the Latin letters cp1252 holds (ISO 639-1)
WESTERN_LANGUAGES = frozenset("af br ca cy da de en es et eu fi fo fr ga gd gl id is it la lb ms nb nl nn no "
                              "oc pt rm sq sv sw wa".split())
# what cp1252 text in those languages holds beyond ASCII: Latin-1 letters and the typographic marks
WESTERN_CHARACTERS = re.compile("[\u00a0-\u00ffŒœŠšŽžŸƒ‘’“”„‚–—…•€™†‡‰‹›ˆ˜]")


@dataclass(frozen=True)
class Decoded:
    """A manuscript's text, the encoding it was read in, and whether that encoding was a guess."""

    text: str
    encoding: str
    guessed: bool = False


@dataclass(frozen=True)
class SourceLine:
    """One line of the manuscript as received, with its 1-based line number."""

    number: int
    text: str


def decode(data: bytes, path: Path | str = "<bytes>", encoding: str | None = None,
           language: str = "en") -> Decoded:
    """The text of a manuscript, or BookbuildError if it is not text. `encoding` (from book.toml)
    overrides detection; `language` (the book's) decides between legacy code pages that tie."""
    if not data.strip():
        raise BookbuildError("the file is empty; nothing to build", path)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_as(data[len(bom):], bom_encoding, path, "a byte-order mark says"), path)
    if encoding is not None:
        return _checked(_decode_as(data, encoding, path, "book.toml says"), path)
    if b"\0" in data:
        raise BookbuildError("contains NUL bytes: this is binary data, not a text manuscript", path,
                             _line_of(data, data.index(b"\0")))
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), path)
    except UnicodeDecodeError:
        return _checked(_decode_legacy(data, path, language), path)


def read_source(path: Path, encoding: str | None = None, language: str = "en") -> tuple[list[SourceLine], Decoded]:
    """Read and decode one source file into numbered lines."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BookbuildError(f"cannot read: {exc.strerror}", path) from None
    decoded = decode(data, path, encoding, language)
    return [SourceLine(i, line) for i, line in enumerate(decoded.text.split("\n"), start=1)], decoded


def _decode_as(data: bytes, encoding: str, path: Path | str, because: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        raise BookbuildError(f"{because} {encoding}, but this is not valid {encoding} text", path,
                             _line_of(data, exc.start)) from None


def _decode_legacy(data: bytes, path: Path | str, language: str) -> Decoded:
    if language.split("-")[0].lower() in WESTERN_LANGUAGES:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = None
        if text is not None and _reads_as_western(text):
            return Decoded(text, "cp1252", guessed=True)
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None:
        raise BookbuildError("cannot tell the text encoding: this does not look like text; "
                             "set encoding in book.toml if it is", path)
    # An 8-bit Western legacy file: cp1252 is a superset of latin-1's printable range.
    encoding = "cp1252" if best.encoding in ("latin_1", "iso8859_15") else best.encoding
    return Decoded(_decode_as(data, encoding, path, "the detector guessed").text, encoding, guessed=True)


def _reads_as_western(text: str) -> bool:
    """Every character past ASCII is a Latin-1 letter or a typographic mark, and they are few, as in
    Western European text (a Cyrillic or Greek code page read as cp1252 gives words of accented letters)."""
    beyond = [ch for ch in text if ord(ch) > 127]
    if any(not WESTERN_CHARACTERS.match(ch) for ch in beyond):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return len(beyond) <= 0.3 * max(letters, 1)


def _checked(decoded: Decoded, path: Path | str) -> Decoded:
    sample = decoded.text[:100_000]
    controls = sum(1 for ch in sample if ch in _CONTROL)
    if controls > max(3, len(sample) // 200):
        raise BookbuildError("contains control characters: this looks like binary data, not a text manuscript", path)
    return Decoded(_newlines(decoded.text), decoded.encoding, decoded.guessed)


def _newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:-1] if text.endswith("\n") else text


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
