"""`bookbuild diff` between two revisions of the largest book: the book as it is, and a copy with a
word changed in every 50th paragraph.

Run: .venv/bin/python benchmarks/diff.py [--runs N]
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from timing import BIN, alternate, command, manuscripts, runs_argument, source_bytes


def main() -> None:
    runs = runs_argument()
    largest = max(manuscripts(), key=source_bytes)
    with tempfile.TemporaryDirectory() as tmp:
        edited = Path(tmp) / largest.name
        shutil.copytree(largest, edited)
        for raw in edited.glob("*.txt"):
            lines = raw.read_text().split("\n")
            paragraphs = [i for i, line in enumerate(lines) if len(line) > 200]
            for i in paragraphs[::50]:
                lines[i] = lines[i].replace(" the ", " THE ", 1)
            raw.write_text("\n".join(lines))
        results = alternate({"bookbuild diff": command(BIN / "bookbuild", "diff", largest, edited),
                             "bookbuild diff --html": command(BIN / "bookbuild", "diff", largest, edited,
                                                              "--html", Path(tmp) / "diff.html")}, runs)
    print(f"bookbuild diff of {largest.name} ({source_bytes(largest)} bytes) against an edited copy")
    for timings in results.values():
        print(timings.line())


if __name__ == "__main__":
    main()
