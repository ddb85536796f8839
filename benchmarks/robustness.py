"""Restoration on books bookbuild has never seen: damage the clean corpus (web dumps and real PDF
print-outs, several seeds), normalise each with bookbuild, score it against the clean book.

    .venv/bin/python benchmarks/robustness.py                 # all books, both kinds, seeds 1 2 3
    .venv/bin/python benchmarks/robustness.py --seeds 4 5 --kinds pdf --examples

Prints one line per book and kind (summed over the seeds), the totals per kind and overall, and
whether each total reaches its threshold (tests/damage/thresholds.py). Typeset PDFs are cached
in .cache/damage/ so a second run only normalises and scores.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from damage.book import corpus_slugs  # noqa: E402
from damage.run import KINDS, run  # noqa: E402
from damage.score import Score  # noqa: E402
from damage.thresholds import THRESHOLDS, failures  # noqa: E402

COLUMNS = ("chapters", "sections", "notes linked", "notes wrong", "tables found", "false tables", "cells placed",
           "page joins",
           "words removed %", "false headings %", "furniture / 20 pp", "lost pages flagged", "false lost pages")


def _job(args: tuple[str, str, int]) -> tuple[str, str, Score, float]:
    slug, kind, seed = args
    started = time.perf_counter()
    _, score = run(slug, kind, seed)
    return slug, kind, score, time.perf_counter() - started


def _row(label: str, score: Score) -> str:
    rates = score.rates()
    cells = []
    for column in COLUMNS:
        value = rates[column]
        cells.append(f"{value:8d}" if column in ("notes wrong", "false tables", "false lost pages") else f"{value:8.3f}" if "%" in column or "/" in column
                     else f"{100 * value:7.1f}%")
    return f"{label:44} " + " ".join(cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--books", nargs="+", default=None,
                        help="corpus slugs or their starts, 'adam-smith' (default: all)")
    parser.add_argument("--examples", action="store_true", help="print examples of each kind of miss")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    books = corpus_slugs()
    if args.books:
        unknown = [b for b in args.books if not any(s.startswith(b) for s in books)]
        if unknown:
            parser.error(f"no corpus book starts with {', '.join(unknown)}; the books: {', '.join(books)}")
        books = [s for s in books if any(s.startswith(b) for b in args.books)]
    jobs = [(slug, kind, seed) for slug in books for kind in args.kinds for seed in args.seeds]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(_job, jobs))
    elapsed = time.perf_counter() - started

    print(f"{'book / kind':44} " + " ".join(f"{c[:8]:>8}" for c in COLUMNS))
    per_kind = {kind: Score(kind) for kind in args.kinds}
    total = Score("total")
    for slug in books:
        for kind in args.kinds:
            summed = Score(f"{slug[:34]}/{kind}")
            for s, k, score, _ in results:
                if s == slug and k == kind:
                    summed.add(score)
            per_kind[kind].add(summed)
            total.add(summed)
            print(_row(summed.name, summed))
    print()
    for kind, score in per_kind.items():
        print(_row(f"total {kind}", score))
    print(_row("total", total))
    print(f"\n{len(jobs)} damaged books ({len(books)} books × {len(args.kinds)} kinds × seeds "
          f"{' '.join(map(str, args.seeds))}), {total.pages:.0f} pages, {total.words} words, "
          f"{total.words_removed} removed by bookbuild, {total.words_lost} lost by the damage; "
          f"headings destroyed by the damage: {total.divisions_lost} divisions, {total.sections_lost} sections; "
          f"{elapsed:.0f} s")
    failed = failures(total)
    for line in failed:
        print(f"below threshold: {line}")
    if not failed:
        print("every total reaches its threshold: " + ", ".join(f"{k} {v}" for k, v in THRESHOLDS.items()))
    if args.examples:
        for what, examples in total.examples.items():
            print(f"\n{what} ({len(examples)}):")
            for example in examples[:25]:
                print(f"    {example}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
