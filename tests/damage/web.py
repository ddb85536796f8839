"""A clean book dumped from a web page to text, damaged as MANUSCRIPTS.md describes.

One block a line, one blank line between blocks; verse and lists are consecutive lines. Every
line without a space is lost, leaving only its blank separator (a line lost inside verse leaves
nothing). Tables become a caption and their
cells one a line; notes are flattened to calls in the text and a list at the end of each
division or of the book; the site's title tag, contents list and boilerplate stand around the
text. Every choice comes from the seed.
"""

from __future__ import annotations

import random
from bookbuild.proof.accounting import words

from .book import Block, Book, Heading, Inline, Table, plain
from .common import (CALL_STYLES, HEADING_STYLES, NOTE_LIST_STYLES, Damaged, HeadingKey, acceptable_titles,
                     choose, heading_lines, number_notes)

SITE_TOP = ["Skip to main content", "Home › Library › Books"]
SITE_BOTTOM = [
    "Leave a comment", "Share this article on social media", "Join us in the fight for socialism",
    "Sign up for our newsletter", "Back to top of page", "© 2021 The Online Library. All rights reserved.",
    "Related articles", "Print this page",
]
NOTE_HEADINGS_DIVISION = ["Notes", "Endnotes", "Notes to this chapter", "References and notes"]
NOTE_HEADINGS_BOOK = ["Notes", "Endnotes", "Notes and sources", "Notes to the text"]


def web_dump(book: Book, seed: int) -> Damaged:
    rng = random.Random(f"web-{book.slug}-{seed}")
    settings = {
        "heading_style": choose(rng, HEADING_STYLES),
        "call_style": choose(rng, CALL_STYLES),
        "note_list_style": choose(rng, NOTE_LIST_STYLES),
        "notes_per_division": rng.random() < 0.5,
        "site_tag": rng.random() < 0.5,
        "contents": rng.random() < 0.6,
        "boilerplate": rng.random() < 0.7,
        "table_captions": choose(rng, ("paren", "table", "none")),
    }
    return _Dump(book, seed, rng, settings).run()


