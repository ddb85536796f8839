"""The build report of one book: JSON for machines, plain text for people."""

from __future__ import annotations

import json
from collections import Counter

from dataclasses import dataclass

from ..diagnostics import MESSAGES, Diagnostics
from .accounting import Accounting


@dataclass(frozen=True)
class BuildReport:
    slug: str
    sources: list[str]
    kind: str
    diagnostics: Diagnostics
    accounting: Accounting

SECTIONS = (("removed", "Removed as furniture"), ("restored", "Restored"), ("flag", "Flagged for proofreaders"),
            ("info", "Other repairs"))


def report_json(report: BuildReport) -> str:
    a = report.accounting
    data = {
        "book": report.slug,
        "sources": report.sources,
        "kind": report.kind,
        "summary": dict(Counter(d.severity for d in report.diagnostics.items)),
        "counts": dict(Counter(d.code for d in report.diagnostics.items)),
        "accounting": {"source_words": a.source, "book_words": a.book, "report_words": a.report,
                       "missing": dict(a.missing), "added": dict(a.added)},
        "items": [d.to_json() for d in report.diagnostics.items],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def report_text(report: BuildReport) -> str:
    a = report.accounting
    lines = [f"Build report: {report.slug}", f"source: {', '.join(report.sources)} ({report.kind} text)",
             f"words: {a.source} in the source, {a.book} in the book, {a.report} in this report; "
             f"unaccounted: {sum(a.missing.values())}, added: {sum(a.added.values())}"]
    if not a.balanced:
        lines.append(f"  missing: {' '.join(sorted(a.missing))}")
        lines.append(f"  added: {' '.join(sorted(a.added))}")
    lines.append("")
    lines.append("Summary:")
    for code, count in Counter(d.code for d in report.diagnostics.items).items():
        summary = " ".join(MESSAGES[code][1].split(":")[0].format(text="", count="").split())
        lines.append(f"  {count:5}  {summary}")
    lines.append("")
    for severity, heading in SECTIONS:
        items = report.diagnostics.of(severity)
        lines.append(f"{heading}: {len(items)}")
        for d in items:
            where = f"line {d.line}" if d.line else "        "
            text = f": {d.text}" if d.text and d.text not in d.message else ""
            lines.append(f"  {where:>10}  {d.message}{text}")
        lines.append("")
    return "\n".join(lines)
