"""Source lines into blocks: one block a line group in web dumps; unwrapped paragraphs in PDF extractions.

Web dumps: each run of non-blank lines is a block, and a run of n > 1 blank lines before it means
n - 1 lines were lost (every line without a space was dropped, leaving its blank separator).

PDF extractions: lines hard-wrapped at a fixed width are joined into paragraphs; a paragraph that
runs on across a page break (or a stray blank) is joined again; end-of-line hyphens are removed
unless the word is a real compound.
"""

from __future__ import annotations

import re
from collections import Counter

from ..read import SourceLine, TextKind
from .blocks import Block
from .headings import is_division_line
from .patterns import SENTENCE_END
from .state import State

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
COMPOUND_PREFIXES = {"co", "self", "non", "anti", "semi", "ex", "pre", "post", "re", "counter", "quasi",
                     "pro", "neo", "pseudo", "ultra", "well", "half", "all", "cross", "inter", "over", "under"}


def group_lines(state: State) -> None:
    """Turn the remaining source lines into blocks, by the kind of raw text."""
    if state.kind is TextKind.PDF:
        state.blocks = _unwrap_pdf(state)
    else:
        state.blocks = _group_web(state.lines)


def _group_web(lines: list[SourceLine | None]) -> list[Block]:
    """Runs of text lines; the blank lines before a run (beyond the one separator) count lost lines."""
    blocks: list[Block] = []
    run: list[SourceLine] = []
    blanks = 0
    for line in [*(l for l in lines if l is not None), None]:  # None: the end
        if line is not None and line.text.strip():
            if not run:
                lost = max(0, blanks - 1) if blocks else 0  # blanks before the first text lose nothing
                blanks = 0
            run.append(line)
            continue
        if run:
            blocks.append(Block([l.text.strip() for l in run], run[0].number, run[-1].number, lost_before=lost))
            run = []
        if line is not None:
            blanks += 1
    if blocks and blanks > 1:  # blank lines after the last text are lost lines too
        blocks.append(Block([], blocks[-1].last, blocks[-1].last, kind="lost-tail", lost_before=blanks - 1))
    return blocks


def _unwrap_pdf(state: State) -> list[Block]:
    lines = state.lines
    texts = [l.text for l in lines if l is not None and l.text.strip()]
    lengths = sorted(len(t.rstrip()) for t in texts)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    full = 0.75 * width
    vocabulary = _vocabulary(texts)

    # runs of consecutive text lines (a blank line or removed furniture ends a run)
    runs: list[list[SourceLine]] = [[]]
    for line in lines:
        if line is not None and line.text.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])

    # split runs after each short line (in wrapped prose only a paragraph's last line is short)
    # and before a chapter or section number
    pieces: list[list[SourceLine]] = []
    for run in filter(None, runs):
        start = 0
        for k, line in enumerate(run):
            if _opens_division_or_section(line.text) and k > start:
                pieces.append(run[start:k])
                start = k
            if len(line.text.rstrip()) < 0.6 * width and k < len(run) - 1:
                pieces.append(run[start:k + 1])
                start = k + 1
        pieces.append(run[start:])

    blocks: list[Block] = []
    for piece in pieces:
        text = _joined_text(piece, vocabulary, state)
        if blocks and _continues(blocks[-1], piece):
            prev = blocks[-1]
            prev.lines[-1] = _join(prev.lines[-1], text, vocabulary, state, piece[0].number)
            prev.last = piece[-1].number
            state.diagnostics.add("restore.page-join", piece[0].number)
            continue
        kind = "para" if len(piece) > 1 or len(piece[0].text.rstrip()) >= full else "short"
        blocks.append(Block([text], piece[0].number, piece[-1].number, kind=kind))
    return blocks


def _continues(prev: Block, piece: list[SourceLine]) -> bool:
    """Does this piece carry on the previous paragraph across a page break or a stray blank line?"""
    if prev.kind != "para":
        return False
    last = prev.lines[-1].rstrip()
    first = piece[0].text.strip()
    if re.fullmatch(r"\*[ *]*", first) or _opens_division_or_section(first):
        return False
    if first[:1].islower():
        return True
    return not SENTENCE_END.search(last) and not last.endswith(("—", "-"))


def _opens_division_or_section(text: str) -> bool:
    return bool(is_division_line(text) or re.fullmatch(r"\s*\d+\.\s*", text))


def _joined_text(piece: list[SourceLine], vocabulary: Counter, state: State) -> str:
    text = piece[0].text.strip()
    for line in piece[1:]:
        text = _join(text, line.text.strip(), vocabulary, state, line.number)
    return text


def _join(left: str, right: str, vocabulary: Counter, state: State, number: int) -> str:
    """Join two wrapped lines, removing an end-of-line hyphen unless the word is a real compound."""
    match = re.search(r"([^\W\d_]+)-$", left[-60:]) if left.endswith("-") else None
    if not match or not right[:1].islower():
        return f"{left} {right}"
    head, tail = match.group(1), re.match(r"[^\W\d_]*", right).group(0)
    if _is_compound(head, tail, vocabulary):
        return left + right
    state.diagnostics.add("restore.hyphen", number, f"{head}-{tail} → {head}{tail}")
    return left[:-1] + right


def _is_compound(head: str, tail: str, vocabulary: Counter) -> bool:
    hyphenated, solid = f"{head}-{tail}".lower(), f"{head}{tail}".lower()
    if vocabulary[hyphenated] or vocabulary[solid]:
        return vocabulary[hyphenated] >= vocabulary[solid]
    # each part seen elsewhere as a word of its own (the break itself counts once for each)
    return head.lower() in COMPOUND_PREFIXES or (vocabulary[head.lower()] > 1 and vocabulary[tail.lower()] > 1)


def _vocabulary(texts: list[str]) -> Counter:
    return Counter(w.lower() for t in texts for w in WORD.findall(t))
