"""A manuscript read whole: its config, its decoded source lines, its table data, a proofreader's
corrections, and the templates or stylesheets it overrides. Every file a build reads is read here, so the stages after it do no I/O
and a build task can be shipped to another process or machine as plain data."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..config import BookConfig, config_for_text_file, load_config
from ..errors import BookbuildError
from .corrections import Correction, read_corrections
from .decode import STRAY, SourceLine, read_source

OVERRIDABLE = ("templates", "styles")  # folders of a manuscript that override bookbuild's own


@dataclass(frozen=True)
class TableData:
    """A table's data file: the values of its cells, row by row (blank rows left out)."""

    name: str  # as the report names it: 'tables/6.4.csv'
    path: Path  # for messages
    rows: list[list[str]]


@dataclass
class Manuscript:
    config: BookConfig
    lines: list[SourceLine]
    guesses: list[str] = field(default_factory=list)  # encodings guessed: 'book.txt read as cp1252'
    table_data: dict[str, TableData] = field(default_factory=dict)  # by table number
    overrides: dict[str, str] = field(default_factory=dict)  # 'styles/print.css': the manuscript's own
    corrections: list[Correction] = field(default_factory=list)  # a proofreader's, from corrections.toml


def read_manuscript(path: Path) -> Manuscript:
    """A manuscript folder (with book.toml) or a bare .txt file."""
    if path.is_dir():
        config = load_config(path)
    elif path.is_file():
        config = config_for_text_file(path)
    else:
        raise BookbuildError("no such file or folder", path)
    lines: list[SourceLine] = []
    guesses: list[str] = []
    for source in config.sources:
        offset = len(lines)
        read, decoded = read_source(source, config.encoding, config.language)
        lines.extend(SourceLine(offset + l.number, l.text) for l in read)
        if decoded.guessed:
            guesses.append(f"{source.name} read as {decoded.encoding}")
    folder = config.folder
    if folder is None:
        return Manuscript(config, lines, guesses)
    return Manuscript(config, lines, guesses, read_table_data(folder), _overrides(folder), read_corrections(folder))


def input_files(manuscript_path: Path) -> list[Path]:
    """Every file a build of this manuscript reads from its folder (or the .txt itself)."""
    if not manuscript_path.is_dir():
        return [manuscript_path]
    return sorted(p for p in manuscript_path.rglob("*") if p.is_file() and not p.name.startswith("."))


def digest_files(files: list[Path], root: Path) -> str:
    """One SHA-256 over the files' names (relative to root) and contents."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as exc:
            raise BookbuildError(f"cannot read this file ({exc.strerror or exc})", path) from None
    return digest.hexdigest()


def read_table_data(folder: Path) -> dict[str, TableData]:
    """The manuscript's table data files (tables/<number>.csv), each a file inside the folder."""
    tables = folder / "tables"
    if not tables.is_dir():
        return {}
    found = {}
    for path in sorted(tables.glob("*.csv")):
        if not path.resolve().is_relative_to(folder.resolve()) or not path.resolve().is_file():
            raise BookbuildError("table data must be a file inside the manuscript folder; copy it here", path)
        found[path.stem] = TableData(str(path.relative_to(folder)), path, _read_rows(path, f"table {path.stem}"))
    return found


def _read_rows(path: Path, where: str) -> list[list[str]]:
    """The data file's rows (blank rows skipped), every cell printable text."""
    rows = []
    try:
        reader = csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline=""))
        for row in reader:
            for cell in row:
                if found := STRAY.search(cell):
                    raise BookbuildError(f"{where}: the control character U+{ord(found.group()):04X} is in the "
                                         "data; remove it", path, reader.line_num)
            if any(c.strip() for c in row):
                rows.append([c.strip() for c in row])
    except (UnicodeDecodeError, csv.Error) as exc:
        raise BookbuildError(f"cannot read the table data ({exc}); save it as UTF-8 CSV", path) from None
    return rows


def _overrides(folder: Path) -> dict[str, str]:
    """The manuscript's own templates and stylesheets, by their path under the folder."""
    found = {}
    for top in OVERRIDABLE:
        base = folder / top
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                if not path.resolve().is_relative_to(folder.resolve()):
                    raise BookbuildError(f"{top} must be files inside the manuscript folder; copy it here", path)
                try:
                    found[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
                except UnicodeDecodeError:
                    raise BookbuildError("cannot read this file as UTF-8; save it as UTF-8", path) from None
    return found
