"""The totals restoration must reach on the damaged corpus (issue 9), written once for the
benchmark and the test."""

from __future__ import annotations

from .score import Score

# name in Score.rates() -> (at least / at most, the bound)
THRESHOLDS: dict[str, tuple[str, float]] = {
    "chapters": ("≥", 0.95),
    "sections": ("≥", 0.90),
    "notes linked": ("≥", 0.95),
    "notes wrong": ("≤", 0),
    "tables found": ("≥", 0.90),
    "cells placed": ("≥", 0.90),
    "page joins": ("≥", 0.95),
    "words removed %": ("≤", 0.05),
    "false headings %": ("≤", 1.0),
    "furniture / 20 pp": ("≤", 1.0),
}


def failures(score: Score) -> list[str]:
    """One line for each total that misses its threshold."""
    rates = score.rates()
    out = []
    for name, (relation, bound) in THRESHOLDS.items():
        value = rates[name]
        if (relation == "≥" and value < bound) or (relation == "≤" and value > bound):
            out.append(f"{name} is {value:.4g}, must be {relation} {bound}")
    return out
