"""The book as a proofreader reads it: its headings, paragraphs, footnotes and table cells in reading
order, each with where it stands (chapter, section) and the source lines it came from. The diff
and the proof queue work on this, not on the XML or the raw lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from ..model.docbook import SOURCE_PI
from ..namespaces import DB

DIVISIONS = {"book", "article", "part", "preface", "chapter", "appendix", "section", "sect1", "sect2", "sect3"}
TOP = ("preface", "chapter", "appendix", "article")  # what "chapter" means in a report
BLOCKS = {"para", "simpara", "literallayout", "programlisting", "attribution", "bridgehead"}
SKIPPED = {"remark", "info"}


@dataclass(frozen=True)
class Unit:
    kind: str  # heading, para, verse, note, cell
    text: str  # whitespace collapsed; a paragraph without its footnotes' text
    chapter: str  # the title of the chapter (preface, appendix, article) it is in
    section: str  # the title of the innermost section, or ""
    lines: tuple[int, int] | None  # first and last source line
    key: str = ""  # what a note or a cell is known by across versions: 'note 3', 'table 6.4 row 2 column 3'
    chapter_number: str = ""  # the chapter's label, or its place among the chapters; "" outside chapters
    level: int = 0  # a heading's depth (0: the book's own title, 1: a chapter)
    context: str = ""  # a note: the words before its call


def reading_units(tree: etree._Element) -> list[Unit]:
    return list(_walk(tree, chapter=_title(tree), section="", level=0, lines=None, number=[0, ""]))


def in_chapter(units: list[Unit], number: str) -> list[Unit]:
    """The units of chapter `number` (its label, or its place among the chapters), without its own
    heading; a book with no chapters (an article) whole. Raises LookupError if the book lacks it."""
    if not any(u.chapter_number for u in units):
        return units
    chosen = [u for u in units if u.chapter_number == number and not (u.kind == "heading" and u.level == 1)]
    if not chosen:
        raise LookupError(number)
    return chosen


def _walk(element: etree._Element, chapter: str, section: str, level: int, lines,
          number: list) -> Iterator[Unit]:
    """number: [chapters seen, the current chapter's number], shared down the walk."""
    for child in element:
        if child.tag is etree.PI:
            if child.target == SOURCE_PI:
                lines = _lines(child.text)
            continue
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name in SKIPPED:
            continue
        if name in DIVISIONS:
            title = _title(child)
            inner_chapter = title if name in TOP else chapter
            inner_section = title if name.startswith("sect") else section
            if name == "chapter":
                number[0] += 1
                number[1] = child.get("label") or str(number[0])
            elif name in TOP:
                number[1] = ""
            if title:
                label = child.get("label")
                yield Unit("heading", f"{label}. {title}" if label and name in TOP else title,
                           inner_chapter, section, lines, level=level + 1, chapter_number=number[1])
            yield from _walk(child, inner_chapter, inner_section, level + 1, lines, number)
        elif name == "title" or name == "subtitle":
            continue
        elif name in BLOCKS:
            yield Unit("verse" if name == "literallayout" else "para", _text(child), chapter, section, lines,
                       chapter_number=number[1])
            yield from _notes(child, chapter, section, lines, number[1])
        elif name in ("table", "informaltable"):
            yield from _cells(child, chapter, section, lines, number[1])
        else:  # a container: blockquote, lists, epigraph, sidebar...
            yield from _walk(child, chapter, section, level, lines, number)


def _notes(block: etree._Element, chapter: str, section: str, lines, number: str) -> Iterator[Unit]:
    for note in block.iter(f"{{{DB}}}footnote"):
        before = _text_before(block, note)
        yield Unit("note", " ".join(_text(p) for p in note if isinstance(p.tag, str)), chapter, section, lines,
                   key=f"note {note.get('label') or ''}".strip(), context=" ".join(before.split()[-6:]),
                   chapter_number=number)


def _cells(table: etree._Element, chapter: str, section: str, lines, number: str) -> Iterator[Unit]:
    caption = _title(table)
    found = re.match(r"\(?([\d.]+)\)?", caption)
    table_number = found.group(1) if found else caption or "?"
    for r, row in enumerate(table.iter(f"{{{DB}}}row"), start=1):
        for c, entry in enumerate(row.iter(f"{{{DB}}}entry"), start=1):
            text = "" if entry.get("role") == "lost" else _text(entry)
            yield Unit("cell", text, chapter, section, lines, key=f"table {table_number} row {r} column {c}",
                       chapter_number=number)


def _title(element: etree._Element) -> str:
    title = element.find(f"{{{DB}}}title")
    if title is None:
        info = element.find(f"{{{DB}}}info")
        title = info.find(f"{{{DB}}}title") if info is not None else None
    return _text(title) if title is not None else ""


def _text(element: etree._Element) -> str:
    """The element's reading text: footnotes and remarks left out, whitespace collapsed."""
    parts: list[str] = []

    def collect(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and etree.QName(child).localname not in ("footnote", "remark"):
                collect(child)
            if child.tail:
                parts.append(child.tail)

    collect(element)
    return " ".join("".join(parts).split())


def _text_before(block: etree._Element, note: etree._Element) -> str:
    """The block's reading text up to the note's call."""
    parts: list[str] = []
    for text in block.xpath(".//text()"):
        owner = text.getparent()
        if owner is note and not text.is_tail or note in owner.iterancestors():
            break
        holder = owner.getparent() if text.is_tail else owner
        if not any(etree.QName(e).localname in ("footnote", "remark")
                   for e in (holder, *holder.iterancestors()) if isinstance(e.tag, str)):
            parts.append(text)
    return "".join(parts)


def _lines(text: str | None) -> tuple[int, int] | None:
    numbers = [int(n) for n in re.findall(r"\d+", text or "")]
    return (numbers[0], numbers[-1]) if numbers else None
