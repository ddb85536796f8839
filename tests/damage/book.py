"""A clean book of the corpus read into plain data: the answer key that damage is made from.

The corpus holds Standard Ebooks sources (XHTML in spine order, notes in endnotes.xhtml). A Book
is the reading order of its blocks: headings (a division or a section, with label, ordinal and
title as the source has them), paragraphs, quotations, verse, lists, tables; inline note calls
stand where the source has them. Only notes called from the text are kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
X = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
SECTIONING = {f"{X}section", f"{X}article"}
HEADINGS = {f"{X}h{n}" for n in range(1, 7)}
VERSE_TYPES = ("z3998:poem", "z3998:verse", "z3998:song")


@dataclass(frozen=True)
class Call:
    """A note call standing in the text; note is the note's number in the source."""

    note: int


Inline = str | Call


@dataclass
class Heading:
    division: bool  # True: a chapter-level division (part, chapter, story, front or back matter)
    depth: int  # 1: top level of the book
    label: str | None  # 'Chapter', 'Book', 'Letter' ...
    ordinal: str | None  # 'IV', '1'
    title: list[Inline] | None  # None: an untitled numbered division
    subtitle: list[Inline] | None = None

    @property
    def title_text(self) -> str | None:
        return plain(self.title) if self.title else None


@dataclass
class Block:
    """kind: para, quote, verse, list, attribution, break. lines: one for a paragraph, one per
    verse line or list item."""

    kind: str
    lines: list[list[Inline]]


@dataclass
class Table:
    rows: list[list[list[Inline]]]  # a rectangular grid: spans expanded with empty cells
    header_rows: int
    caption: str | None = None


Item = Heading | Block | Table


@dataclass
class Book:
    slug: str
    title: str
    author: str
    items: list[Item] = field(default_factory=list)
    notes: dict[int, list[Inline]] = field(default_factory=dict)  # only notes called from the text

    def calls(self) -> list[int]:
        return [c.note for item in self.items for part in _inlines(item) for c in part if isinstance(c, Call)]


def plain(parts: list[Inline]) -> str:
    return "".join(p for p in parts if isinstance(p, str)).strip()


def _inlines(item: Item) -> list[list[Inline]]:
    if isinstance(item, Heading):
        return [item.title] if item.title else []
    if isinstance(item, Table):
        return [cell for row in item.rows for cell in row]
    return item.lines


def corpus_slugs() -> list[str]:
    return [entry["slug"] for entry in json.loads((CORPUS / "corpus.json").read_text())]


def read_book(slug: str) -> Book:
    """One corpus book, in spine order, with its called notes."""
    meta = next(e for e in json.loads((CORPUS / "corpus.json").read_text()) if e["slug"] == slug)
    book = Book(slug, meta["title"], meta["author"])
    reader = _Reader(book)
    files = [f for f in meta["files"] if f != "endnotes.xhtml"]
    for name in files:
        reader.read_file(CORPUS / slug / name)
    endnotes = CORPUS / slug / "endnotes.xhtml"
    all_notes = _read_endnotes(endnotes) if endnotes.exists() else {}
    called = set(book.calls())
    # notes citing notes (a call inside a note): keep the inner call as plain text
    book.notes = {n: [p if isinstance(p, str) else str(p.note) for p in text]
                  for n, text in all_notes.items() if n in called}
    # a call to a note that is not in the endnotes becomes plain text
    for item in book.items:
        for part in _inlines(item):
            for k, p in enumerate(part):
                if isinstance(p, Call) and p.note not in book.notes:
                    part[k] = str(p.note)
    return book


def _types(element) -> list[str]:
    return (element.get(EPUB_TYPE) or "").split()


