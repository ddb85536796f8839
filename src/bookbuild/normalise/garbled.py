"""Garbled text from a PDF's text layer ('1429 6.1429 Tto rA7'): kept out of the reading text, reported.

A token is suspect when it mixes letters and digits, has a capital inside it, carries PDF
operator debris, or is a word the rest of the text never uses. A stretch of text where
suspect tokens cluster is garbage; the rest of the paragraph stays.
"""

from __future__ import annotations

import re
from collections import Counter

from ..wordcount import count_tokens
from .blocks import Block
from .patterns import WORD
from .state import State

CORE = re.compile(r"[\W_]*(.*?)[\W_]*$")
MIN_SUSPECTS = 3
GAP = 3  # tokens from a suspect token to the next in a run of garbage


def remove_garbled_text(state: State) -> None:
    """Stretches of a paragraph where malformed tokens cluster: kept out of the text, reported."""
    vocabulary = _vocabulary(state)
    scores: dict[str, int] = {}
    suspects: set[str] = set()  # the tokens scored above SOUND: most paragraphs hold none
    for block in state.blocks:
        if block.kind not in ("para", "short") or len(block.lines) != 1:
            continue
        tokens = block.text.split()
        for token in set(tokens).difference(scores):
            scores[token] = _score(token, vocabulary)
            if scores[token]:
                suspects.add(token)
        if suspects.isdisjoint(tokens):
            continue
        spans = garbled_spans([scores[t] for t in tokens])
        if not spans:
            continue
        # a word with a digit in it right before or after the garbage, or two words off, is garbage too
        # ('Do1 5ouy nto0', '… dha6 ot aetk Het1'), not a call
        spans = [(_reach(tokens, start, -1), _reach(tokens, end - 1, 1) + 1) for start, end in spans]
        spans = [_off_clean_lines(state, block, tokens, vocabulary, span) for span in spans]
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


def _off_clean_lines(state: State, block: Block, tokens: list[str], vocabulary: Counter,
                     span: tuple[int, int]) -> tuple[int, int]:
    """The span without the words it opens with that end source lines holding no malformed token, line
    by line, nor those it closes with that open such lines: garbage garbles a line of the text layer,
    and the lines around it are the text's ('… the overseeing of the beginnings of free' over
    '9,broal t2eh …')."""
    start, end = span
    bad = [k for k in range(start, end) if _score(tokens[k], vocabulary) == MALFORMED]
    if not bad:
        return span
    clean = [line.text.strip() for line in state.lines[block.first - 1:block.last] if line is not None
             and all(_score(token, vocabulary) != MALFORMED for token in line.text.split())]
    while (cut := max((cut for cut in range(start + 1, bad[0] + 1)
                       if any(line.endswith(" ".join(tokens[start:cut])) for line in clean)), default=start)) > start:
        start = cut
    while (cut := min((cut for cut in range(bad[-1] + 1, end)
                       if any(line.startswith(" ".join(tokens[cut:end])) for line in clean)), default=end)) < end:
        end = cut
    return start, end


def _reach(tokens: list[str], k: int, step: int) -> int:
    """The farthest token from tokens[k], GAP tokens on at most, that is a word with a digit in it."""
    reach = k
    for j in range(k + step, k + step * (GAP + 1), step):
        if 0 <= j < len(tokens) and LETTER_DIGIT.search(tokens[j]):
            reach = j
    return reach


def _vocabulary(state: State) -> Counter:
    """How often each word (folded to lower case) occurs in the text."""
    vocabulary: Counter = Counter()
    for word, n in count_tokens((block.text for block in state.blocks), WORD).items():
        vocabulary[word.lower()] += n
    return vocabulary


def garbled_spans(scores: list[int]) -> list[tuple[int, int]]:
    """Runs where suspect tokens cluster (at most two sound tokens between two suspects), with at
    least MIN_SUSPECTS suspects, two of them malformed, making up 60% or more of the run; from its
    first malformed token to its last, where fewer than MIN_SUSPECTS suspects stand past them."""
    spans: list[tuple[int, int]] = []
    positions = [i for i, s in enumerate(scores) if s]
    k = 0
    while k < len(positions):
        j = k
        while j + 1 < len(positions) and positions[j + 1] - positions[j] <= GAP:
            j += 1
        start, end = positions[k], positions[j] + 1
        count = j - k + 1
        malformed = sum(1 for p in positions[k:j + 1] if scores[p] == MALFORMED)
        if count >= MIN_SUSPECTS and malformed >= 2 and count / (end - start) >= 0.6:
            # a rare word or two past the first or last malformed token are the text's more likely than
            # garbage; more of them are garbage too
            bad = [p for p in positions[k:j + 1] if scores[p] == MALFORMED]
            if sum(1 for p in positions[k:j + 1] if p < bad[0]) < MIN_SUSPECTS:
                start = bad[0]
            if sum(1 for p in positions[k:j + 1] if p > bad[-1]) < MIN_SUSPECTS:
                end = bad[-1] + 1
            spans.append((start, end))
        k = j + 1
    return spans


SOUND, UNKNOWN, MALFORMED = 0, 1, 2


PDF_OPERATOR = re.compile(r"\)T[jJ*]|T\*|/[A-Z]")
NUMBER = re.compile(r"[\d.,%–-]+")
COORDINATE = re.compile(r"\d\.\d{4,}")
LETTER_DIGIT = re.compile(r"[^\W\d_]\.?\d|\d[^\W\d_]")
FINE_LETTER_DIGIT = re.compile(r"\d+(st|nd|rd|th|s|[a-z])|[A-Z][a-z]{0,3}\$?[\d,.]+")  # 21st, 1930s, 3a, Rbs735
CALL_GLUED = re.compile(r"([^\W\d_]{3,})[.,;:’”)]?\d{1,2}")  # a flattened footnote call: society.3, control4
MALFORMED_WORD = re.compile(r"[a-z][A-Z]|[a-z][*(\"”“][a-z]|(\w)\1\1|[bcdfghjklmnpqrstvwxz]{5}")


def _score(token: str, vocabulary: Counter) -> int:
    """MALFORMED: no word of any language looks like this; UNKNOWN: a lower-case word used nowhere else."""
    core = CORE.match(token).group(1)
    if core.isalpha() and vocabulary[core.lower()] > 2 and (core.islower() or core.istitle()):
        return SOUND  # the common case, decided without the patterns below
    if PDF_OPERATOR.search(token):
        return MALFORMED
    if not core:
        return SOUND
    if NUMBER.fullmatch(core):
        return MALFORMED if COORDINATE.search(core) else SOUND
    if LETTER_DIGIT.search(core) and not FINE_LETTER_DIGIT.fullmatch(core):
        call = CALL_GLUED.fullmatch(core)
        return SOUND if call and vocabulary[call.group(1).lower()] > 1 else MALFORMED
    if MALFORMED_WORD.search(core):
        return MALFORMED
    words = WORD.findall(core)
    if any(w.islower() and vocabulary[w.lower()] <= 1 for w in words):
        return UNKNOWN
    return SOUND
