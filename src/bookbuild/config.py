"""The manuscript folder's book.toml: loaded, checked, and turned into a BookConfig."""

from __future__ import annotations

import codecs
import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BookbuildError

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# control characters and the non-characters XML cannot hold, in a one-line value such as a title
NOT_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
MAX_LINE = 300  # characters in a title, subtitle or author's name: longer is a mistake, and no page could set it
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class FurnitureRules:
    """Furniture the general heuristics cannot know: exact lines to drop, and where the end matter starts."""

    lines: tuple[str, ...] = ()
    trailer_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class StructureHints:
    """A proofreader's word on lines the general rules cannot decide: these are headings, these are not."""

    headings: tuple[str, ...] = ()
    not_headings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSwitches:
    """Normaliser rules to run beyond the preset for the kind of raw text (opt-in rules that describe
    one website or dump tool), and preset rules not to run."""

    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()


@dataclass(frozen=True)
class BookConfig:
    slug: str
    title: str | None
    authors: tuple[str, ...]
    language: str
    sources: tuple[Path, ...]
    subtitle: str | None = None
    pubdate: str | None = None
    source: str | None = None
    kind: str | None = None  # "web" or "pdf"; None: recognised from the text
    division: str | None = None  # "book" or "article"; None: from the structure found
    trim: str = "6x9"  # the print edition's page: "6x9" (inches, trade paperback) or "a5"
    encoding: str | None = None  # the sources' text encoding; None: detected
    publisher: str | None = None
    edition: str | None = None  # 'Second edition', as the imprint page prints it
    isbn_epub: str | None = None
    isbn_print: str | None = None
    layout: str | None = None  # "full" front matter, or "compact" (a title block); None: from the structure
    paper_thickness: float = 0.002252  # inches a page (50 lb white paper): the print cover's spine
    dedication: str | None = None  # front matter the publisher adds: on a page of its own
    epigraph: str | None = None
    epigraph_source: str | None = None
    furniture: FurnitureRules = field(default_factory=FurnitureRules)
    rules: RuleSwitches = field(default_factory=RuleSwitches)
    structure: StructureHints = field(default_factory=StructureHints)
    folder: Path | None = None  # the manuscript folder, with its editorial files; None for a bare .txt


_KEYS = {
    "title": str, "subtitle": str, "authors": list, "language": str, "sources": list,
    "pubdate": str, "source": str, "kind": str, "division": str, "trim": str, "encoding": str, "furniture": dict, "rules": dict,
    "structure": dict, "publisher": str, "edition": str, "isbn_epub": str, "isbn_print": str, "layout": str,
    "paper_thickness": float, "dedication": str, "epigraph": str, "epigraph_source": str,
}
_FURNITURE_KEYS = {"lines": list, "trailer_from": list}
_RULES_KEYS = {"enable": list, "disable": list}
_STRUCTURE_KEYS = {"headings": list, "not_headings": list}
_CHOICES = {"kind": ("web", "pdf"), "division": ("book", "article"), "trim": ("6x9", "a5"), "layout": ("full", "compact")}


def load_config(folder: Path) -> BookConfig:
    """Read folder/book.toml; raise BookbuildError naming the file and line for anything wrong."""
    path = folder / "book.toml"
    if not path.is_file():
        raise BookbuildError("no book.toml here; add one with title, authors, language and sources", folder)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise BookbuildError("book.toml is not UTF-8 text; save it as UTF-8", path) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        if line is None and "end of document" in str(exc):
            line = text.rstrip("\n").count("\n") + 1
        raise BookbuildError(f"not valid TOML ({exc.args[0].split(' (at')[0]}); fix the syntax", path, line) from None
    if isinstance(data.get("pubdate"), (datetime.date, datetime.datetime)):  # pubdate = 2017-05-01, unquoted
        data["pubdate"] = data["pubdate"].isoformat()[:10]
    _check_keys(data, _KEYS, path, "")
    furniture = data.get("furniture", {})
    _check_keys(furniture, _FURNITURE_KEYS, path, "furniture.")
    for key in ("title", "authors", "language", "sources"):
        if not data.get(key):
            raise BookbuildError(f"missing required key '{key}'", path)
    for key, choices in _CHOICES.items():
        if key in data and data[key] not in choices:
            raise BookbuildError(f"'{key}' must be one of {', '.join(choices)}, not {data[key]!r}", path)
    for key in ("authors", "sources"):
        _check_strings(data[key], key, path)
    for key in _FURNITURE_KEYS:
        _check_strings(furniture.get(key, []), f"furniture.{key}", path)
    for key in ("title", "subtitle", "authors", "publisher", "edition"):
        for value in data[key] if key == "authors" else [data.get(key, "")]:
            _check_line(value, key, path, text)
    if not 0.001 <= data.get("paper_thickness", 0.002252) <= 0.01:
        raise BookbuildError("'paper_thickness' is inches a page, between 0.001 and 0.01 (50 lb white paper: "
                             "0.002252)", path, _line_of_key(text, "paper_thickness"))
    for key in ("isbn_epub", "isbn_print"):
        if key in data and not valid_isbn(data[key]):
            raise BookbuildError(f"'{key}' is not a valid ISBN (10 or 13 digits, hyphens allowed, with its check "
                                 "digit)", path, _line_of_key(text, key))
    if "encoding" in data:
        try:
            codecs.lookup(data["encoding"])
        except LookupError:
            raise BookbuildError(f"unknown encoding {data['encoding']!r} (use a Python codec name such as "
                                 "utf-8, cp1252, latin-1, cp1251)", path, _line_of_key(text, "encoding")) from None
    if "pubdate" in data:
        _check_date(data["pubdate"], path, _line_of_key(text, "pubdate"))
    rules = data.get("rules", {})
    _check_keys(rules, _RULES_KEYS, path, "rules.")
    for key in _RULES_KEYS:
        _check_strings(rules.get(key, []), f"rules.{key}", path)
        _check_rule_names(rules.get(key, []), path)
    structure = data.get("structure", {})
    _check_keys(structure, _STRUCTURE_KEYS, path, "structure.")
    for key in _STRUCTURE_KEYS:
        _check_strings(structure.get(key, []), f"structure.{key}", path)
    slug = folder.resolve().name
    if not SLUG.match(slug):
        raise BookbuildError("folder name must be a slug (lower-case letters, digits, hyphens)", folder)
    return BookConfig(
        slug=slug,
        title=data["title"],
        subtitle=data.get("subtitle"),
        authors=tuple(data["authors"]),
        language=data["language"],
        sources=tuple(_source_path(folder, s, path) for s in data["sources"]),
        pubdate=data.get("pubdate"),
        source=data.get("source"),
        kind=data.get("kind"),
        division=data.get("division"),
        trim=data.get("trim", "6x9"),
        encoding=data.get("encoding"),
        publisher=data.get("publisher"),
        edition=data.get("edition"),
        isbn_epub=data.get("isbn_epub"),
        isbn_print=data.get("isbn_print"),
        layout=data.get("layout"),
        paper_thickness=data.get("paper_thickness", 0.002252),
        dedication=data.get("dedication"),
        epigraph=data.get("epigraph"),
        epigraph_source=data.get("epigraph_source"),
        furniture=FurnitureRules(
            lines=tuple(furniture.get("lines", [])),
            trailer_from=tuple(furniture.get("trailer_from", [])),
        ),
        rules=RuleSwitches(enable=tuple(rules.get("enable", [])), disable=tuple(rules.get("disable", []))),
        structure=StructureHints(headings=tuple(structure.get("headings", [])),
                                 not_headings=tuple(structure.get("not_headings", []))),
        folder=folder,
    )