class _Reader:
    def __init__(self, book: Book):
        self.book = book
        self.top = False  # inside the top sectioning element of a file, before any nested one

    def read_file(self, path: Path) -> None:
        root = etree.parse(str(path)).getroot()
        body = root.find(f"{X}body")
        self._children(body, depth=0, parent_types=[])

    def _children(self, element, depth: int, parent_types: list[str]) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            self._element(child, depth, parent_types)

    def _element(self, el, depth: int, parent_types: list[str]) -> None:
        tag, types = el.tag, _types(el)
        items = self.book.items
        if tag in SECTIONING:
            # a division: the top sectioning element of its file (a chapter may name its part in data-parent)
            self.top = depth == 0
            self._children(el, depth + 1 + bool(el.get("data-parent")), types)
            self.top = False
            return
        if tag == f"{X}header":
            lead = [c for c in el if isinstance(c.tag, str)]
            if el.getparent().tag in SECTIONING and lead and lead[0].tag == f"{X}p" and not any(
                    c.tag in HEADINGS or c.tag == f"{X}hgroup" for c in lead):
                # a section headed by a paragraph in its header ('1. Immediately Transferable Wealth')
                self.book.items.append(Heading(self.top, max(depth, 1), None, None, _inline(lead[0])))
                for child in lead[1:]:
                    self._element(child, depth, parent_types)
                return
            self._children(el, depth, parent_types)
            return
        if tag == f"{X}hgroup" or tag in HEADINGS:
            items.append(self._heading(el, depth, parent_types))
            return
        if tag in (f"{X}figure", f"{X}img", f"{X}nav"):
            caption = el.find(f".//{X}figcaption")
            if caption is not None and _text(caption):
                items.append(Block("para", [_inline(caption)]))
            return
        if tag == f"{X}hr":
            items.append(Block("break", [["* * *"]]))
            return
        if tag == f"{X}table":
            items.append(_table(el))
            return
        if tag in (f"{X}ol", f"{X}ul"):
            lis = [li for li in el if li.tag == f"{X}li"]
            items.append(Block("list", [_inline(li) for li in lis if _text(li)]))
            return
        if any(t in VERSE_TYPES for t in types) and tag != f"{X}blockquote":
            self._verse(el)
            return
        if tag == f"{X}blockquote":
            if any(t in VERSE_TYPES for t in types):
                self._verse(el)
            else:
                for child in el:
                    self._quoted(child)
            return
        if tag == f"{X}p":
            if any(t in VERSE_TYPES for t in parent_types) or el.find(f"{X}br") is not None:
                self._verse_paragraph(el)
            elif _text(el):
                items.append(Block("para", [_inline(el)]))
            return
        if tag in (f"{X}footer", f"{X}div"):
            self._children(el, depth, parent_types)
            return
        if _text(el):
            items.append(Block("para", [_inline(el)]))

    def _heading(self, el, depth: int, parent_types: list[str]) -> Heading:
        label = ordinal = None
        title: list[Inline] | None = None
        subtitle: list[Inline] | None = None
        parts = [el] if el.tag in HEADINGS else list(el)
        for part in parts:
            if not isinstance(part.tag, str):
                continue
            types = _types(part)
            if part.tag in HEADINGS:
                label_el = next((s for s in part.iter(f"{X}span") if {"label", "se:label"} & set(_types(s))), None)
                ord_el = next((s for s in part.iter(f"{X}span") if "ordinal" in " ".join(_types(s))), None)
                if label_el is not None:
                    label = _text(label_el)
                if ord_el is not None:
                    ordinal = _text(ord_el)
                if any("ordinal" in t for t in types) and label_el is None:
                    ordinal = _text(part)
                elif label_el is None and ord_el is None:
                    title = _inline(part)
            elif "subtitle" in types:
                subtitle = _inline(part)
            elif "title" in types or part.tag == f"{X}p":
                title = _inline(part)
        return Heading(self.top, max(depth, 1), label, ordinal, title, subtitle)

    def _quoted(self, el) -> None:
        if not isinstance(el.tag, str):
            return
        if el.tag == f"{X}cite":
            text = re.sub(r"^[—–-]\s*", "", _text(el))
            self.book.items.append(Block("attribution", [[text]]))
        elif el.tag in (f"{X}header", f"{X}footer", f"{X}div"):
            for child in el:
                self._quoted(child)
        elif el.tag == f"{X}p" and el.find(f"{X}br") is not None:
            self._verse_paragraph(el)
        elif el.tag == f"{X}p" and _text(el):
            self.book.items.append(Block("quote", [_inline(el)]))
        elif isinstance(el.tag, str):
            self._element(el, 99, [])

    def _verse(self, el) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == f"{X}p":
                self._verse_paragraph(child)
            elif child.tag == f"{X}cite":
                self._quoted(child)
            elif child.tag in HEADINGS or child.tag == f"{X}hgroup":
                self.book.items.append(self._heading(child, 99, []))
            else:
                self._element(child, 99, ["z3998:verse"])

    def _verse_paragraph(self, el) -> None:
        lines: list[list[Inline]] = [[]]
        if el.text and el.text.strip():
            lines[-1].append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == f"{X}br":
                lines.append([])
            else:
                lines[-1].extend(_inline(child, keep_tail=False))
            if child.tail and child.tail.strip():
                lines[-1].append(child.tail)
        lines = [_clean_parts(line) for line in lines]
        lines = [line for line in lines if plain(line) or any(isinstance(p, Call) for p in line)]
        if lines:
            self.book.items.append(Block("verse", lines))


