"""Furniture: page heads and URLs, navigation, repeated title blocks, site tags, named boilerplate.

Each removal is logged with the line's text. The contents list of a web dump is handled in
contents.py, because it is also used to check the headings.
"""

from __future__ import annotations

import re
from collections import Counter

from ..read import TextKind
from .patterns import DATELINE, DIVISION_HEADING
from .state import State

PAGE_URL = re.compile(r"^\s*(https?://|www\.)\S+(\s+\(\d+ of \d+\))?(\s+\[[\d/.: -]+\])?\s*$")
NAVIGATION = re.compile(r"^\s*(back to .{1,40}?\s+(\W+\s+)?on to .{1,40}|previous\s*\W+\s*next|next chapter|previous chapter)\s*$", re.I)
SITE_TAG = re.compile(r"^\[(Book|Article|Page|Web|PDF)\]\s+", re.I)


def remove_site_furniture(state: State) -> None:
    """A site tag before the title ('[Book] ...') and boilerplate lines named in book.toml."""
    rules = state.config.furniture
    first = next((i for i, line in enumerate(state.lines) if line and line.text.strip()), None)
    if first is not None and (match := SITE_TAG.match(state.lines[first].text)):
        line = state.lines[first]
        state.diagnostics.add("furniture.site-tag", line.number, match.group(0).strip())
        state.lines[first] = type(line)(line.number, line.text[match.end():])
    trailer_at = None
    for i, line in enumerate(state.lines):
        if line is None:
            continue
        text = line.text.strip()
        if trailer_at is None and text and text in rules.trailer_from:
            trailer_at = i
        if trailer_at is not None or (text and any(text.startswith(p) for p in rules.lines)):
            state.remove_line(i, "furniture.boilerplate")


def remove_page_furniture(state: State) -> None:
    """PDF extractions: page URLs with their running heads, navigation lines, repeated title blocks."""
    if state.kind is not TextKind.PDF:
        return
    lines = state.lines
    for i, line in enumerate(lines):
        if line is None:
            continue
        if PAGE_URL.match(line.text):
            state.remove_line(i, "furniture.page-url")
            head = _previous_text_line(lines, i)
            if head is not None and _looks_like_running_head(lines[head].text):
                state.remove_line(head, "furniture.running-head")
        elif NAVIGATION.match(line.text):
            if target := re.search(r"\bon to\s+(.+?)\s*$", line.text, re.I):
                state.navigation.append((line.number, target.group(1)))
            state.remove_line(i, "furniture.navigation")
    _remove_running_heads(state)
    _remove_title_blocks(state)


def _previous_text_line(lines, i: int) -> int | None:
    j = i - 1
    while j >= 0 and (lines[j] is None or not lines[j].text.strip()):
        j -= 1
    return j if j >= 0 else None


def _looks_like_running_head(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 80 and not text.endswith((".", ",", ";"))


def _remove_running_heads(state: State) -> None:
    """A short line of the form 'Title: Chapter N' that recurs is a running head, with or without its URL."""
    pattern = re.compile(r"^\s*(.{3,60}):\s*(chapter|part)\s+\w+\s*$", re.I)
    stems = Counter(m.group(1) for line in state.lines if line and (m := pattern.match(line.text)))
    for i, line in enumerate(state.lines):
        if line and (m := pattern.match(line.text)) and stems[m.group(1)] >= 2:
            state.remove_line(i, "furniture.running-head")


def _remove_title_blocks(state: State) -> None:
    """Short lines repeated before each division heading (site name, book title, tagline) are a title block.

    A line is part of a title block when it occurs three times or more in the text, is short and
    is no sentence; the block is the run of such lines (and their neighbours) right before a
    division heading or at the start of a chapter.
    """
    counts = Counter(line.text.strip() for line in state.lines if line and line.text.strip())
    repeated = {t for t, n in counts.items()
                if n >= 3 and len(t) <= 70 and not re.fullmatch(r"[\d.*\s]+", t) and not t.endswith((".", ","))
                and not DIVISION_HEADING.match(t)}
    lines = state.lines
    i = 0
    while i < len(lines):
        if lines[i] is not None and lines[i].text.strip() in repeated:
            # grow the block over short, non-sentence neighbours (e.g. the site's name split over lines)
            start, end = i, i
            while True:
                prev = _previous_text_line(lines, start)
                if prev is None or prev < start - 3 or not _is_title_fragment(lines[prev].text):
                    break
                start = prev
            while True:
                nxt = _next_text_line(lines, end)
                if nxt is None or nxt > end + 3 or not _is_title_fragment(lines[nxt].text) \
                        or DIVISION_HEADING.match(lines[nxt].text):
                    break
                end = nxt
            for j in range(start, end + 1):
                state.remove_line(j, "furniture.title-block")
            i = end + 1
        else:
            i += 1


def _is_title_fragment(text: str) -> bool:
    text = text.strip()
    return (0 < len(text) <= 40 and not text.endswith((".", ",", ";", ":")) and not re.fullmatch(r"[\d.]+", text)
            and not DATELINE.match(text))


def _next_text_line(lines, i: int) -> int | None:
    j = i + 1
    while j < len(lines) and (lines[j] is None or not lines[j].text.strip()):
        j += 1
    return j if j < len(lines) else None
