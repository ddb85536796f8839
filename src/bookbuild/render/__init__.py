"""Rendering: the DocBook tree to each output format, through the shared Jinja templates (html.py
holds the one Jinja environment). RENDERERS is the registry, keyed by format; each renderer imports
its library (ebooklib, WeasyPrint, Pillow) only when that format is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from lxml import etree

from ..config import BookConfig


@dataclass
class Rendered:
    data: bytes
    pages: int | None = None  # printed pages, for a paged format
    diagnostics: list[tuple[str, str]] = field(default_factory=list)  # (code, text) for the build report


@dataclass(frozen=True)
class Renderer:
    suffix: str  # the file's name after the book's slug
    render: Callable[[etree._Element, BookConfig, Mapping[str, str], Mapping[str, Rendered]], Rendered]
    help: str


# each renderer: (the tree, the config, the manuscript's own templates and styles, the formats made
# before it in this build, in RENDERERS order) -> Rendered


def _xml(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str], made) -> Rendered:
    from ..model.docbook import serialise
    return Rendered(serialise(tree))


def _epub(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str], made) -> Rendered:
    from .epub import render_epub
    return Rendered(render_epub(tree, config, overrides))


def _pdf(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str], made) -> Rendered:
    from .pdf import render_pdf
    printed = render_pdf(tree, config, overrides)
    return Rendered(printed.pdf, printed.pages,
                    [("print.break-for-note", note) for note in printed.breaks_forced]
                    + [("flag.note-off-page", note) for note in printed.notes_apart])


def _cover(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str], made) -> Rendered:
    from .cover import print_cover
    printed = made.get("pdf") or _pdf(tree, config, overrides, made)  # the spine is as thick as the book
    return Rendered(print_cover(tree, config, printed.pages, overrides))


def _cover_image(tree: etree._Element, config: BookConfig, overrides: Mapping[str, str], made) -> Rendered:
    from .cover import book_cover
    return Rendered(book_cover(tree))


RENDERERS: dict[str, Renderer] = {
    "xml": Renderer(".xml", _xml, "the DocBook 5 book"),
    "epub": Renderer(".epub", _epub, "EPUB 3"),
    "pdf": Renderer(".pdf", _pdf, "the print edition"),
    "cover": Renderer("-cover.pdf", _cover, "the print cover: back, spine and front, with bleed"),
    "cover-image": Renderer("-cover.png", _cover_image, "the front cover as an image, as in the EPUB"),
}
FORMATS = tuple(RENDERERS)
