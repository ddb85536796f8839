"""The print PDF, as a user runs it and as a stage, against WeasyPrint alone on the same HTML.

Run: .venv/bin/python benchmarks/pdf.py [--runs N] [--book SLUG]   (default: the largest manuscript)

Sides, alternated for N rounds (default 5), min and median of each:
- `bookbuild build --format pdf` (the command, end to end: start-up, normalising, templates, layout
  with the passes that keep notes on their call's page, word accounting, report, files written);
- the `weasyprint` command on the HTML bookbuild hands to WeasyPrint (the same stylesheets and fonts):
  what layout alone costs;
- render_pdf() alone, in this process, on an already normalised book: the stage.
The ratios are of the medians; peak memory is each command's own process.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import BIN, MANUSCRIPTS, alternate, command, manuscripts, report, source_bytes

from bookbuild.read.manuscript import read_manuscript
from bookbuild.normalise import normalise
from bookbuild.render.pdf import TRIM_SIZES, print_html, render_pdf


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--book", help="a manuscript folder's name (default: the largest by bytes)")
    args = parser.parse_args()
    folder = MANUSCRIPTS / args.book if args.book else max(manuscripts(), key=source_bytes)
    manuscript = read_manuscript(folder)
    config, lines = manuscript.config, manuscript.lines
    tree, _ = normalise(lines, config)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        html = tmp / "book.html"
        html.write_text(print_html(tree, config))
        (tmp / "page.css").write_text(f"@page {{ size: {TRIM_SIZES[config.trim]}; }}")
        results = alternate({
            "bookbuild build --format pdf": command(BIN / "bookbuild", "build", "--force", folder, "--format", "pdf",
                                                    "--out", tmp / "out"),
            "weasyprint on the same HTML": command(BIN / "weasyprint", "-s", tmp / "page.css", html,
                                                   tmp / "alone.pdf"),
            "render_pdf() in this process": lambda: render_pdf(tree, config) and None,
        }, args.runs)
    printed = render_pdf(tree, config)
    title = (f"{folder.name}: {source_bytes(folder)} bytes of manuscript, {printed.pages} pages, "
             f"{len(printed.breaks_forced)} paragraph(s) moved to keep notes with their calls")
    report(title, results, "bookbuild build --format pdf", "weasyprint on the same HTML")
    stage = results["render_pdf() in this process"].median / results["weasyprint on the same HTML"].median
    print(f"  render_pdf() / weasyprint on the same HTML: {stage:.2f}x (medians)")


if __name__ == "__main__":
    main()