def _table(el) -> Table:
    caption_el = el.find(f"{X}caption")
    rows_el = [tr for tr in el.iter(f"{X}tr")]
    header_rows = sum(1 for tr in rows_el if tr.getparent().tag == f"{X}thead")
    grid: list[list[list[Inline]]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in rows_el:
        row: list[list[Inline]] = []
        cells = [c for c in tr if c.tag in (f"{X}td", f"{X}th")]
        col = 0
        for cell in cells:
            while pending.get(col, 0) > 0:
                row.append([])
                pending[col] -= 1
                col += 1
            row.append(_inline(cell))
            span, rowspan = int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
            if rowspan > 1:
                pending[col] = rowspan - 1
            row.extend([] for _ in range(span - 1))
            col += span
        while pending.get(col, 0) > 0:
            row.append([])
            pending[col] -= 1
            col += 1
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    for row in grid:
        row.extend([] for _ in range(width - len(row)))
    return Table(grid, header_rows, _text(caption_el) if caption_el is not None else None)


def _read_endnotes(path: Path) -> dict[int, list[Inline]]:
    root = etree.parse(str(path)).getroot()
    notes: dict[int, list[Inline]] = {}
    for li in root.iter(f"{X}li"):
        match = re.fullmatch(r"note-(\d+)", li.get("id") or "")
        if not match:
            continue
        parts: list[Inline] = []
        for block in li.iter(f"{X}p", f"{X}td", f"{X}cite"):
            if block.tag == f"{X}p" and block.getparent().tag == f"{X}td":
                continue
            text = _inline(block)
            if plain(text):
                parts.extend([*text, " "])
        notes[int(match.group(1))] = _clean_parts(parts)
    return notes


def _text(el) -> str:
    return plain(_inline(el))


def _inline(el, keep_tail: bool = False) -> list[Inline]:
    """The element's text with note calls, backlinks dropped, whitespace collapsed."""
    parts: list[Inline] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                pass
            elif "noteref" in _types(child):
                match = re.search(r"note-(\d+)", child.get("href") or "")
                parts.append(Call(int(match.group(1))) if match else _text(child))
            elif "backlink" in _types(child):
                pass
            elif child.tag == f"{X}br":
                parts.append(" ")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    if keep_tail and el.tail:
        parts.append(el.tail)
    return _clean_parts(parts)


def _clean_parts(parts: list[Inline]) -> list[Inline]:
    """Merge adjacent strings, drop word joiners and hair spaces, collapse white space."""
    out: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            part = re.sub(r"\s+", " ", part.replace("\u2060", "").replace("\u200a", " "))
            if out and isinstance(out[-1], str):
                out[-1] += part
                continue
        out.append(part)
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    return [p for p in out if p != ""]
