"""Recognise the kind of raw text: a web-page dump (one block a line) or a PDF extraction (hard-wrapped)."""

from __future__ import annotations

from enum import Enum

from .decode import SourceLine

PRINTED_LINE = 160  # characters: no printed line is longer
STRAY_LONG_LINES = 0.005  # of the text lines: a PDF extraction's longer lines are strays


class TextKind(str, Enum):
    WEB = "web"
    PDF = "pdf"


def recognise_kind(lines: list[SourceLine]) -> TextKind:
    """A PDF extraction is hard-wrapped: most text lines run on into another text line, and those
    that do come close to one width (only a paragraph's last line falls short), or hardly a line is
    longer than a printed line (a book of verse: a garbled line or two columns read as one may be);
    form feeds between pages say so too. Verse in a web dump runs on too, but its lines are of every
    length, and its prose paragraphs stand on one long line each."""
    text_lines = [line.text.strip() for line in lines if line.text.strip()]
    if len(text_lines) < 4:
        return TextKind.WEB
    if sum(1 for line in lines if "\f" in line.text) >= 3:  # pdftotext's page breaks
        return TextKind.PDF
    running = [a.text.strip() for a, b in zip(lines, lines[1:]) if a.text.strip() and b.text.strip()]
    if len(running) <= 0.5 * len(text_lines):
        return TextKind.WEB
    lengths = sorted(len(t) for t in running)
    wrap = lengths[int(len(lengths) * 0.9)]
    near_width = sum(1 for n in lengths if n >= 0.75 * wrap)
    beyond_print = sum(1 for t in text_lines if len(t) > PRINTED_LINE)
    verse = beyond_print <= STRAY_LONG_LINES * len(text_lines)
    return TextKind.PDF if wrap <= 140 and (near_width >= 0.6 * len(lengths) or verse) else TextKind.WEB
