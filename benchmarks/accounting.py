"""The word accounting (every source word in the book or the report) as the text grows.

Run: .venv/bin/python benchmarks/accounting.py [--runs N]

The largest manuscript (by bytes) repeated 1x, 2x, 4x, 8x and 16x is normalised once per size;
account() on it is timed N times (default 5). Linear growth: 16x the text in about 16x the time.
"""

from __future__ import annotations

from timing import alternate, manuscripts, runs_argument, source_bytes

from bookbuild.read.manuscript import read_manuscript
from bookbuild.normalise import normalise
from bookbuild.proof.accounting import account
from bookbuild.read import SourceLine


def main() -> None:
    runs = runs_argument()
    largest = max(manuscripts(), key=source_bytes)
    manuscript = read_manuscript(largest)
    config, lines = manuscript.config, manuscript.lines
    print(f"account() on {largest.name} repeated ({runs} runs each)")
    base = None
    for factor in (1, 2, 4, 8, 16):
        copies = [SourceLine(i + 1, line.text) for i, line in enumerate(lines * factor)]
        text = "\n".join(line.text for line in copies)
        tree, state = normalise(copies, config)
        timings = alternate({"account": lambda: account(text, tree, state.diagnostics) and None}, runs)["account"]
        base = base or timings.median
        print(f"  x{factor:<2} {len(text.encode()):>10} bytes   min {min(timings.seconds):.3f} s   "
              f"median {timings.median:.3f} s   {timings.median / base:5.2f}x the time for {factor}x the text")


if __name__ == "__main__":
    main()
