"""The proof queue: everything a build flagged in a book (and the headings it inferred, and the
corrections it applied), in reading order, each with the book's text around it and the source
lines it came from, so that a volunteer can work through it."""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass

from ..diagnostics import Diagnostics
from .reading import Unit

QUEUED = ("restore.heading", "restore.chapter-label", "restore.title-from-heads", "restore.title-from-numbering",
          "restore.correction")  # besides every flag
AROUND = 2  # source lines shown before and after the flagged one


@dataclass(frozen=True)
class ProofItem:
    number: int
    code: str
    message: str
    line: int | None
    chapter: str
    section: str
    context: str  # the book's text where it stands
    source: list[tuple[int, str]]  # (line number, text) of the source around it

    def to_json(self) -> dict:
        return asdict(self)


def proof_items(units: list[Unit], diagnostics: Diagnostics, source: list[str]) -> list[ProofItem]:
    found = [d for d in diagnostics.items if d.severity == "flag" or d.code in QUEUED]
    found.sort(key=lambda d: (d.line is None, d.line or 0))
    placed = [u for u in units if u.lines is not None]
    starts = [u.lines[0] for u in placed]
    items = []
    for number, diagnostic in enumerate(found, start=1):
        unit = None
        if diagnostic.line is not None and placed:
            unit = placed[max(0, bisect.bisect_right(starts, diagnostic.line) - 1)]
        excerpt = []
        if diagnostic.line is not None:
            first = max(1, diagnostic.line - AROUND)
            excerpt = [(n, source[n - 1]) for n in range(first, min(len(source), diagnostic.line + AROUND) + 1)]
        items.append(ProofItem(number, diagnostic.code, diagnostic.message, diagnostic.line,
                               unit.chapter if unit else "", unit.section if unit else "",
                               unit.text if unit else "", excerpt))
    return items
