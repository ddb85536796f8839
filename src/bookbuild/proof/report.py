"""The build report of one book: JSON for machines, plain text for people."""

from __future__ import annotations

import json
from collections import Counter

from ..diagnostics import Diagnostics

SECTIONS = (("removed", "Removed as furniture"), ("restored", "Restored"), ("flag", "Flagged for proofreaders"),
            ("info", "Other repairs"))


def report_json(slug: str, source_names: list[str], kind: str, diagnostics: Diagnostics) -> str:
    data = {
        "book": slug,
        "sources": source_names,
        "kind": kind,
        "summary": dict(Counter(d.severity for d in diagnostics.items)),
        "items": [d.to_json() for d in diagnostics.items],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def report_text(slug: str, source_names: list[str], kind: str, diagnostics: Diagnostics) -> str:
    lines = [f"Build report: {slug}", f"source: {', '.join(source_names)} ({kind} text)", ""]
    for severity, heading in SECTIONS:
        items = diagnostics.of(severity)
        lines.append(f"{heading}: {len(items)}")
        for d in items:
            where = f"line {d.line}" if d.line else "        "
            text = f": {d.text}" if d.text and d.text not in d.message else ""
            lines.append(f"  {where:>10}  {d.message}{text}")
        lines.append("")
    return "\n".join(lines)
