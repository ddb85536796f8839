"""Characters that are no text: form feeds (page breaks, as pdftotext writes them) and stray
control characters or Unicode non-characters, which XML cannot hold.

A form feed is recorded as a page break (the paragraph stage joins across it) and taken out of
the line; one inside a line joins the text on its two sides, as the line did, and is reported; any other control character is removed and reported with its line.
"""

from __future__ import annotations

import unicodedata

from ..read.decode import STRAY
from .state import State


def read_page_breaks(state: State) -> None:
    """Form feeds mark page breaks: the line after one starts a page; the form feed itself goes."""
    lines = state.lines
    for i, line in enumerate(lines):
        if line is None or "\f" not in line.text:
            continue
        head, *rest = line.text.split("\f")
        if not head.strip():  # '\fText': this line starts a page
            state.page_starts.add(line.number)
        elif rest and not "".join(rest).strip():  # 'Text\f': the next line does
            state.page_starts.add(line.number + 1)
        else:  # 'text\ftext': a page break inside the line, whose two sides stay one paragraph
            state.diagnostics.add("restore.page-join", line.number)
        text = " ".join(part.strip() for part in (head, *rest) if part.strip())
        lines[i] = type(line)(line.number, text)


def remove_stray_characters(state: State) -> None:
    """Control characters (but tab) and Unicode non-characters: removed, each reported."""
    for i, line in enumerate(state.lines):
        if line is None or not STRAY.search(line.text):
            continue
        found = sorted({_name(ch) for ch in STRAY.findall(line.text)})
        state.diagnostics.add("removed.control-character", line.number, ", ".join(found))
        state.lines[i] = type(line)(line.number, STRAY.sub("", line.text))


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X}" + (f" {unicodedata.name(ch)}" if unicodedata.name(ch, "") else "")