def config_for_text_file(path: Path) -> BookConfig:
    """A bare .txt file: title and author come from the text itself, language defaults to English; it has
    no manuscript folder, so no editorial files (table data)."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "book"
    return BookConfig(slug=slug, title=None, authors=(), language="en", sources=(path,))


def valid_isbn(value: str) -> bool:
    """An ISBN-13 or ISBN-10 whose check digit is right."""
    digits = value.replace("-", "").replace(" ", "").upper()
    if re.fullmatch(r"97[89]\d{10}", digits):
        return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    if re.fullmatch(r"\d{9}[\dX]", digits):
        return sum((10 - i) * (10 if d == "X" else int(d)) for i, d in enumerate(digits)) % 11 == 0
    return False


def _check_keys(data: dict, allowed: dict, path: Path, prefix: str) -> None:
    for key, value in data.items():
        if key not in allowed:
            known = ", ".join(prefix + k for k in allowed)
            raise BookbuildError(f"unknown key '{prefix}{key}' (known keys: {known})", path)
        if not isinstance(value, allowed[key]):
            raise BookbuildError(f"'{prefix}{key}' must be a {allowed[key].__name__}", path)


def _check_strings(values: list, key: str, path: Path) -> None:
    if not all(isinstance(v, str) for v in values):
        raise BookbuildError(f"'{key}' must be a list of strings", path)


def _check_line(value: str, key: str, path: Path, text: str) -> None:
    """A title or a name is one line of printable text, short enough to set on a page."""
    line = _line_of_key(text, key)
    if found := NOT_IN_A_LINE.search(value):
        raise BookbuildError(f"'{key}' holds the control character U+{ord(found.group()):04X}; remove it", path, line)
    if len(value) > MAX_LINE:
        raise BookbuildError(f"'{key}' is {len(value)} characters long; keep it under {MAX_LINE} "
                             "(put a long description in 'source' or the text)", path, line)


def _check_date(value: str, path: Path, line: int | None) -> None:
    """An ISO 8601 date: a year, a year and month, or a full date (what dc:date accepts)."""
    try:
        valid = bool(ISO_DATE.match(value)) and datetime.date.fromisoformat(
            value + "-01" * (2 - value.count("-"))) is not None
    except ValueError:
        valid = False
    if not valid:
        raise BookbuildError(f"'pubdate' must be an ISO date (2017, 2017-05 or 2017-05-01), not {value!r}", path, line)


def _line_of_key(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*{key}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _check_rule_names(names: list[str], path: Path) -> None:
    from .normalise import RULES  # the normaliser imports this module: import its rules late

    for name in names:
        if name not in RULES.names:
            raise BookbuildError(f"unknown rule '{name}' in [rules] (known rules: {', '.join(RULES.names)})", path)


def _source_path(folder: Path, name: str, config_path: Path) -> Path:
    resolved = (folder / name).resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise BookbuildError(f"source '{name}' is outside the manuscript folder; keep sources beside book.toml", config_path)
    if not resolved.is_file():
        raise BookbuildError(f"source '{name}' does not exist", config_path)
    return resolved


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None
