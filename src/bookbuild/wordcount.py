"""Counting the tokens of a large text fast and in little memory (used by the normaliser and the accounting)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

PIECE = 1 << 20  # characters counted at a time: a large book's tokens all at once take hundreds of megabytes


def count_tokens(texts: Iterable[str], token: re.Pattern) -> Counter:
    """How often each match of `token` (which must not match whitespace) occurs in the texts.

    Whitespace-separated chunks are counted first, a piece at a time (str.split is fast), and each
    distinct chunk is then cut into tokens once."""
    chunks: Counter = Counter()
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size > PIECE:
            chunks.update("\n".join(batch).split())
            batch, size = [], 0
    chunks.update("\n".join(batch).split())
    tokens: Counter = Counter()
    for chunk, n in chunks.items():
        for match in token.findall(chunk):
            tokens[match] += n
    return tokens


def pieces(text: str, hyphen_safe: bool = False) -> Iterable[str]:
    """The text in slices of about PIECE characters, each ending at a line end (and, if hyphen_safe,
    not at a line-end hyphen), so that nothing that spans a line end is cut in two."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + PIECE)
        while hyphen_safe and end != -1 and text[end - 1] == "-":
            end = text.find("\n", end + 1)
        end = len(text) if end == -1 else end + 1
        yield text[start:end]
        start = end