class _Dump:
    def __init__(self, book: Book, seed: int, rng: random.Random, settings: dict):
        self.book, self.rng, self.settings = book, rng, settings
        self.numbering = number_notes(book, settings["notes_per_division"])
        self.damaged = Damaged(book.slug, "web", seed, "", book, settings, numbering=self.numbering)
        self.blocks: list[tuple[list[str], bool]] = []  # (lines, is furniture)
        self.pending_notes: list[int] = []
        self.table_count = 0
        self.line_calls: dict[str, list[int]] = {}  # a rendered line -> the notes called in it
        self.line_text: dict[str, str] = {}  # a rendered line with calls -> its text without them

    def run(self) -> Damaged:
        book, settings = self.book, self.settings
        self._furniture([f"[Book] {book.title}" if settings["site_tag"] else book.title])
        self._furniture([book.author])
        if settings["boilerplate"]:
            self._furniture([self.rng.choice(SITE_TOP)])
        if settings["contents"]:
            entries = [line for item in book.items if isinstance(item, Heading) and item.division
                       for line in self._heading_lines(item)[-1:]]
            self._furniture(["Contents"])
            for entry in entries:
                self._furniture([entry])
        for index, item in enumerate(book.items):
            if isinstance(item, Heading):
                if item.division and settings["notes_per_division"]:
                    self._flush_notes(NOTE_HEADINGS_DIVISION)
                self._heading(index, item)
            elif isinstance(item, Table):
                self._table(item)
            else:
                self._block(item)
        self._flush_notes(NOTE_HEADINGS_DIVISION if settings["notes_per_division"] else NOTE_HEADINGS_BOOK)
        if settings["boilerplate"]:
            for line in self.rng.sample(SITE_BOTTOM, 3):
                self._furniture([line])
        return self._finish()

    # ------------------------------------------------------------ blocks

    def _render(self, parts: list[Inline]) -> str:
        out = text = ""
        called = []
        for part in parts:
            if isinstance(part, str):
                out += part
                text += part
                continue
            called.append(part.note)
            number = self.numbering[part.note][1]
            if part.note not in self.pending_notes:
                self.pending_notes.append(part.note)
            style = self.settings["call_style"]
            if style == "bracket":
                out += f"[{number}]"
            elif style == "paren":
                out += f"({number})"
            else:  # a superscript flattened: glued, or after a closing quote with a space
                out += (" " if out.endswith(("”", "’")) and self.rng.random() < 0.3 else "") + str(number)
        if called:
            self.line_calls.setdefault(out.strip(), []).extend(called)
            self.line_text[out.strip()] = text
        return out.strip()

    def _heading_lines(self, heading: Heading) -> list[str]:
        style = self.settings["heading_style"] if heading.division else "native"
        return heading_lines(heading, style, lambda parts: plain(parts))

    def _heading(self, index: int, heading: Heading) -> None:
        style = self.settings["heading_style"] if heading.division else "native"
        lines = heading_lines(heading, style, self._render)
        for line in lines:
            self.blocks.append(([line], False))
        # words of the heading the style leaves out (the ordinal of a 'titled' heading) are lost too
        self.damaged.lost += words(" ".join(p for p in (heading.ordinal, heading.title_text) if p)) - words(" ".join(lines))
        texts = acceptable_titles(heading, plain) + [plain([line]) for line in lines] + [" ".join(lines)]
        self.damaged.headings.append(HeadingKey(index, heading.division, texts, any(" " in line for line in lines)))

    def _block(self, block: Block) -> None:
        lines = [self._render(line) for line in block.lines]
        if block.kind in ("verse", "list"):
            self.blocks.append((lines, False))
        else:
            for line in lines:
                self.blocks.append(([line], False))

    def _table(self, table: Table) -> None:
        self.table_count += 1
        style = self.settings["table_captions"]
        title = table.caption or ""
        if style == "paren" and title:
            self._furniture_free(f"({self.table_count}) {title}")
        elif style in ("paren", "table"):
            self._furniture_free(f"Table {self.table_count}{': ' + title if title else ''}")
        grid = []
        for row in table.rows:
            grid.append([])
            for cell in row:
                text = self._render(cell)
                self.blocks.append(([text], False))
                grid[-1].append(text if " " in text else None)
        self.damaged.tables.append(grid)

    def _furniture_free(self, line: str) -> None:
        """A line the damage adds that is no furniture: a table's caption."""
        self.blocks.append(([line], False))
        self.damaged.added.append(line)

    def _flush_notes(self, headings: list[str]) -> None:
        if not self.pending_notes:
            return
        self.blocks.append(([self.rng.choice(headings)], False))
        style = self.settings["note_list_style"]
        for note in self.pending_notes:
            number = self.numbering[note][1]
            text = plain(self.book.notes[note])
            marker = {"bracket": f"[{number}]", "paren": f"({number})", "dot": f"{number}."}[style]
            self.blocks.append(([f"{marker} {text}"], False))
        self.pending_notes = []

    def _furniture(self, lines: list[str]) -> None:
        self.blocks.append((lines, True))

    # ------------------------------------------------------------ the text, with its lost lines

    def _finish(self) -> Damaged:
        out: list[str] = []
        damaged = self.damaged
        for lines, furniture in self.blocks:
            kept = 0
            for line in lines:
                if " " not in line.strip():  # lost: the line goes, its blank separator stays
                    if not furniture:
                        # a call glued to a lost word is no word of the book's
                        damaged.lost += words(self.line_text.get(line.strip(), line))
                        damaged.lost_calls.update(self.line_calls.get(line.strip(), []))
                    continue
                out.append(line)
                kept += 1
                if furniture:
                    damaged.furniture.append((len(out), line))
            out.append("")  # the blank line after the block
        damaged.text = "\n".join(out)
        damaged.pages = sum(words(damaged.text).values()) / 300
        return damaged
