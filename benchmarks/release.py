"""A release build of every book, side by side with its peers, in one run.

Run: .venv/bin/python benchmarks/release.py [--runs N]

- the full build of all books in parallel (-j the cores) against the same build serially (-j 1);
- the no-op rebuild (everything up to date);
- bookbuild's EPUB of the largest book against pandoc making an EPUB from the same DocBook XML;
- bookbuild's PDF of the largest book against WeasyPrint alone on the same HTML;
- the peak memory of each book's full build.
Every command runs as its own process, sides alternating within each round (see timing.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from timing import BIN, ROOT, alternate, command, manuscripts, report, runs_argument, source_bytes

from bookbuild.normalise import normalise
from bookbuild.read.manuscript import read_manuscript
from bookbuild.render.pdf import TRIM_SIZES, print_html


def main() -> None:
    runs = runs_argument(default=3)
    bookbuild = BIN / "bookbuild"
    cores = os.cpu_count() or 1
    largest = max(manuscripts(), key=source_bytes)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build = lambda jobs, out: command(bookbuild, "build", "--force", "-q", "-j", jobs, "--out", tmp / out)
        results = alternate({f"all books, -j {cores}": build(cores, "parallel"),
                             "all books, -j 1": build(1, "serial")}, runs)
        report(f"Full build of {len(manuscripts())} books on {cores} cores ({runs} runs each)", results,
               f"all books, -j {cores}", "all books, -j 1")
        noop = alternate({"no-op rebuild": command(bookbuild, "build", "-q", "--out", tmp / "parallel")}, runs)
        print(noop["no-op rebuild"].line())

        manuscript = read_manuscript(largest)
        tree, _ = normalise(manuscript.lines, manuscript.config, manuscript.table_data)
        xml = tmp / "book.xml"
        shutil.copy(tmp / "parallel" / largest.name / f"{largest.name}.xml", xml)
        html = tmp / "book.html"
        html.write_text(print_html(tree, manuscript.config))
        (tmp / "page.css").write_text(f"@page {{ size: {TRIM_SIZES[manuscript.config.trim]}; }}")
        one = lambda fmt: command(bookbuild, "build", largest, "--force", "-q", "--format", fmt, "--out", tmp / fmt)
        epub = alternate({"bookbuild build --format epub": one("epub"),
                          "pandoc -f docbook -t epub3": command(shutil.which("pandoc") or "pandoc", "-f", "docbook",
                                                                "-t", "epub3", xml, "-o", tmp / "pandoc.epub")}, runs)
        report(f"\nEPUB of {largest.name} ({source_bytes(largest)} bytes of manuscript)", epub,
               "bookbuild build --format epub", "pandoc -f docbook -t epub3")
        pdf = alternate({"bookbuild build --format pdf": one("pdf"),
                         "weasyprint on the same HTML": command(BIN / "weasyprint", "-s", tmp / "page.css", html,
                                                                tmp / "alone.pdf")}, runs)
        report(f"\nPDF of {largest.name}", pdf, "bookbuild build --format pdf", "weasyprint on the same HTML")

        print("\nPeak memory of each book's full build (-j 1, one run):")
        for folder in manuscripts():
            timings = alternate({folder.name: build_one(bookbuild, folder, tmp / "each")}, 1)[folder.name]
            print(f"  {folder.name:<44} {timings.seconds[0]:6.1f} s   peak {timings.peak_mb[0]:5.0f} MB")


def build_one(bookbuild: Path, folder: Path, out: Path):
    return command(bookbuild, "build", folder, "--force", "-q", "-j", "1", "--out", out)


if __name__ == "__main__":
    os.chdir(ROOT)  # `bookbuild build` with no path builds manuscript/ here
    main()
