"""Front matter of a web dump: the title block, the blurb, and the site's own contents list.

The contents list is kept in state.contents (to find and check the headings) and dropped from
the text; the blurb (paragraphs between the title and the contents) becomes the abstract.
"""

from __future__ import annotations

import re

from ..read import TextKind
from .blocks import Block
from .patterns import YEAR, is_heading_like
from .state import State

CONTENTS_HEADING = re.compile(r"^(table of )?contents$", re.I)
PUBLISHED = re.compile(r"^(published|first published|posted|updated)\b", re.I)
NAME = re.compile(r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}$")


def read_front_matter(state: State) -> None:
    """Title, author line, publication line and blurb at the head of a web dump."""
    blocks = state.blocks
    if not blocks or state.kind is not TextKind.WEB:
        return
    first = blocks[0]
    if not is_heading_like(first.lines[0]):
        return
    state.info.title = first.lines[0]
    state.info.title_line = first.first
    consumed = 1
    front_lines = first.lines[1:]
    # short lines right after the title: author, publication line, source
    while consumed < len(blocks) and _is_front_line(blocks[consumed]):
        front_lines.extend(blocks[consumed].lines)
        consumed += 1
    for text in front_lines:  # an author's name, or a line about the source (issue, publication date)
        is_author = NAME.match(text) and not PUBLISHED.match(text) and not YEAR.search(text) \
            and (not state.config.authors or text in state.config.authors)
        (state.info.authors if is_author else state.info.sources).append(text)
    del blocks[:consumed]
    # a blurb: paragraphs standing between the title and the contents list
    contents_at = next((i for i, b in enumerate(blocks) if CONTENTS_HEADING.match(b.text)), None)
    if contents_at is not None and contents_at <= 8:
        state.info.blurb = blocks[:contents_at]
        del blocks[:contents_at]


def _is_front_line(block: Block) -> bool:
    return len(block.lines) <= 2 and all(len(t) < 90 and not t.endswith((".", ":")) for t in block.lines) \
        and not CONTENTS_HEADING.match(block.text) and bool(
            PUBLISHED.match(block.text) or NAME.match(block.lines[0]) or YEAR.search(block.text))


def remove_contents_list(state: State) -> None:
    """A 'Contents' heading and the short lines after it, up to where the body repeats the first entry."""
    blocks = state.blocks
    at = next((i for i, b in enumerate(blocks) if CONTENTS_HEADING.match(b.text) and len(b.lines) == 1), None)
    if at is None:
        return
    end = at + 1
    entries: list[Block] = []
    while end < len(blocks):
        block = blocks[end]
        if len(block.text) > 120 or (entries and _same(block.text, entries[0].text)):
            break
        entries.append(block)
        end += 1
    if not entries:
        return
    for block in blocks[at:end]:
        for offset, text in enumerate(block.lines):
            state.diagnostics.add("furniture.contents", block.first + offset, text)
    state.contents = [(b.first, b.text) for b in entries]
    # the lines lost just before the body are between the contents and the body: keep the count
    if end < len(blocks):
        blocks[end].lost_before += blocks[at].lost_before
    del blocks[at:end]


def _same(a: str, b: str) -> bool:
    return normalise_title(a) == normalise_title(b)


def normalise_title(text: str) -> str:
    """A title reduced for comparison: case, quotes, dashes, spacing and a trailing '(by …)' ignored."""
    text = re.sub(r"\s*\(by [^)]*\)\s*$", "", text)
    return re.sub(r"[\W_]+", " ", text).strip().lower()
