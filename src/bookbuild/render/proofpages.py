"""The pages proofreaders read: the diff between two versions of a book, and a book's proof queue,
each one self-contained HTML file from the shared templates."""

from __future__ import annotations

from ..proof.diff import KIND_NAMES, Comparison, shown_words, summary
from ..proof.queue import ProofItem
from ..proof.versions import Version
from .html import environment

MAX_SOURCE_LINES = 40  # of a change's source shown on each side


def diff_html(comparison: Comparison, old: Version, new: Version) -> str:
    chapters: list[dict] = []
    for number, change in enumerate(comparison.changes, start=1):
        where = change.where
        if not chapters or chapters[-1]["title"] != where.chapter:
            chapters.append({"id": f"chapter-{len(chapters) + 1}", "title": where.chapter, "changes": []})
        chapters[-1]["changes"].append({
            "number": number, "kind": KIND_NAMES.get(change.kind, change.kind), "section": where.section,
            "label": where.key, "words": shown_words(change),
            "old_lines": _lines(change.old), "new_lines": _lines(change.new),
            "old_source": _source(change.old, old), "new_source": _source(change.new, new),
        })
    return environment("proof").get_template("proof/diff.html.j2").render(
        old=old, new=new, summary=summary(comparison), chapters=chapters)


def queue_html(items: list[ProofItem], title: str) -> str:
    chapters: list[dict] = []
    for item in items:
        if not chapters or chapters[-1]["title"] != item.chapter:
            chapters.append({"title": item.chapter, "first": item.number, "count": 0})
        chapters[-1]["count"] += 1
    return environment("proof").get_template("proof/queue.html.j2").render(items=items, title=title,
                                                                          chapters=chapters)


def _lines(units) -> str:
    spans = [u.lines for u in units if u.lines]
    if not spans:
        return ""
    first, last = spans[0][0], spans[-1][1]
    return str(first) if first == last else f"{first}–{last}"


def _source(units, version: Version) -> list[tuple[int, str]]:
    spans = [u.lines for u in units if u.lines]
    if not spans or version.source is None:
        return []
    first, last = spans[0][0], min(spans[-1][1], spans[0][0] + MAX_SOURCE_LINES - 1)
    return [(n, version.source[n - 1]) for n in range(first, last + 1) if n <= len(version.source)]
