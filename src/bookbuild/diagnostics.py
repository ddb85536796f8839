"""Diagnostics as data: everything the toolchain removed, restored or is unsure of.

Each finding has a code, a severity, the source line(s) and a message. Message texts are
written once, here, in MESSAGES; callers pass the code and the values.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["removed", "restored", "flag", "info"]

MESSAGES: dict[str, tuple[Severity, str]] = {
    # furniture removed
    "furniture.page-edge": ("removed", "page furniture recurring at the page edges (running head, folio, page URL)"),
    "removed.control-character": ("removed", "control character(s) removed: {text}"),
    "furniture.navigation": ("removed", "navigation line"),
    "furniture.title-block": ("removed", "repeated title block"),
    "furniture.notes-heading": ("removed", "heading of a note list whose notes are now footnotes"),
    "furniture.contents": ("removed", "the source's own table of contents"),
    "furniture.site-tag": ("removed", "site tag before the title"),
    "furniture.boilerplate": ("removed", "web boilerplate named in book.toml"),
    "furniture.section-list": ("removed", "chapter's own list of section titles"),
    "furniture.running-head": ("removed", "running head opening a page, right over the title it repeats"),
    "furniture.division-word": ("removed", "heading word now carried by the markup (the division element and its label)"),
    "furniture.title-line": ("removed", "the source's title line, replaced by the title in book.toml"),
    # restored
    "restore.heading": ("restored", "heading restored from the source's contents: {text}"),
    "restore.hyphen": ("info", "end-of-line hyphen removed: {text}"),
    "restore.page-join": ("restored", "paragraph joined across a page break"),
    "restore.chapter-label": ("restored", "chapter number restored from navigation: {text}"),
    "restore.title-from-heads": ("restored", "chapter title restored from the running heads (its opening page is lost): {text}"),
    "restore.title-from-numbering": ("restored", "chapter number restored from the chapters around it (its opening page is lost): {text}"),
    "restore.title-case": ("info", "title in capitals set in the case its words have in the text: {text}"),
    "restore.table": ("restored", "table rebuilt from its flattened cells: {text}"),
    "restore.footnote": ("restored", "footnote linked to its call: {text}"),
    "restore.correction": ("restored", "proofreader's correction (corrections.toml) applied: {text}"),
    "print.break-for-note": ("info", "print: paragraph moved to a new page to keep footnote {text} with its call"),
    # flags for proofreaders
    "flag.encoding-guessed": ("flag", "the text encoding is a guess: {text}; if letters read wrong, set encoding in book.toml"),
    "flag.empty-heading": ("flag", "heading with no text under it (text lost, or no heading at all): {text}"),
    "flag.lost-line": ("flag", "{count} line(s) lost here (the source has only their blank separators)"),
    "flag.lost-page": ("flag", "text missing here: {text}"),
    "flag.truncated": ("flag", "paragraph stops mid-sentence: the rest is missing from the source"),
    "flag.garbled": ("flag", "garbled text from the PDF text layer kept out of the reading text: {text}"),
    "flag.possible-folio": ("flag", "a number alone at a page's edge that the page count does not expect, kept as text: {text}"),
    "flag.repeated-heading": ("flag", "a chapter's label and number the book has already, kept as text (a running head left in?): {text}"),
    "flag.possible-heading": ("flag", "stands like a heading but reads as a sentence, kept as text (book.toml [structure] headings can make it one): {text}"),
    "flag.site-trailer": ("flag", "the text ends with {count} short line(s) that read as a website's (links, a copyright line), kept: if they are, name the first in book.toml [furniture] trailer_from: {text}"),
    "flag.contents-missing": ("flag", "contents entry not found in the text: {text}"),
    "flag.table-columns": ("flag", "table needs data: the source does not fix its number of columns: {text}"),
    "flag.table-lost-cells": ("flag", "table has {count} lost cell(s) with no data file: {text}"),
    "flag.table-blank-cells": ("flag", "table has {count} lost cell(s) its data file leaves blank: {text}"),
    "flag.figures-as-text": ("flag", "{count} lines of figures kept as text: a table whose rows the text does not fix; check it against the source: {text}"),
    "flag.table-sentences": ("flag", "table of sentences, ended where one sentence a line ends; check it: {text}"),
    "flag.call-without-note": ("flag", "footnote call with no note in the source (left in the text): {text}"),
    "flag.notes-without-calls": ("flag", "numbered items where notes stand, but no call points to them (left as they stand): {text}"),
    "flag.note-without-call": ("flag", "note with no call in the text (kept at the end of its part): {text}"),
    "flag.call-out-of-order": ("flag", "footnote call out of order (left in the text, not linked): {text}"),
    "flag.call-repeated": ("flag", "second call of a note, linked to the same note: {text}"),
    "flag.note-off-page": ("flag", "print: footnote {text} could not be set on the page of its call"),
}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    line: int | None
    text: str = ""
    end_line: int | None = None
    count: int | None = None

    @property
    def severity(self) -> Severity:
        return MESSAGES[self.code][0]

    @property
    def message(self) -> str:
        return MESSAGES[self.code][1].format(text=self.text, count=self.count)

    def to_json(self) -> dict:
        data = {k: v for k, v in asdict(self).items() if v not in (None, "")}
        data["severity"] = self.severity
        data["message"] = self.message
        return data


@dataclass
class Diagnostics:
    """The findings of one build, in the order they were made."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, code: str, line: int | None, text: str = "", **kw) -> Diagnostic:
        if code not in MESSAGES:
            raise KeyError(f"unknown diagnostic code {code!r}")
        diagnostic = Diagnostic(code, line, text, **kw)
        self.items.append(diagnostic)
        return diagnostic

    def of(self, severity: Severity) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == severity]
