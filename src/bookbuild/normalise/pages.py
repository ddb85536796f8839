"""Page furniture of a PDF extraction: what the page margins put around the text (running heads,
folios, page URLs, print stamps), recognised by where it stands rather than by what it says.

A page edge is found from an anchor: a form feed; a line that is page furniture by itself (a URL
standing alone, 'Page 3 of 12'); a run of folios (numbers standing alone that count up page by
page); or a line that stands alone again and again at a regular interval. The lines standing
alone around an anchor (between blank lines, never part of a run of text lines) make an edge
cluster. A line shape (the line with digits and numerals masked) that recurs at the same place
in three clusters or more, and mostly there, is furniture at that place. Lines of running text
are never removed, and a line at a page edge that does not recur is kept.

The first text line after each cluster starts a page: the paragraph stage joins across it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from statistics import median

from .state import State

URL_LINE = re.compile(r"^(https?://|www\.)\S+(\s+\(\d+\s+of\s+\d+\))?(\s+\[[\d/.: -]+\])?$", re.I)
PAGE_OF = re.compile(r"^(page\s+)?\d+\s+(of|/)\s+\d+$", re.I)
FOLIO = re.compile(r"^[-–—]?\s*(\d{1,4}|[ivxlc]{1,7})\s*[-–—]?$", re.I)
MAX_STANDING_ALONE = 100  # characters: longer lines are text, even when they stand alone
CLUSTER_REACH = 4  # lines standing alone on each side of an anchor that can be furniture
MIN_RECURRENCE = 3


def remove_page_furniture(state: State) -> None:
    """Running heads, folios and page URLs that recur at the page edges of a PDF extraction."""
    lines = state.lines
    filled = [i for i, line in enumerate(lines) if line is not None and line.text.strip()]
    alone = _standing_alone(state, filled)
    anchors = _anchor_lines(state, filled, alone)
    clusters = _clusters(state, filled, alone, anchors)
    places: dict[str, Counter] = defaultdict(Counter)
    for cluster in clusters:
        for place, i in _places(cluster):
            places[shape(lines[i].text)][place] += 1
    occurrences = Counter(shape(lines[i].text) for i in filled)
    furniture_places = {s: {place for place, n in counts.items() if n >= MIN_RECURRENCE}
                        for s, counts in places.items()
                        if sum(counts.values()) * 2 >= occurrences[s]}
    for cluster in clusters:
        for k, i in enumerate(cluster):
            here = {("top", k), ("bottom", len(cluster) - 1 - k)}
            if i in anchors or here & furniture_places.get(shape(lines[i].text), set()):
                state.remove_line(i, "furniture.page-edge")
        after = bisect.bisect_right(filled, cluster[-1])
        if after < len(filled):
            state.page_starts.add(lines[filled[after]].number)


def shape(text: str) -> str:
    """A line with its digits, numerals and spacing masked: what recurs from page to page."""
    text = re.sub(r"\d+", "#", text.strip().lower())
    text = re.sub(r"\b[ivxlc]+\b", "#", text)
    return re.sub(r"\s+", " ", text)


def _standing_alone(state: State, filled: list[int]) -> set[int]:
    """Short lines with no text line right above or below them (a blank, a page break or the end)."""
    lines = state.lines
    out = set()

    def blank(j: int) -> bool:
        return j < 0 or j >= len(lines) or lines[j] is None or not lines[j].text.strip()

    for i in filled:
        if len(lines[i].text.strip()) > MAX_STANDING_ALONE:
            continue
        above = blank(i - 1) or lines[i].number in state.page_starts
        below = blank(i + 1) or lines[i].number + 1 in state.page_starts
        if above and below:
            out.add(i)
    return out


def _anchor_lines(state: State, filled: list[int], alone: set[int]) -> set[int]:
    """Lines that mark a page edge by themselves, by a count that runs page by page, or by recurring
    at a regular interval."""
    lines = state.lines
    anchors = {i for i in alone if URL_LINE.match(lines[i].text.strip()) or PAGE_OF.match(lines[i].text.strip())}
    anchors |= _folio_runs(state, sorted(alone))
    by_shape: dict[str, list[int]] = defaultdict(list)
    for i in sorted(alone):
        by_shape[shape(lines[i].text)].append(i)
    for positions in by_shape.values():
        if _regular(positions):
            anchors.update(positions)
    return anchors


def _folio_runs(state: State, alone: list[int]) -> set[int]:
    """Numbers standing alone that count up (by 1, or a little more where pages are missing) with a
    page's worth of lines between them."""
    numbered = [(i, _folio_value(state.lines[i].text)) for i in alone]
    numbered = [(i, v) for i, v in numbered if v is not None]
    runs: list[list[int]] = []
    last: tuple[int, int] | None = None
    for i, value in numbered:
        if last and 0 < value - last[1] <= 4 and 10 <= i - last[0] <= 400:
            runs[-1].append(i)
        else:
            runs.append([i])
        last = (i, value)
    return {i for run in runs if len(run) >= 4 for i in run}


def _folio_value(text: str) -> int | None:
    match = FOLIO.match(text.strip())
    if not match:
        return None
    token = match.group(1)
    return int(token) if token.isdigit() else _roman(token)


def _roman(token: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total, previous = 0, 0
    for ch in reversed(token.lower()):
        value = values[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def _regular(positions: list[int]) -> bool:
    """Recurring at a page's interval: most gaps near their median, or near twice it (a page without it)."""
    if len(positions) < 4:
        return False
    gaps = [b - a for a, b in zip(positions, positions[1:])]
    m = median(gaps)
    if m < 12:
        return False
    near = sum(1 for g in gaps if 0.8 * m <= g <= 1.25 * m or 1.6 * m <= g <= 2.5 * m)
    return near >= 0.7 * len(gaps)


def _clusters(state: State, filled: list[int], alone: set[int], anchors: set[int]) -> list[list[int]]:
    """Around each page edge, the lines standing alone next to each other (only blanks between)."""
    index_of = {state.lines[i].number: i for i in filled}
    starts = {index_of[n] for n in state.page_starts if n in index_of}
    edges = sorted(anchors | {_nearest_alone(filled, alone, p) for p in starts} - {None})
    position = {i: k for k, i in enumerate(filled)}
    clusters: list[list[int]] = []
    for edge in edges:
        k = position[edge]
        start = end = k
        while start > 0 and filled[start - 1] in alone and k - start < CLUSTER_REACH:
            start -= 1
        while end + 1 < len(filled) and filled[end + 1] in alone and end - k < CLUSTER_REACH:
            end += 1
        cluster = [filled[j] for j in range(start, end + 1) if filled[j] in alone]
        if clusters and set(cluster) & set(clusters[-1]):
            merged = sorted(set(clusters[-1]) | set(cluster))
            clusters[-1] = merged
        elif cluster:
            clusters.append(cluster)
    return clusters


def _nearest_alone(filled: list[int], alone: set[int], page_start: int) -> int | None:
    """The line standing alone at a form feed: the first line of the page, or the last of the one before."""
    if page_start in alone:
        return page_start
    k = bisect.bisect_left(filled, page_start)
    return filled[k - 1] if k and filled[k - 1] in alone else None


def _places(cluster: list[int]) -> list[tuple[tuple[str, int], int]]:
    """Each line of a cluster with its place, counted from the cluster's top and from its bottom."""
    return [(place, i) for k, i in enumerate(cluster) for place in (("top", k), ("bottom", len(cluster) - 1 - k))]
