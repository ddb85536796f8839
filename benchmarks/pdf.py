"""Print PDF time and peak memory for the largest book, next to WeasyPrint alone on the same HTML.

Run: .venv/bin/python benchmarks/pdf.py [slug]
Each measurement runs in a fresh process, so peak memory (max RSS) is that run's own.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = sys.argv[1] if len(sys.argv) > 1 else "russia-revolution-counter-revolution"

BOOKBUILD = f"""
from pathlib import Path
from bookbuild.build import load
from bookbuild.normalise import normalise
from bookbuild.render.pdf import render_pdf
config, lines, _ = load(Path({str(ROOT / 'manuscript' / SLUG)!r}))
tree, _ = normalise(lines, config)
result = render_pdf(tree, config)
print(result.pages, len(result.breaks_forced))
"""

EXPORT_HTML = f"""
from pathlib import Path
from bookbuild.build import load
from bookbuild.normalise import normalise
from bookbuild.render.pdf import print_html
config, lines, _ = load(Path({str(ROOT / 'manuscript' / SLUG)!r}))
tree, _ = normalise(lines, config)
Path(__import__('sys').argv[1]).write_text(print_html(tree, config))
"""

WEASYPRINT_ALONE = """
import sys, weasyprint
from bookbuild.render.html import STYLES
page = weasyprint.CSS(string="@page { size: 6in 9in; }")
weasyprint.HTML(filename=sys.argv[1], base_url=STYLES.as_uri() + "/").write_pdf(sys.argv[2], stylesheets=[page])
"""


PEAK = "\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def measure(code: str, *args: str) -> tuple[float, float, str]:
    """(seconds, peak MB, stdout) of one fresh Python process, which reports its own peak."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code + PEAK, *args], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    *out, peak = proc.stdout.strip().splitlines()
    return seconds, int(peak) / 1024, "\n".join(out)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "book.html"
        subprocess.run([sys.executable, "-c", EXPORT_HTML, str(html)], check=True)
        alone_s, alone_mb, _ = measure(WEASYPRINT_ALONE, str(html), str(Path(tmp) / "alone.pdf"))
        ours_s, ours_mb, out = measure(BOOKBUILD)
    pages, passes = out.split()
    print(f"{SLUG}: {pages} pages")
    print(f"WeasyPrint alone on the same HTML: {alone_s:.1f} s, peak {alone_mb:.0f} MB")
    print(f"bookbuild (normalise + templates + layout, {passes} paragraph(s) moved for notes): "
          f"{ours_s:.1f} s, peak {ours_mb:.0f} MB")
    print(f"bookbuild / WeasyPrint alone: time {ours_s / alone_s:.2f}x")


if __name__ == "__main__":
    main()
