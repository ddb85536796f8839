"""Furniture other than page edges: a site's tag on the title, boilerplate named in book.toml (and
a web dump's last lines that read as the site's, flagged for it), navigation lines between web
pages, and the title block a print-out repeats before each chapter.

Each removal is logged with the line's text. Page edges (running heads, folios, page URLs) are
in pages.py; the contents list of a web dump in front.py, because it also finds the headings.
"""

from __future__ import annotations

import re
from collections import Counter
from .headings import is_division_line
from .patterns import DATELINE, END_MARK
from .state import State

NAVIGATION = re.compile(r"^\s*(back to .{1,40}?\s+(\W+\s+)?on to .{1,40}|previous\s*\W+\s*next|next chapter|previous chapter)\s*$", re.I)
SITE_TAG = re.compile(r"^\[(Book|Article|Page|Web|PDF)\]\s+", re.I)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b", re.I)
MAX_TRAILER_WORDS = 8


def remove_site_tag(state: State) -> None:
    """A website's tag before the title: '[Book] A Title' (opt-in: one site's habit)."""
    first = next((i for i, line in enumerate(state.lines) if line and line.text.strip()), None)
    if first is not None and (match := SITE_TAG.match(state.lines[first].text)):
        line = state.lines[first]
        state.diagnostics.add("furniture.site-tag", line.number, match.group(0).strip())
        state.lines[first] = type(line)(line.number, line.text[match.end():])


def remove_boilerplate(state: State) -> None:
    """Lines that book.toml names as boilerplate, and everything from its trailer line on."""
    rules = state.config.furniture
    if not rules.lines and not rules.trailer_from:
        return
    trailer_at = None
    for i, line in enumerate(state.lines):
        if line is None:
            continue
        text = line.text.strip()
        if trailer_at is None and text and text in rules.trailer_from:
            trailer_at = i
        if trailer_at is not None or (text and any(text.startswith(p) for p in rules.lines)):
            state.remove_line(i, "furniture.boilerplate")


def flag_site_trailer(state: State) -> None:
    """A web dump's last blocks when each is one short line that is no sentence ('Print this page',
    'Related articles') or a copyright line: a site's trailer, most likely, but the end of a book
    may be short lines too, so they stay and are flagged, for book.toml's trailer_from to remove;
    none of them is taken for a heading."""
    blocks: list[list[int]] = [[]]  # the dump's blocks of lines, as indexes
    for i, line in enumerate(state.lines):
        if line is not None and line.text.strip():
            blocks[-1].append(i)
        elif blocks[-1]:
            blocks.append([])
    trailer: list[int] = []
    for block in reversed([b for b in blocks if b]):
        text = state.lines[block[0]].text.strip()
        if len(block) > 1 or not (COPYRIGHT.search(text) or _is_site_line(text)):
            break
        trailer.insert(0, block[0])
    if len(trailer) >= 2 or any(COPYRIGHT.search(state.lines[i].text) for i in trailer):
        first = state.lines[trailer[0]]
        state.diagnostics.add("flag.site-trailer", first.number, first.text.strip(), count=len(trailer))
        state.site_trailer.update(state.lines[i].number for i in trailer)


def _is_site_line(text: str) -> bool:
    """A short line that closes no sentence and is no heading of the book's: a link's or a button's words."""
    return len(text.split()) <= MAX_TRAILER_WORDS and not re.search(r"[.!?;:,’”\"')\]]$", text) \
        and not is_division_line(text) and not END_MARK.match(text)


def remove_navigation(state: State) -> None:
    """'Back to Chapter 3 — On to Chapter 5' lines between web pages (opt-in: one site's navigation);
    the 'on to' targets are kept for restoring lost chapter numbers."""
    for i, line in enumerate(state.lines):
        if line is not None and NAVIGATION.match(line.text):
            if target := re.search(r"\bon to\s+(.+?)\s*$", line.text, re.I):
                state.navigation.append((line.number, target.group(1)))
            state.remove_line(i, "furniture.navigation")


def remove_title_blocks(state: State) -> None:
    """The same run of two or more short lines repeated right before three division headings or more
    (a site's name, the book's title, its tagline, printed on each web page) is a title block.

    The evidence is the repetition of the whole run at division starts; a single short line that
    recurs ('[...]') is never enough. Before each division, the lines of such runs go, and the block
    grows over short non-sentence lines right above it.
    """
    lines = state.lines
    filled = [i for i, line in enumerate(lines) if line is not None and line.text.strip()]
    headings = [k for k, i in enumerate(filled) if is_division_line(lines[i].text)]
    runs: Counter = Counter()
    for k in headings:
        run = _run_above(lines, filled, k, lambda i: not _ends_text(lines, i))
        for start in range(len(run) - 1):  # every tail of two lines or more
            runs[tuple(lines[i].text.strip() for i in run[start:])] += 1
    block_lines = {text for key, n in runs.items() if n >= 3 for text in key}
    if not block_lines:
        return
    for k in headings:
        run = _run_above(lines, filled, k, lambda i: lines[i].text.strip() in block_lines)
        if len(run) < 2 or any(lines[i].text.strip() not in block_lines for i in run):
            continue
        first = filled.index(run[0])
        while first > 0 and filled[first - 1] >= filled[first] - 3 and _is_title_fragment(lines[filled[first - 1]].text) \
                and not _ends_text(lines, filled[first - 1]):
            first -= 1
        for i in filled[first:]:
            if i > run[-1]:
                break
            state.remove_line(i, "furniture.title-block")


def _run_above(lines, filled: list[int], k: int, allowed) -> list[int]:
    """Up to four short title-like lines right above filled[k] (within eight lines) that pass allowed."""
    run: list[int] = []
    j = k - 1
    while j >= 0 and len(run) < 4 and filled[j] >= filled[k] - 8 and _is_title_fragment(lines[filled[j]].text) \
            and allowed(filled[j]):
        run.insert(0, filled[j])
        j -= 1
    return run


def _ends_text(lines, i: int) -> bool:
    """The line closes a paragraph of running text (the line above it is a long text line)."""
    above = lines[i - 1] if i else None
    return above is not None and len(above.text.strip()) > 60


def _is_title_fragment(text: str) -> bool:
    text = text.strip()
    return (0 < len(text) <= 70 and not text.endswith((".", ",", ";", ":")) and not re.fullmatch(r"[\d.]+", text)
            and not DATELINE.match(text))

