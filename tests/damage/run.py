"""Damage a corpus book, normalise it with bookbuild, and score the result."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from bookbuild.config import BookConfig
from bookbuild.normalise import normalise
from bookbuild.read import SourceLine
from bookbuild.read.decode import decode

from .book import Book, read_book
from .common import Damaged
from .score import Score, score
from .web import web_dump

KINDS = ("web", "pdf")


@lru_cache(maxsize=None)
def clean_book(slug: str) -> Book:
    return read_book(slug)


def damage(slug: str, kind: str, seed: int) -> Damaged:
    book = clean_book(slug)
    if kind == "web":
        return web_dump(book, seed)
    from .pdf import print_extraction  # typesetting needs WeasyPrint and poppler
    return print_extraction(book, seed)


def normalise_damaged(damaged: Damaged) -> tuple[etree._Element, object]:
    """Run bookbuild's normaliser as a user would: the text decoded, a book.toml with title and author."""
    text = decode(damaged.text.encode("utf-8")).text
    lines = [SourceLine(i, t) for i, t in enumerate(text.split("\n"), start=1)]
    config = BookConfig(slug=damaged.slug.replace("_", "-"), title=damaged.book.title,
                        authors=(damaged.book.author,), language="en", sources=())
    return normalise(lines, config)


def run(slug: str, kind: str, seed: int) -> tuple[Damaged, Score]:
    damaged = damage(slug, kind, seed)
    return damaged, normalise_and_score(damaged)[1]


def normalise_and_score(damaged: Damaged) -> tuple[etree._Element, Score]:
    tree, state = normalise_damaged(damaged)
    return tree, score(damaged, tree, removed_lines(state), lost_pages(state))


def removed_lines(state) -> set[int]:
    """The source lines the report logs as removed."""
    return {d.line for d in state.diagnostics.items if d.severity == "removed" and d.line}


def lost_pages(state) -> list[tuple[int, int]]:
    """The pages the report says the extraction lost: (the line before them, how many)."""
    return [(d.line, d.count) for d in state.diagnostics.items if d.code == "flag.lost-page" and d.count]
