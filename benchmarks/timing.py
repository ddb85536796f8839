"""Timing shared by the benchmarks: each side run in turn, several rounds, min and median, peak memory.

Sides alternate within each round (A, B, A, B, ...) so that a slow spell of the machine falls on
both; a command runs as its own process, as a user runs it, and its peak memory is that process's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MANUSCRIPTS = ROOT / "manuscript"


@dataclass
class Timings:
    name: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def line(self) -> str:
        memory = f", peak {max(self.peak_mb):.0f} MB" if self.peak_mb else ""
        return (f"  {self.name:<44} min {min(self.seconds):7.3f} s   median {self.median:7.3f} s"
                f"   ({len(self.seconds)} runs{memory})")


def command(*args: str | Path) -> Callable[[], float]:
    """A side that runs one process and returns its peak memory in MB (its output discarded)."""
    def run() -> float:
        proc = subprocess.Popen([str(a) for a in args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"{' '.join(map(str, args))} failed: {proc.stderr.read().decode()[-500:]}")
        return usage.ru_maxrss / 1024
    return run


def alternate(sides: dict[str, Callable[[], float | None]], runs: int) -> dict[str, Timings]:
    """Run every side once per round, `runs` rounds; a side may return its peak memory in MB."""
    results = {name: Timings(name) for name in sides}
    for _ in range(runs):
        for name, side in sides.items():
            start = time.perf_counter()
            peak = side()
            results[name].seconds.append(time.perf_counter() - start)
            if peak is not None:
                results[name].peak_mb.append(peak)
    return results


def report(title: str, results: dict[str, Timings], ours: str, peer: str) -> None:
    print(title)
    for timings in results.values():
        print(timings.line())
    ratio = results[ours].median / results[peer].median
    print(f"  {ours} / {peer}: {ratio:.2f}x (medians)")


def manuscripts() -> list[Path]:
    return sorted(p.parent for p in MANUSCRIPTS.glob("*/book.toml"))


def source_bytes(folder: Path) -> int:
    from bookbuild.config import load_config

    return sum(p.stat().st_size for p in load_config(folder).sources)


def runs_argument(default: int = 5) -> int:
    """--runs N from the command line (at least 5 by default: medians need several runs)."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=default, help="rounds of alternated runs per side")
    return parser.parse_args().runs
