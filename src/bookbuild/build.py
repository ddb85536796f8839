"""One manuscript in, dist/<slug>/ out: read, normalise, render, report, publish."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .config import BookConfig, config_for_text_file, load_config
from .errors import BookbuildError
from .normalise import normalise
from .proof.accounting import account
from .publish import publish
from .proof.report import BuildReport, report_json, report_text
from .read import SourceLine, read_source

FORMATS = ("xml", "epub", "pdf")


@dataclass
class BuildResult:
    slug: str
    outputs: list[Path]
    flags: int
    warnings: list[str]  # what the terminal must say besides the report: guesses a person should confirm


def find_manuscripts(root: Path) -> list[Path]:
    """Every folder under root that holds a book.toml, in name order."""
    if not root.is_dir():
        raise BookbuildError("no manuscript folder here; pass a manuscript folder or .txt file", root)
    folders = sorted(p.parent for p in root.glob("*/book.toml"))
    if not folders:
        raise BookbuildError("no manuscripts found (no */book.toml)", root)
    return folders


def load(path: Path) -> tuple[BookConfig, list[SourceLine], list[str]]:
    """A manuscript folder or a bare .txt file, read into its config, its source lines and the
    encodings that had to be guessed ('book.txt read as cp1252')."""
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
    return config, lines, guesses


def parse_formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip() for f in value.split(",") if f.strip())
    for f in formats:
        if f not in FORMATS:
            raise BookbuildError(f"unknown format '{f}'; choose from {', '.join(FORMATS)}")
    if not formats:
        raise BookbuildError(f"no format given; use --format {','.join(FORMATS)}")
    return formats


def build_book(path: Path, out_root: Path, formats: tuple[str, ...] = FORMATS) -> BuildResult:
    config, lines, guesses = load(path)
    tree, state = normalise(lines, config)
    for guess in guesses:
        state.diagnostics.add("flag.encoding-guessed", None, guess)
    files = {f"{config.slug}.xml": serialise(tree)} if "xml" in formats else {}
    # the renderers load ebooklib and WeasyPrint, which an XML build does not need
    if "epub" in formats:
        from .render.epub import render_epub
        files[f"{config.slug}.epub"] = render_epub(tree, config)
    if "pdf" in formats:
        from .render.pdf import render_pdf
        printed = render_pdf(tree, config)
        files[f"{config.slug}.pdf"] = printed.pdf
        for note in printed.breaks_forced:
            state.diagnostics.add("print.break-for-note", None, note)
        for note in printed.notes_apart:
            state.diagnostics.add("flag.note-off-page", None, note)
    source_text = "\n".join(line.text for line in lines)
    report = BuildReport(config.slug, [s.name for s in config.sources], state.kind.value, state.diagnostics,
                         account(source_text, tree, state.diagnostics))
    files |= {
        f"{config.slug}.report.json": report_json(report).encode(),
        f"{config.slug}.report.txt": report_text(report).encode(),
    }
    written = publish(out_root, config.slug, files)
    return BuildResult(config.slug, written, len(state.diagnostics.of("flag")),
                       [d.message for d in state.diagnostics.items if d.code == "flag.encoding-guessed"])


def serialise(tree: etree._Element) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
