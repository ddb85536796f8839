"""Structure: which blocks are division and section headings, quotations, verse, lists, dialogue,
datelines, bylines, epigraphs, scene breaks; and which headings were lost and can be restored.

Web dumps and PDF extractions show structure differently, so each has its own reader; both end
with blocks whose kind the tree builder understands:

    heading (level 0: a division, with division and label; level 1: a section), para, quote,
    attribution, verse, dialogue, list, dateline, byline, epigraph, scene-break
"""

from __future__ import annotations

import re
from collections import Counter

from ..read import TextKind
from .blocks import Block
from .front import normalise_title
from .patterns import DATELINE, DIVISION_HEADING, SENTENCE_END, is_heading_like
from .state import State

NUMBERED_CHAPTER = re.compile(r"^(\d+)\.\s+(\S.*)$")
NUMBERED_SECTION_ALONE = re.compile(r"^(\d+)\.$")
LIST_ITEM = re.compile(r"^(\(?\d+\)\s*|\[\d+\]\s*|\d+\.\s*|\(?[a-z]\)\s+|[•·▪–-]\s+)\S")
SPEAKER = re.compile(r"^[A-Z][\w’'.-]*( [A-Z][\w’'.-]*)?:\s+\S")
BYLINE = re.compile(r"^by\s+[A-Z][\w.’'-]+(\s+[A-Z][\w.’'-]+){0,3}$")
SOURCE_LINE = re.compile(r"^\(\s*[^()]{3,200}\)$")
EPIGRAPH = re.compile(r"^(?P<text>.{10,300}?)\s*\((?P<who>[A-Z][\w.’'-]*(\s+[A-Z][\w.’'-]*){0,4})\)$")
SCENE_BREAK = re.compile(r"^[*⁂#~]+( *[*#~])*$")
DIVISION_KIND = {"introduction": "preface", "preface": "preface", "foreword": "preface", "prologue": "preface",
                 "appendix": "appendix"}


def recognise_structure(state: State) -> None:
    """Headings, quotations, verse, lists, dialogue and the rest, each block given its kind."""
    if state.kind is TextKind.PDF:
        _recognise_pdf(state)
    else:
        _recognise_web(state)
    if state.config.division == "article":  # an article has sections, never chapters
        for block in state.blocks:
            if block.kind == "heading":
                block.level = 1


def flag_gaps(state: State) -> None:
    """Paragraphs cut off before a new division, numbered sections that skip a number, and entries
    of the source's contents list that are not headings in the text."""
    _flag_truncated_paragraphs(state)
    _flag_missing_sections(state)
    found = _contents_found(state)
    for k, (line, text) in enumerate(state.contents):
        if k not in found:
            state.diagnostics.add("flag.contents-missing", line, text)


def _contents_found(state: State) -> dict[int, Block]:
    """Which entries of the source's contents list are headings in the text, matched in order."""
    keys = [normalise_title(text) for _, text in state.contents]
    found: dict[int, Block] = {}
    k = 0
    for block in state.blocks:
        if block.kind == "heading" and k < len(keys):
            titles = {normalise_title(block.text), normalise_title(f"{block.label} {block.text}")}
            match = next((j for j in range(k, len(keys)) if keys[j] in titles), None)
            if match is not None:
                found[match], k = block, match + 1
    return found


def recase_capital_titles(state: State) -> None:
    """A title set in capitals ('WHITHER THE NEW NATIONS OF THE UN?') takes the case its words have in the
    text ('Whither the new nations of the UN?'), so that acronyms and names keep theirs; logged."""
    forms: dict[str, Counter] = {}
    for block in state.blocks:
        if block.kind == "para":
            for word in re.findall(r"[^\W\d_]+", block.text):
                forms.setdefault(word.lower(), Counter())[word] += 1

    def usual(match: re.Match) -> str:
        seen = forms.get(match.group(0).lower())
        return seen.most_common(1)[0][0] if seen else match.group(0).lower()

    for block in state.blocks:
        if block.kind == "heading" and _is_caps(block.text) and re.search(r"[A-Z]{2}", block.text):
            title = re.sub(r"[^\W\d_]+", usual, block.text)
            title = re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), title)
            state.diagnostics.add("restore.title-case", block.first, f"{block.text} → {title}")
            block.lines = [title]


def _flag_missing_sections(state: State) -> None:
    """Numbered sections that skip a number (3, then 5) lost the pages between them."""
    previous = None
    for block in state.blocks:
        if block.kind == "heading" and block.level == 0:
            previous = None
        elif block.kind == "heading" and block.level == 1 and block.label and block.label.isdigit():
            number = int(block.label)
            if previous is not None and number > previous + 1:
                missing = ", ".join(str(n) for n in range(previous + 1, number))
                state.diagnostics.add("flag.lost-page", block.first, f"section(s) {missing}, before section {number}")
                block.notes.append(f"Section(s) {missing} are missing from the source here.")
            previous = number


