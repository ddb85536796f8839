"""Front matter of a web dump: the title block, the blurb, and the site's own contents list.

The contents list is kept in state.contents (to find and check the headings) and dropped from
the text; the blurb (paragraphs between the title and the contents) becomes the abstract.
"""

from __future__ import annotations

import bisect
import re

from ..read import TextKind
from .blocks import Block
from .headings import heading_form, reads_as_title
from .patterns import YEAR
from .state import State

CONTENTS_HEADING = re.compile(r"^(table of )?contents$", re.I)
CONTENTS_SEARCH = 60  # blocks from the start of the text where a contents list can begin
MAX_ENTRY = 200  # characters in a contents entry
PUBLISHED = re.compile(r"^(published|first published|posted|updated)\b", re.I)
NAME = re.compile(r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}$")


def read_front_matter(state: State) -> None:
    """Title, author line, publication line and blurb at the head of a web dump."""
    blocks = state.blocks
    if not blocks or state.kind is not TextKind.WEB:
        return
    first = blocks[0]
    if not reads_as_title(first.lines[0], attached=True):
        return
    state.info.title = first.lines[0]
    state.info.title_line = first.first
    consumed = 1
    # lines set under the title in its own block: front matter while they read as such; the rest is text
    rest = first.lines[1:]
    k = next((k for k, text in enumerate(rest) if not _is_front_text(text)), len(rest))
    front_lines = rest[:k]
    if rest[k:]:
        blocks[0] = Block(rest[k:], first.last - len(rest) + k + 1, first.last, lost_before=0)
        consumed = 0
    # short lines right after the title: author, publication line, source; not a line the text has again
    # on its own (a contents list's first entry, right under the author)
    later = {normalise_title(b.text) for b in blocks[consumed + 1:] if len(b.lines) == 1}
    while consumed and consumed < len(blocks) and _is_front_line(blocks[consumed]) \
            and (normalise_title(blocks[consumed].text) not in later or blocks[consumed].text in state.config.authors):
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


def _is_front_text(text: str) -> bool:
    return len(text) < 90 and not text.endswith((".", ":")) and not CONTENTS_HEADING.match(text) \
        and heading_form(text) is None and bool(PUBLISHED.match(text) or NAME.match(text) or YEAR.search(text))


def _is_front_line(block: Block) -> bool:
    return 1 <= len(block.lines) <= 2 and all(len(t) < 90 and not t.endswith((".", ":")) for t in block.lines) \
        and not CONTENTS_HEADING.match(block.text) and bool(
            PUBLISHED.match(block.text) or NAME.match(block.lines[0]) or YEAR.search(block.text))


def remove_contents_list(state: State) -> None:
    """The source's own contents list: a run of short entries near the start, under a 'Contents'
    heading or not (a one-word heading is often lost), that names headings of the text in order.
    It is kept to find and check the headings, and dropped from the text, logged."""
    blocks = state.blocks
    heading = next((i for i, b in enumerate(blocks[:CONTENTS_SEARCH])
                    if CONTENTS_HEADING.match(b.text) and len(b.lines) == 1), None)
    starts = [heading + 1] if heading is not None else range(min(CONTENTS_SEARCH, len(blocks)))
    index: dict[str, list[int]] = {}  # where each one-line block's text stands, by its comparison key
    for k, block in enumerate(blocks):
        if len(block.lines) == 1 and len(block.text) <= MAX_ENTRY * 5:  # longer lines are prose, never a title
            index.setdefault(normalise_title(block.text), []).append(k)
    for start in starts:
        end = start
        while end < len(blocks) and _is_entry(blocks[end]) and not (end > start and _same(blocks[end].text, blocks[start].text)):
            end += 1
        matched = _named_later(blocks, start, end, index)
        while heading is None and end > start and end - 1 not in matched:  # unnamed by the text: text
            end -= 1
        enough = len(matched) >= 1 if heading is not None else len(matched) >= max(2, (end - start + 1) // 2)
        if end > start and enough:
            break
    else:
        return
    at = heading if heading is not None else start
    for block in blocks[at:end]:
        for offset, text in enumerate(block.lines):
            state.diagnostics.add("furniture.contents", block.first + offset, text)
    state.contents = [(b.first, b.text) for b in blocks[start:end]]
    # the lines lost just before the body are between the contents and the body: keep the count
    if end < len(blocks):
        blocks[end].lost_before += blocks[at].lost_before
    del blocks[at:end]


def _is_entry(block: Block) -> bool:
    return len(block.lines) == 1 and reads_as_title(block.text, attached=True) and len(block.text) <= MAX_ENTRY


def _named_later(blocks: list[Block], start: int, end: int, index: dict[str, list[int]]) -> set[int]:
    """The entries of blocks[start:end] that the text after them has as lines, in the same order."""
    matched: set[int] = set()
    position = end
    for entry in range(start, end):
        places = index.get(normalise_title(blocks[entry].text), [])
        k = bisect.bisect_left(places, position)
        if k < len(places):
            matched.add(entry)
            position = places[k] + 1
    return matched



def _same(a: str, b: str) -> bool:
    return normalise_title(a) == normalise_title(b)


def normalise_title(text: str) -> str:
    """A title reduced for comparison: case, quotes, dashes, spacing and a trailing '(by …)' ignored."""
    if "(by " in text:
        text = re.sub(r"\s*\(by [^)]*\)\s*$", "", text)
    return re.sub(r"[\W_]+", " ", text).strip().lower()
