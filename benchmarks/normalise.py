"""Normalising speed: all five manuscripts, and how the cost grows with the length of the text.

Run: .venv/bin/python benchmarks/normalise.py
Prints seconds (best of several runs), throughput, the growth ratio for 1x/2x/4x/8x the largest
manuscript, and, where pandoc is installed, the time pandoc takes to read the same text.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bookbuild.build import load
from bookbuild.normalise import normalise
from bookbuild.read import SourceLine

ROOT = Path(__file__).resolve().parent.parent


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    books = [load(folder)[:2] for folder in sorted((ROOT / "manuscript").glob("*/")) if (folder / "book.toml").exists()]
    size = sum(len("\n".join(l.text for l in lines).encode()) for _, lines in books)
    seconds = best_of(5, lambda: [normalise(lines, config) for config, lines in books])
    print(f"all {len(books)} manuscripts: {size / 1e6:.2f} MB in {seconds:.3f} s ({size / 1e6 / seconds:.2f} MB/s)")

    config, lines = max(books, key=lambda b: len(b[1]))
    base = None
    for factor in (1, 2, 4, 8):
        copies = [SourceLine(i + 1, l.text) for i, l in enumerate(lines * factor)]
        t = best_of(3, lambda: normalise(copies, config))
        base = base or t
        print(f"{config.slug} x{factor}: {t:.3f} s, {t / base / factor:.2f} x linear")

    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("pandoc: not installed, no comparison")
        return
    with tempfile.TemporaryDirectory() as tmp:
        total = 0.0
        for config, lines in books:
            path = Path(tmp) / f"{config.slug}.txt"
            path.write_text("\n".join(l.text for l in lines))
            total += best_of(3, lambda: subprocess.run([pandoc, "-f", "markdown", "-t", "docbook5", str(path)],
                                                      capture_output=True, check=True))
    print(f"pandoc markdown -> docbook5 on the same text: {total:.3f} s; bookbuild / pandoc = {seconds / total:.2f}")


if __name__ == "__main__":
    main()
