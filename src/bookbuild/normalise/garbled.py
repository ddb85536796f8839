"""Garbled text from a PDF's text layer ('1429 6.1429 Tto rA7'): kept out of the reading text, reported.

A token is suspect when it mixes letters and digits, has a capital inside it, carries PDF
operator debris, or is a word the rest of the text never uses. A stretch of text where
suspect tokens cluster is garbage; the rest of the paragraph stays.
"""

from __future__ import annotations

import re
from collections import Counter

from .blocks import Block
from .state import State

TOKEN = re.compile(r"\S+")
CORE = re.compile(r"[\W_]*(.*?)[\W_]*$")
MIN_SUSPECTS = 3


def remove_garbled_text(state: State) -> None:
    vocabulary = Counter(t.lower() for b in state.blocks for t in re.findall(r"[^\W\d_]+", b.text))
    for block in state.blocks:
        if block.kind not in ("para", "short") or len(block.lines) != 1:
            continue
        tokens = TOKEN.findall(block.text)
        spans = garbled_spans([_score(t, vocabulary) for t in tokens])
        if not spans:
            continue
        kept: list[str] = []
        previous_end = 0
        for start, end in spans:
            kept.extend(tokens[previous_end:start])
            garbage = " ".join(tokens[start:end])
            state.diagnostics.add("flag.garbled", block.first, garbage)
            block.notes.append(f"Garbled text from the source's text layer removed here: {garbage}")
            previous_end = end
        kept.extend(tokens[previous_end:])
        block.lines = [" ".join(kept)]


def garbled_spans(scores: list[int]) -> list[tuple[int, int]]:
    """Runs where suspect tokens cluster (at most two sound tokens between two suspects), with at
    least MIN_SUSPECTS suspects, two of them malformed, making up 60% or more of the run."""
    spans: list[tuple[int, int]] = []
    positions = [i for i, s in enumerate(scores) if s]
    k = 0
    while k < len(positions):
        j = k
        while j + 1 < len(positions) and positions[j + 1] - positions[j] <= 3:
            j += 1
        start, end = positions[k], positions[j] + 1
        count = j - k + 1
        malformed = sum(1 for p in positions[k:j + 1] if scores[p] == MALFORMED)
        if count >= MIN_SUSPECTS and malformed >= 2 and count / (end - start) >= 0.6:
            spans.append((start, end))
        k = j + 1
    return spans


SOUND, UNKNOWN, MALFORMED = 0, 1, 2


def _score(token: str, vocabulary: Counter) -> int:
    """MALFORMED: no word of any language looks like this; UNKNOWN: a lower-case word used nowhere else."""
    if re.search(r"\)T[jJ*]|T\*|/[A-Z]", token):
        return MALFORMED
    core = CORE.match(token).group(1)
    if not core:
        return SOUND
    if re.fullmatch(r"[\d.,%–-]+", core):
        return MALFORMED if re.search(r"\d\.\d{4,}", core) else SOUND  # '6.1429': a coordinate
    if re.search(r"[^\W\d_]\.?\d|\d[^\W\d_]", core) and not re.fullmatch(
            r"\d+(st|nd|rd|th|s|[a-z])|[A-Z][a-z]{0,3}\$?[\d,.]+", core):  # 21st, 1930s, 3a, Rbs735
        return MALFORMED
    if re.search(r"[a-z][A-Z]|[a-z][*(\"”“][a-z]|(\w)\1\1|[bcdfghjklmnpqrstvwxz]{5}", core):
        return MALFORMED
    words = re.findall(r"[^\W\d_]+", core)
    if any(w.islower() and vocabulary[w.lower()] <= 1 for w in words):
        return UNKNOWN
    return SOUND