def _flag_truncated_paragraphs(state: State) -> None:
    """A paragraph that stops mid-sentence right before a new division lost its end with a missing page."""
    for block, following in zip(state.blocks, state.blocks[1:]):
        if block.kind == "para" and following.kind == "heading" and following.level == 0 \
                and not SENTENCE_END.search(block.text) and not block.text.endswith(("?", "”", "’")):
            state.diagnostics.add("flag.truncated", block.last)
            block.notes.append("The paragraph stops here in the source: the rest is missing.")


def division_for(title: str) -> tuple[str, str | None, str]:
    """(division, label, title) for a heading text such as '6. The Period of Stagnation' or 'Preface'."""
    if match := NUMBERED_CHAPTER.match(title):
        return "chapter", match.group(1), match.group(2)
    if match := re.match(r"^(chapter|part)\s+(\d+|[ivxlc]+)\s*:?\s*(.*)$", title, re.I):
        return "chapter", match.group(2), match.group(3) or title
    first = re.split(r"[\s:]", title.strip().lower(), maxsplit=1)[0]
    return DIVISION_KIND.get(first, "chapter"), None, title


# ---------------------------------------------------------------- web dumps

def _recognise_web(state: State) -> None:
    blocks = _split_runs(state.blocks)
    contents = [(line, text, normalise_title(text)) for line, text in state.contents]
    found: dict[int, Block] = {}
    has_contents = bool(contents)
    for i, block in enumerate(blocks):
        prev = blocks[i - 1] if i else None
        if block.kind != "para":
            continue
        if len(block.lines) > 1:
            block.kind = _kind_of_run(block.lines)
            continue
        text = block.text
        key = normalise_title(text)
        entry = next((k for k, c in enumerate(contents) if c[2] == key and k not in found), None)
        if entry is not None and (is_heading_like(text) or NUMBERED_CHAPTER.match(text)):
            found[entry] = block
            _make_division(block, text)
        elif not has_contents and NUMBERED_CHAPTER.match(text) and is_heading_like(text) and len(text) < 80:
            _make_division(block, text)
        elif DATELINE.match(text):
            block.kind = "dateline"
        elif BYLINE.match(text):
            block.kind = "byline"
        elif SCENE_BREAK.match(text):
            block.kind = "scene-break"
        elif SOURCE_LINE.match(text) and prev is not None:
            block.kind = "attribution"
        elif prev is not None and prev.kind == "heading" and (m := EPIGRAPH.match(text)):
            block.kind, block.attribution = "epigraph", m.group("who")
            block.lines = [m.group("text")]
        elif _in_label_run(blocks, i):
            continue  # dialogue or a list of terms: see _label_runs
        elif prev is not None and prev.text.endswith(":") and prev.kind in ("para", "quote"):
            block.kind = "quote"
        elif is_heading_like(text):
            block.kind, block.level = "heading", 1
    blocks = _label_runs(blocks)
    _demote_empty_sections(blocks)
    state.blocks = blocks


def _demote_empty_sections(blocks: list[Block]) -> None:
    """A section heading followed at once by another heading has no text of its own: it is a paragraph."""
    for block, following in zip(blocks, [*blocks[1:], None]):
        if block.kind == "heading" and block.level == 1 and (
                following is None or following.kind == "heading" and not following.lost_before):
            block.kind = "para"


def _split_runs(blocks: list[Block]) -> list[Block]:
    """Split runs of lines with no blank between them where they are not one thing: list items go
    together; a closing '(Source, p. 12)' line is an attribution; 'Heading / long paragraph' is a
    heading and a paragraph; other runs with long lines that are no dialogue are paragraphs."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "para" or len(block.lines) < 2:
            out.append(block)
            continue
        lines = list(block.lines)
        attribution = lines.pop() if SOURCE_LINE.match(lines[-1]) else None
        number, lost = block.first, block.lost_before
        for is_item, group in _groups(lines):
            parts = [group]
            if not is_item and len(group) > 1 and (
                    is_heading_like(group[0]) and all(len(t) > 120 for t in group[1:])
                    or any(len(t) > 120 for t in group) and _kind_of_run(group) == "verse"):
                parts = [[t] for t in group]
            for part in parts:
                out.append(Block(part, number, number + len(part) - 1, lost_before=lost,
                                 kind="list" if is_item and len(part) > 1 else "para"))
                number, lost = number + len(part), 0
        if attribution:
            out.append(Block([attribution], block.last, block.last, kind="attribution"))
    return out


def _groups(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Consecutive list items, and consecutive other lines."""
    groups: list[tuple[bool, list[str]]] = []
    for text in lines:
        is_item = bool(LIST_ITEM.match(text))
        if groups and groups[-1][0] == is_item:
            groups[-1][1].append(text)
        else:
            groups.append((is_item, [text]))
    return groups


