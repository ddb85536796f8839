"""Recognise the kind of raw text: a web-page dump (one block a line) or a PDF extraction (hard-wrapped)."""

from __future__ import annotations

from enum import Enum

from .decode import SourceLine


class TextKind(str, Enum):
    WEB = "web"
    PDF = "pdf"


def recognise_kind(lines: list[SourceLine]) -> TextKind:
    """A PDF extraction has most text lines followed by another text line, wrapped near one width."""
    text_lines = [line.text for line in lines if line.text.strip()]
    if len(text_lines) < 4:
        return TextKind.WEB
    followed = sum(
        1 for a, b in zip(lines, lines[1:]) if a.text.strip() and b.text.strip()
    )
    long_lines = sorted(len(t) for t in text_lines)
    wrap = long_lines[int(len(long_lines) * 0.9)]
    if followed / len(text_lines) > 0.5 and wrap <= 140:
        return TextKind.PDF
    return TextKind.WEB
