"""One book: read it, make its outputs (normalise, render, report: no I/O, so the work can run in
another process or on another machine), then publish them into dist/<slug>/ in one step."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import BookbuildError
from .namespaces import DB
from .read.manuscript import Manuscript, read_manuscript
from .render import FORMATS, RENDERERS


@dataclass
class BookFacts:
    """What the release record and the build's summary say about a book."""

    title: str
    authors: list[str]
    language: str
    pubdate: str | None
    identifier: str  # the EPUB's, the same in every build
    released: str  # the release date (ISO), never the clock: see render/release.py
    words: int
    footnotes: int
    tables: int
    flags: int
    pages: int | None = None


@dataclass
class Product:
    """A book's outputs, made and not yet published."""

    slug: str
    files: dict[str, bytes]
    facts: BookFacts
    warnings: list[str] = field(default_factory=list)  # guesses a person should confirm, for the terminal
    seconds: float = 0.0  # the time it took to make (not in any output: outputs depend on the inputs alone)


@dataclass
class BuildResult:
    slug: str
    outputs: list[Path]
    flags: int
    warnings: list[str]


def find_manuscripts(root: Path) -> list[Path]:
    """Every folder under root that holds a book.toml, in name order."""
    if not root.is_dir():
        raise BookbuildError("no manuscript folder here; pass a manuscript folder or .txt file", root)
    folders = sorted(p.parent for p in root.glob("*/book.toml"))
    if not folders:
        raise BookbuildError("no manuscripts found (no */book.toml)", root)
    return folders


def produce(manuscript: Manuscript, formats: tuple[str, ...] = FORMATS,
            on_stage: Callable[[str], None] = lambda stage: None) -> Product:
    """The book's outputs in the chosen formats, and its build report, from the manuscript alone."""
    from .normalise import normalise  # here, not at the top: an up-to-date check needs none of it
    from .proof.accounting import account
    from .proof.report import BuildReport, report_json, report_text
    from .render.html import first, plain
    from .render.release import book_identifier, release_date

    started = time.monotonic()
    config = manuscript.config
    on_stage("normalise")
    tree, state = normalise(manuscript.lines, config, manuscript.table_data, manuscript.corrections)
    for guess in manuscript.guesses:
        state.diagnostics.add("flag.encoding-guessed", None, guess)
    files: dict[str, bytes] = {}
    pages = None
    made: dict = {}
    for name in [f for f in FORMATS if f in formats]:  # the registry's order: the print cover after the book
        on_stage(name)
        rendered = made[name] = RENDERERS[name].render(tree, config, manuscript.overrides, made)
        files[config.slug + RENDERERS[name].suffix] = rendered.data
        pages = rendered.pages if rendered.pages is not None else pages
        for code, text in rendered.diagnostics:
            state.diagnostics.add(code, None, text)
    on_stage("report")
    accounting = account("\n".join(line.text for line in manuscript.lines), tree, state.diagnostics)
    report = BuildReport(config.slug, [s.name for s in config.sources], state.kind.value, state.diagnostics,
                         accounting)
    files |= {
        f"{config.slug}.report.json": report_json(report).encode(),
        f"{config.slug}.report.txt": report_text(report).encode(),
    }
    info = first(tree, "info")
    title = plain(first(info, "title"))
    facts = BookFacts(
        title=title, authors=[plain(a) for a in info.findall(f"{{{DB}}}author")],
        language=config.language, pubdate=config.pubdate, identifier=book_identifier(config, title),
        released=release_date(config).date().isoformat(), words=accounting.book,
        footnotes=sum(1 for _ in tree.iter(f"{{{DB}}}footnote")),
        tables=sum(1 for _ in tree.iter(f"{{{DB}}}table", f"{{{DB}}}informaltable")),
        flags=len(state.diagnostics.of("flag")), pages=pages)
    warnings = [d.message for d in state.diagnostics.items if d.code == "flag.encoding-guessed"]
    return Product(config.slug, files, facts, warnings, time.monotonic() - started)


def build_book(path: Path, out_root: Path, formats: tuple[str, ...] = FORMATS) -> BuildResult:
    """Read, make and publish one book (the whole of a build of one book, in this process)."""
    from .release import publish_product

    manuscript = read_manuscript(path)
    product = produce(manuscript, formats)
    written = publish_product(out_root, path, product, formats)
    return BuildResult(product.slug, written, product.facts.flags, product.warnings)