def _kind_of_run(lines: list[str]) -> str:
    """Consecutive lines with no blank between them: a list, a dialogue, or verse."""
    if all(LIST_ITEM.match(t) for t in lines):
        return "list"
    talk = sum(1 for t in lines if SPEAKER.match(t) or t[:1] in "“\"")
    if talk * 2 >= len(lines) and talk >= 2:
        return "dialogue"
    return "verse"


def _in_label_run(blocks: list[Block], i: int) -> bool:
    """'Label: text' lines next to each other (a dialogue, or a list of terms) are not headings."""
    def labelled(j: int) -> bool:
        return 0 <= j < len(blocks) and len(blocks[j].lines) == 1 and bool(SPEAKER.match(blocks[j].text)) \
            and not blocks[j].text.endswith(":")
    return labelled(i) and (labelled(i - 1) or labelled(i + 1))


def _label_runs(blocks: list[Block]) -> list[Block]:
    """Runs of 'Label: text' lines: a dialogue when they are sentences; a list of terms when they are
    not ('Romania: 90 per cent'), made one list block unless lines were lost between them."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].kind == "para" and _in_label_run(blocks, j):
            j += 1
        run = blocks[i:j]
        if not run:
            out.append(blocks[i])
            i += 1
            continue
        terms = not any(SENTENCE_END.search(b.text) or b.text.endswith(("?", "!")) for b in run) \
            and not any(b.lost_before for b in run[1:])
        if terms:
            out.append(Block([b.text for b in run], run[0].first, run[-1].last, kind="list",
                             lost_before=run[0].lost_before))
        else:
            for block in run:
                block.kind = "dialogue"
            out.extend(run)
        i = j
    return out


def _make_division(block: Block, text: str) -> None:
    division, label, title = division_for(text)
    block.kind, block.level, block.division, block.label = "heading", 0, division, label
    block.lines = [title]


def restore_headings_from_bylines(state: State) -> None:
    """A contents entry 'Title (by Name)' missing from the body, where the body has a lost line and
    then 'by Name', is restored there (opt-in); any other contents entry not found is reported."""
    blocks = state.blocks
    found = _contents_found(state)
    for k, (line, text) in enumerate(state.contents):
        if k in found:
            continue
        byline = re.search(r"\((by [^)]*)\)\s*$", text)
        target = None
        if byline:
            target = next((i for i, b in enumerate(blocks)
                           if b.lost_before and b.kind == "byline" and b.text.lower() == byline.group(1).lower()
                           and _agrees_with_contents_order(blocks, i, found, k)), None)
        if target is None:
            continue
        title = re.sub(r"\s*\(by [^)]*\)\s*$", "", text)
        heading = Block([title], blocks[target].first, blocks[target].first, kind="heading",
                        lost_before=blocks[target].lost_before - 1, restored=True)
        heading.division, heading.label, heading.lines[0] = division_for(title)
        blocks[target].lost_before = 0
        blocks.insert(target, heading)
        found[k] = heading
        state.diagnostics.add("restore.heading", blocks[target].first, title)


def _agrees_with_contents_order(blocks: list[Block], i: int, found: dict[int, Block], k: int) -> bool:
    """The place agrees with the contents: after the entries found before k, before those found after it."""
    position = {id(b): j for j, b in enumerate(blocks)}
    return all(position[id(b)] < i if j < k else position[id(b)] > i for j, b in found.items())


# ---------------------------------------------------------------- PDF extractions

def _recognise_pdf(state: State) -> None:
    blocks = state.blocks
    out: list[Block] = []
    section_titles: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        text = block.text.strip()
        if block.kind == "short" and DIVISION_HEADING.match(text):
            heading, i, section_titles = _pdf_division(state, blocks, i)
            out.append(heading)
            continue
        if block.kind == "short" and (NUMBERED_SECTION_ALONE.match(text) or _numbered_section(text)):
            heading, i = _pdf_section(blocks, i)
            out.append(heading)
            continue
        if block.kind == "short" and section_titles and normalise_title(text) in section_titles:
            block.kind, block.level = "heading", 1
        elif block.kind == "short" and SCENE_BREAK.match(text):
            block.kind = "scene-break"
        elif block.kind == "short" and DATELINE.match(text):
            block.kind = "dateline"
        else:
            block.kind = "para"
        out.append(block)
        i += 1
    state.blocks = out


def _numbered_section(text: str) -> re.Match | None:
    match = NUMBERED_CHAPTER.match(text)
    return match if match and is_heading_like(text) else None


def restore_chapters_from_navigation(state: State) -> None:
    """A first section ('1.') with no chapter heading before it, where the last navigation line
    pointed on to another chapter, opens that chapter: its number is restored (opt-in)."""
    out: list[Block] = []
    chapter_label: str | None = None
    for block in state.blocks:
        if block.kind == "heading" and block.level == 0:
            chapter_label = block.label or chapter_label
        elif block.kind == "heading" and block.level == 1 and block.label == "1":
            expected = _navigation_target(state.navigation, block.first)
            if expected and expected != chapter_label and \
                    (not out or out[-1].kind != "heading" or out[-1].level != 0):
                out.append(_restored_chapter(state, block, expected))
                chapter_label = expected
        out.append(block)
    state.blocks = out


def _navigation_target(navigation: list[tuple[int, str]], line: int) -> str | None:
    """The chapter number that the last navigation line before this line pointed to."""
    before = [target for at, target in navigation if at < line]
    if not before:
        return None
    match = re.search(r"\bchapter\s+(\d+|[IVXLC]+)\s*$", before[-1], re.I)
    return match.group(1) if match else None


def _restored_chapter(state: State, block: Block, label: str) -> Block:
    state.diagnostics.add("restore.chapter-label", block.first, f"Chapter {label}")
    state.diagnostics.add("flag.lost-page", block.first, f"the opening of chapter {label} (its title is lost)")
    heading = Block([f"Chapter {label}"], block.first, block.first, kind="heading", level=0,
                    division="chapter", label=label, restored=True)
    heading.notes.append(f"The opening page(s) of chapter {label} are missing from the source.")
    return heading


def _pdf_division(state: State, blocks: list[Block], i: int) -> tuple[Block, int, list[str]]:
    """'Chapter 3' + title lines in capitals + the chapter's own list of section titles."""
    block = blocks[i]
    division, label, title = division_for(block.text.strip())
    heading = Block([title.strip()], block.first, block.last,
                    kind="heading", level=0, division=division, label=label)
    i += 1
    title_lines: list[Block] = []
    while i < len(blocks) and blocks[i].kind == "short" and _is_caps(blocks[i].text) \
            and not DIVISION_HEADING.match(blocks[i].text):
        title_lines.append(blocks[i])
        i += 1
    if title_lines:
        dropped = re.sub(rf"\s*{re.escape(label)}\s*$", "", block.text.strip()) if label else block.text.strip()
        state.diagnostics.add("furniture.division-word", block.first, dropped)
        heading.lines = [" ".join(b.text.strip() for b in title_lines)]
        heading.last = title_lines[-1].last
    # the chapter's own list of its sections, up to the first section
    listed: list[Block] = []
    while i < len(blocks) and blocks[i].kind == "short" and not NUMBERED_SECTION_ALONE.match(blocks[i].text.strip()) \
            and not _numbered_section(blocks[i].text.strip()) and not DIVISION_HEADING.match(blocks[i].text):
        if listed and normalise_title(blocks[i].text) in [normalise_title(b.text) for b in listed]:
            break
        listed.append(blocks[i])
        i += 1
    if label is None and len(listed) == 1 and not title_lines:
        heading.subtitle = listed[0].text.strip()  # 'INTRODUCTION' / 'The Purpose of the Present Work'
        return heading, i, []
    titles: list[str] = []
    for entry in listed:
        text = entry.text.strip()
        if text[:1].islower() and titles:
            titles[-1] = f"{titles[-1]} {text}"
        else:
            titles.append(text)
        state.diagnostics.add("furniture.section-list", entry.first, text)
    return heading, i, [normalise_title(t) for t in titles]


def _pdf_section(blocks: list[Block], i: int) -> tuple[Block, int]:
    """'1.' alone and the title on the next line(s), or '1. Title' on one line."""
    block = blocks[i]
    text = block.text.strip()
    if match := NUMBERED_CHAPTER.match(text):
        heading = Block([match.group(2)], block.first, block.last, kind="heading", level=1, label=match.group(1))
        return heading, i + 1
    heading = Block([], block.first, block.last, kind="heading", level=1, label=text.rstrip("."))
    i += 1
    parts: list[str] = []
    # the title: the short lines right after the number with no blank between them, or (across a
    # page break) a short line that carries on in lower case
    while i < len(blocks) and blocks[i].kind == "short" and not DIVISION_HEADING.match(blocks[i].text) \
            and (blocks[i].first == heading.last + 1 or parts and blocks[i].text.strip()[:1].islower()):
        parts.append(blocks[i].text.strip())
        heading.last = blocks[i].last
        i += 1
    heading.lines = [" ".join(parts)] if parts else [f"Section {heading.label}"]
    heading.restored = not parts
    return heading, i


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
