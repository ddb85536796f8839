"""What both kinds of damage share: the damaged manuscript with its answer key, note numbering,
heading styles, and words counted the way bookbuild counts them."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from bookbuild.proof.accounting import TOKEN, words

from .book import Book, Call, Heading, Inline, Table, plain

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
       "seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

# heading styles for numbered divisions: as the book has them, and as other books have them
HEADING_STYLES = ("native", "roman-dot", "caps", "words", "numeral", "titled")
CALL_STYLES = ("bracket", "paren", "bare")
NOTE_LIST_STYLES = ("bracket", "paren", "dot")


@dataclass
class HeadingKey:
    index: int  # the heading's place in book.items
    division: bool
    texts: list[str]  # the acceptable titles: the title, the label and ordinal, both together
    survived: bool  # some line of it is still in the damaged text


@dataclass
class Damaged:
    """A damaged manuscript and what the damage did, for the scorer."""

    slug: str
    kind: str  # "web" or "pdf"
    seed: int
    text: str
    book: Book
    settings: dict
    headings: list[HeadingKey] = field(default_factory=list)
    furniture: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) of each furniture line
    added: list[str] = field(default_factory=list)  # lines the damage added that are no furniture (table captions)
    lost: Counter = field(default_factory=Counter)  # words of the reading text the damage took away
    lost_calls: set[int] = field(default_factory=set)  # notes whose call the damage took away
    numbering: dict[int, tuple[int, int]] = field(default_factory=dict)  # source note -> (scope, number shown)
    tables: list[list[list[str | None]]] = field(default_factory=list)  # each table's cells as dumped; None: lost
    split_paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (opening, ending) of paragraphs a page break cut
    pages: float = 0.0  # printed pages (web dumps: 300 words a page)
    dropped_at: list[int] = field(default_factory=list)  # the line each page the extraction lost stood before

    @property
    def name(self) -> str:
        return f"{self.slug}/{self.kind}/{self.seed}"


def to_int(ordinal: str) -> int | None:
    if ordinal.isdigit():
        return int(ordinal)
    value, rest = 0, ordinal.upper()
    for number, numeral in ROMAN:
        while rest.startswith(numeral):
            value, rest = value + number, rest[len(numeral):]
    return value if not rest and value else None


def to_roman(n: int) -> str:
    out = ""
    for number, numeral in ROMAN:
        while n >= number:
            out, n = out + numeral, n - number
    return out


def to_words(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    return str(n)


def heading_lines(heading: Heading, style: str, render) -> list[str]:
    """The lines a division heading becomes in a style; render turns inline parts into text."""
    title = render(heading.title) if heading.title else None
    label, ordinal = heading.label, heading.ordinal
    number = to_int(ordinal) if ordinal else None
    native = [" ".join(p for p in (label, ordinal) if p)] if (label or ordinal) else []
    native += [title] if title else []
    subtitle = [render(heading.subtitle)] if heading.subtitle else []
    return _styled(native, title, label, ordinal, number, style) + subtitle


def _styled(native: list[str], title: str | None, label: str | None, ordinal: str | None, number: int | None,
            style: str) -> list[str]:
    if not ordinal or number is None or style == "native":
        return native
    word = label or "Chapter"
    if style == "roman-dot":
        return [f"{ordinal}. {title}"] if title else [f"{word} {ordinal}"]
    if style == "caps":
        return [f"{word.upper()} {ordinal.upper()}"] + ([title] if title else [])
    if style == "words":
        return [f"{word} {to_words(number).title()}"] + ([title] if title else [])
    if style == "numeral":
        return [ordinal] + ([title] if title else [])
    if style == "titled":
        return [title] if title else native
    raise ValueError(style)


def acceptable_titles(heading: Heading, render) -> list[str]:
    title = render(heading.title) if heading.title else None
    texts = [t for t in (title, " ".join(p for p in (heading.label, heading.ordinal) if p) or None) if t]
    if title and heading.ordinal:
        texts.append(f"{heading.ordinal} {title}")
    return texts


def number_notes(book: Book, per_division: bool) -> dict[int, tuple[int, int]]:
    """Each called note's (scope, number shown): 1, 2, 3 ... in call order, restarting in each
    division when notes are per division."""
    numbering: dict[int, tuple[int, int]] = {}
    scope, count = 0, 0
    for item in book.items:
        if per_division and isinstance(item, Heading) and item.division:
            if count:
                scope, count = scope + 1, 0
        parts = []
        if isinstance(item, Heading):
            parts = [item.title] if item.title else []
        elif hasattr(item, "rows"):
            parts = [cell for row in item.rows for cell in row]
        else:
            parts = item.lines
        for part in parts:
            for p in part:
                if isinstance(p, Call) and p.note not in numbering:
                    count += 1
                    numbering[p.note] = (scope, count)
    return numbering


def text_words(parts: list[Inline]) -> Counter:
    return words(plain(parts))


def choose(rng: random.Random, options, weights=None):
    return rng.choices(list(options), weights=weights)[0]


CONTEXT = 5  # words before a call that place it


def key(text: str) -> str:
    """Words to compare by: lower case, apostrophes and hyphens dropped (print breaks a compound at
    its hyphen, and the extraction may keep or lose it)."""
    return " ".join(t.lower() for t in TOKEN.findall(re.sub("['’\u00ad\u2010-]", "", text)))


def call_contexts(book: Book) -> dict[int, str]:
    """The words right before each call, in the clean text."""
    contexts: dict[int, str] = {}
    for item in book.items:
        if isinstance(item, Heading):
            parts = [item.title] if item.title else []
        elif isinstance(item, Table):
            parts = [cell for row in item.rows for cell in row]
        else:
            parts = item.lines
        for line in parts:
            before = ""
            for part in line:
                if isinstance(part, Call):
                    contexts.setdefault(part.note, " ".join(key(before).split()[-CONTEXT:]))
                else:
                    before += part
    return contexts
