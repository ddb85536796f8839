"""The Jinja environment shared by every renderer, and the view of the DocBook tree the templates see.

Templates receive DocBook elements and walk them with a few helpers: name(node), children(node),
parts(node) for mixed content, and the book's parts (its top-level divisions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import jinja2
from lxml import etree

from ..namespaces import DB, XML_ID

PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATES = PACKAGE / "templates"  # shipped with the package (in the repository: links to the top level)
STYLES = PACKAGE / "styles"
DIVISIONS = ("preface", "chapter", "appendix")
HIDDEN = ("remark",)  # notes for proofreaders: in the report, not in the reader's book


@dataclass
class Heading:
    id: str
    title: str
    children: list["Heading"] = field(default_factory=list)


@dataclass
class Part:
    """One top-level division of the book (or the whole article): one EPUB document, one print chapter."""

    element: etree._Element
    id: str
    kind: str  # preface, chapter, appendix, article
    label: str | None
    title: str
    file_name: str
    sections: list[Heading]

    @property
    def heading(self) -> str:
        """'Chapter 6' above the title; nothing when the title already says it (a restored heading)."""
        if self.kind in ("chapter", "appendix") and self.label:
            heading = f"{self.kind.title()} {self.label}"
            return "" if self.title.lower().startswith(heading.lower()) else heading
        return ""


def name(node) -> str | None:
    return etree.QName(node).localname if isinstance(node.tag, str) else None


def children(node) -> list[etree._Element]:
    """Element children, without provenance PIs, comments or proofreaders' remarks."""
    return [c for c in node if isinstance(c.tag, str) and name(c) not in HIDDEN]


def parts(node) -> list[tuple[str, object]]:
    """Mixed content as ('text', str) and ('element', child) in order, remarks left out."""
    out: list[tuple[str, object]] = []
    if node.text:
        out.append(("text", node.text))
    for child in node:
        if isinstance(child.tag, str) and name(child) not in HIDDEN:
            out.append(("element", child))
        if child.tail:
            out.append(("text", child.tail))
    return out


def plain(node) -> str:
    """The text of an element without footnotes and remarks (for titles in navigation)."""
    return "".join(t for kind, t in _plain_parts(node)).strip()


def _plain_parts(node):
    if node.text:
        yield "text", node.text
    for child in node:
        if isinstance(child.tag, str) and name(child) not in ("footnote", "remark"):
            yield from _plain_parts(child)
        if child.tail:
            yield "text", child.tail


def first(node, tag: str):
    return node.find(f"{{{DB}}}{tag}")


def book_parts(tree: etree._Element) -> list[Part]:
    """The parts of the book in reading order; for an article, the article itself is one part."""
    divisions = [d for d in tree if name(d) in DIVISIONS]
    if not divisions:
        title = plain(first(first(tree, "info"), "title"))
        return [Part(tree, "text", "article", None, title, "text.xhtml", _sections(tree))]
    book_title = plain(first(first(tree, "info"), "title"))
    out = []
    for n, division in enumerate(divisions, start=1):
        title_el = first(division, "title")
        title = plain(title_el) if title_el is not None else ""
        out.append(Part(division, division.get(XML_ID) or f"part-{n}", name(division), division.get("label"),
                        title or book_title, f"part-{n:02d}.xhtml", _sections(division)))
    return out


def _sections(node) -> list[Heading]:
    return [Heading(s.get(XML_ID), plain(first(s, "title")), _sections(s)) for s in node if name(s) == "section"]


def footnotes_in(node) -> list[etree._Element]:
    return node.xpath(".//db:footnote", namespaces={"db": DB})


RUNNING_HEAD = 60  # characters: a running head is one short line, whatever the title's length


def stylesheet(name: str, overrides: Mapping[str, str] | None = None) -> str:
    """A stylesheet: the manuscript's own styles/<name> if it has one, else bookbuild's."""
    own = (overrides or {}).get(f"styles/{name}")
    return own if own is not None else (STYLES / name).read_text(encoding="utf-8")


def running_head(title: str) -> str:
    """A title cut to one line for the top of the page, at a word, with an ellipsis where cut."""
    if len(title) <= RUNNING_HEAD:
        return title
    return title[:RUNNING_HEAD].rsplit(" ", 1)[0].rstrip(" ,;:.—–-") + "…"


def environment(target: str, overrides: Mapping[str, str] | None = None) -> jinja2.Environment:
    """The one Jinja environment; `target` ('epub' or 'print') is visible to every template. A template
    the manuscript has (overrides['templates/print/book.html.j2']) is used instead of bookbuild's own."""
    own = {name.removeprefix("templates/"): text for name, text in (overrides or {}).items()
           if name.startswith("templates/")}
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.DictLoader(own), jinja2.FileSystemLoader(str(TEMPLATES))]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(target=target, name=name, children=children, parts=parts, plain=plain, first=first,
                       footnotes_in=footnotes_in, XML_ID=XML_ID)
    env.filters["running_head"] = running_head
    env.filters["slug"] = lambda s: re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return env
