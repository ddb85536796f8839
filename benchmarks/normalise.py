"""Normalising, as a user runs it and as a stage, against pandoc reading the same text.

Run: .venv/bin/python benchmarks/normalise.py [--runs N]

1. `bookbuild build --format xml` on every manuscript (one command, end to end: start-up, reading,
   normalising, word accounting, report, files written) against pandoc markdown -> docbook5 run on
   each manuscript's text in turn; the same without the manuscript that costs pandoc the most;
2. the same command on the largest manuscript (by bytes) against pandoc on it;
3. normalise() alone on that manuscript, in this process, against pandoc on it;
4. how normalise() grows with the length of the text (1x, 2x, 4x, 8x the largest manuscript).
Sides alternate, N rounds (default 5); min and median of each, and the ratio of the medians.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from timing import BIN, alternate, command, manuscripts, report, runs_argument, source_bytes

from bookbuild.read.manuscript import read_manuscript
from bookbuild.normalise import normalise
from bookbuild.read import SourceLine


def pandoc_on(paths: list[Path], out: Path):
    """A side that runs pandoc on each text in turn; its peak memory is the largest run's."""
    runs = [command("pandoc", "-f", "markdown", "-t", "docbook5", str(p), "-o", str(out)) for p in paths]
    return lambda: max(run() for run in runs)


def main() -> None:
    runs = runs_argument()
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is not installed (scripts/setup.sh installs it with the test tools)")
    folders = manuscripts()
    sizes = {f.name: source_bytes(f) for f in folders}
    largest = max(folders, key=lambda f: sizes[f.name])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        texts = {}
        for folder in folders:  # pandoc reads the decoded text, as bookbuild does
            texts[folder.name] = tmp / f"{folder.name}.txt"
            texts[folder.name].write_text("\n".join(line.text for line in read_manuscript(folder).lines))
        bookbuild = BIN / "bookbuild"

        results = alternate({
            "bookbuild build --format xml (all books)": command(bookbuild, "build", "--force", "--format", "xml",
                                                                 "--out", tmp / "out"),
            "pandoc, each book in turn": pandoc_on(list(texts.values()), tmp / "p.xml"),
        }, runs)
        report(f"1. all {len(folders)} manuscripts, {sum(sizes.values())} bytes", results,
               "bookbuild build --format xml (all books)", "pandoc, each book in turn")

        # pandoc's own worst case, left out to compare on the rest
        pandoc_worst = max(folders, key=lambda f: alternate({"p": pandoc_on([texts[f.name]], tmp / "p.xml")}, 1)["p"].median)
        rest = [f for f in folders if f != pandoc_worst]
        results = alternate({
            "bookbuild build --format xml (the rest)": lambda: max(
                command(bookbuild, "build", "--force", f, "--format", "xml", "--out", tmp / "out")() for f in rest),
            "pandoc, each of the rest in turn": pandoc_on([texts[f.name] for f in rest], tmp / "p.xml"),
        }, runs)
        report(f"   without {pandoc_worst.name} (pandoc's slowest), {sum(sizes[f.name] for f in rest)} bytes, "
               "one command per book", results, "bookbuild build --format xml (the rest)",
               "pandoc, each of the rest in turn")

        results = alternate({
            "bookbuild build --format xml": command(bookbuild, "build", "--force", largest, "--format", "xml",
                                                    "--out", tmp / "out"),
            "pandoc": pandoc_on([texts[largest.name]], tmp / "p.xml"),
        }, runs)
        report(f"2. the largest manuscript, {largest.name}, {sizes[largest.name]} bytes", results,
               "bookbuild build --format xml", "pandoc")

        manuscript = read_manuscript(largest)
        config, lines = manuscript.config, manuscript.lines
        results = alternate({
            "normalise() in this process": lambda: normalise(lines, config) and None,
            "pandoc": pandoc_on([texts[largest.name]], tmp / "p.xml"),
        }, runs)
        report(f"3. the normalise stage on {largest.name}", results, "normalise() in this process", "pandoc")

    print("4. normalise() as the text grows (median of 3 runs)")
    base = None
    for factor in (1, 2, 4, 8):
        copies = [SourceLine(i + 1, line.text) for i, line in enumerate(lines * factor)]
        size = len("\n".join(line.text for line in copies).encode())
        seconds = alternate({"n": lambda: normalise(copies, config) and None}, 3)["n"].median
        base = base or seconds
        print(f"  x{factor}: {size} bytes, {seconds:.3f} s, {seconds / base:.2f}x the time for {factor}x the text")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"(benchmark ran {time.perf_counter() - start:.0f} s)")
