"""Flattened footnotes: note lists at the end of a chapter or of the text, and the calls in the
text ('[1]', '(1)', or a bare digit glued to the text: 'society.3', 'control4'), made into real
DocBook footnotes standing where their calls stood.

Calls run 1, 2, 3 ... in reading order within their scope (a division when the text has a note
list per division, otherwise the whole text); that order tells a call from a real number. A call
with no note stays visible with a remark; a note with no call is kept at the end of its scope and
reported; an out-of-order call is left as it was and reported; a repeated call becomes a
footnoteref. Nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..model.docbook import DB, SOURCE_PI, el, sub
from .state import State

NOTE_ITEM = re.compile(r"^\s*(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)])\s*(\S.*)$", re.S)
STRONG_CALL = re.compile(r"\[(\d{1,3})\]|(?<=\S)\((\d{1,3})\)")
WEAK_CALL = re.compile(
    r"(?<!\bp\.)(?<!\bpp\.)(?<!\bNo\.)(?<!\bVol\.)(?<!\bvol\.)"
    r"(?:(?<=[^\W\d_])|(?<=[.,;:’”)\]])|(?<=[.”’] ))(\d{1,3})(?![\w]|[.,:]\d)")
DIVISIONS = ("chapter", "preface", "appendix")
TEXT_ELEMENTS = {f"{{{DB}}}{t}" for t in ("para", "literallayout", "entry", "attribution")}
MAX_TRAILING = 2  # short blocks allowed after a note list (a date, a citation line)


@dataclass
class NoteList:
    scope: etree._Element
    elements: list[etree._Element]
    notes: dict[int, etree._Element]  # number -> the element holding the note text (para or listitem)


@dataclass
class Candidate:
    holder: etree._Element  # the element whose .text (or tail, when is_tail) holds the call
    is_tail: bool
    start: int
    end: int
    value: int
    strong: bool

    @property
    def raw(self) -> str:
        text = self.holder.tail if self.is_tail else self.holder.text
        return text[self.start:self.end]


@dataclass
class Linking:
    linked: dict[int, Candidate] = field(default_factory=dict)
    repeated: list[Candidate] = field(default_factory=list)
    without_note: list[Candidate] = field(default_factory=list)
    out_of_order: list[Candidate] = field(default_factory=list)


def restore_footnotes(state: State) -> None:
    """Note lists and the calls that point to them become footnotes standing where their calls stood."""
    tree = state.tree
    lists = find_note_lists(tree)
    if len(lists) == 1 and lists[0].scope is not tree:
        lists[0].scope = tree  # one list for the whole text: calls anywhere in it
    for note_list in lists:
        candidates = list(_candidates(note_list))
        linking = link_calls(candidates, set(note_list.notes))
        _apply(state, note_list, linking)


def find_note_lists(tree: etree._Element) -> list[NoteList]:
    scopes = [d for d in tree if _name(d) in DIVISIONS] or [tree]
    found = []
    for scope in scopes:
        note_list = _trailing_note_list(scope)
        if note_list:
            found.append(note_list)
    return found


def _blocks(scope: etree._Element) -> list[etree._Element]:
    """The block elements of a division in reading order (sections entered, titles and PIs skipped)."""
    out = []
    for child in scope:
        name = _name(child)
        if name is None:
            continue
        if name == "section":
            out.extend(_blocks(child))
        elif name not in ("title", "subtitle", "info", "remark"):
            out.append(child)
    return out


def _trailing_note_list(scope: etree._Element) -> NoteList | None:
    blocks = _blocks(scope)
    end = len(blocks)
    trailing = 0
    while end and trailing <= MAX_TRAILING and not _note_items(blocks[end - 1]):
        if len("".join(blocks[end - 1].itertext())) > 100:
            return None
        end -= 1
        trailing += 1
    start = end
    while start and _note_items(blocks[start - 1]):
        start -= 1
    elements = blocks[start:end]
    notes: dict[int, etree._Element] = {}
    for element in elements:
        notes.update(_note_items(element))
    if not notes or min(notes) != 1:
        return None
    return NoteList(scope, elements, notes)


def _note_items(element: etree._Element) -> dict[int, etree._Element]:
    name = _name(element)
    if name == "para" and element.get("role") is None and len(element) == 0:
        text = element.text or ""
        match = NOTE_ITEM.match(text)
        if match and (text.lstrip().startswith("[") or not _is_sentence_number(text)):
            return {int(next(g for g in match.groups()[:3] if g)): element}
    if name == "orderedlist":
        items = element.findall(f"{{{DB}}}listitem")
        numbers = [int(i.get("override")) for i in items if i.get("override")]
        if len(numbers) == len(items) and numbers == sorted(numbers):
            return dict(zip(numbers, items))
    return {}


def _is_sentence_number(text: str) -> bool:
    """'1. The Balance Sheet of October' reads as a numbered heading, not a note."""
    return bool(re.match(r"^\s*\d+\.\s+[A-Z][^.]{0,60}$", text))


def _candidates(note_list: NoteList):
    skip = set(note_list.elements)
    for element in note_list.scope.iter(*TEXT_ELEMENTS):
        if any(a in skip for a in (element, *element.iterancestors())):
            continue
        if any(_name(a) in ("remark", "info", "title") for a in element.iterancestors()):
            continue
        slots = [(element, False)] + [(child, True) for child in element]
        for holder, is_tail in slots:
            text = holder.tail if is_tail else holder.text
            if not text:
                continue
            found = {}
            for m in STRONG_CALL.finditer(text):
                found[m.start()] = Candidate(holder, is_tail, m.start(), m.end(), int(m.group(1) or m.group(2)), True)
            for m in WEAK_CALL.finditer(text):
                start = m.start(1) - (1 if text[m.start(1) - 1:m.start(1)] == " " else 0)
                if not any(c.start <= m.start(1) < c.end for c in found.values()):
                    found[start] = Candidate(holder, is_tail, start, m.end(1), int(m.group(1)), False)
            yield from (found[k] for k in sorted(found))


def link_calls(candidates: list[Candidate], notes: set[int]) -> Linking:
    """Walk the candidates in reading order, expecting call k next (see the module docstring)."""
    linking = Linking()
    last_note = max(notes) if notes else 0
    k = 1
    for index, candidate in enumerate(candidates):
        value = candidate.value
        later = candidates[index + 1:]
        if candidate.strong and value < k and value in linking.linked:
            linking.repeated.append(candidate)
            continue
        if value == k and (candidate.strong or value <= last_note + 1 and not any(
                c.strong and c.value == k for c in later)):
            _record(linking, candidate, notes)
            k += 1
        elif candidate.strong and value > k:
            if any(c.value == k for c in later):
                linking.out_of_order.append(candidate)
            else:  # the calls k .. value-1 are missing: their notes will be reported as having no call
                _record(linking, candidate, notes)
                k = value + 1
    return linking


def _record(linking: Linking, call: Candidate, notes: set[int]) -> None:
    if call.value in notes:
        linking.linked[call.value] = call
    else:
        linking.without_note.append(call)


def _apply(state: State, note_list: NoteList, linking: Linking) -> None:
    diagnostics = state.diagnostics
    ids = {}
    scope_id = note_list.scope.get("{http://www.w3.org/XML/1998/namespace}id") or "text"
    notes_source = {n: _note_line(e) for n, e in note_list.notes.items()}
    # splice from the end of each text slot backwards, so earlier offsets stay valid
    edits: list[tuple[Candidate, etree._Element | None, str | None]] = []
    for number, call in linking.linked.items():
        footnote = el("footnote", label=str(number), xml_id=f"fn-{scope_id}-{number}")
        ids[number] = footnote.get("{http://www.w3.org/XML/1998/namespace}id")
        sub(footnote, "para", _note_text(note_list.notes[number]))
        edits.append((call, footnote, None))
        how = "" if call.strong else "; a bare digit, told from real numbers by the order of calls: check it"
        diagnostics.add("restore.footnote", notes_source[number], f"{number} (call {call.raw.strip()}{how})")
    for call in linking.repeated:
        edits.append((call, el("footnoteref", linkend=ids.get(call.value, ""), label=str(call.value)), None))
        diagnostics.add("flag.call-repeated", _source_line(call.holder), call.raw.strip())
    for call in linking.without_note:
        edits.append((call, None, f"Call {call.raw.strip()}: the source has no note {call.value}."))
        diagnostics.add("flag.call-without-note", _source_line(call.holder), call.raw.strip())
    for call in linking.out_of_order:
        edits.append((call, None, f"Call {call.raw.strip()} is out of order here: left as it stands."))
        diagnostics.add("flag.call-out-of-order", _source_line(call.holder), call.raw.strip())
    for call, replacement, remark in sorted(edits, key=lambda e: -e[0].start):
        _splice(call, replacement, remark)
    _remove_note_list(state, note_list, set(linking.linked))


def _splice(call: Candidate, replacement: etree._Element | None, remark: str | None) -> None:
    """Put the footnote where the call stood (removing the call's characters), or a remark after it."""
    text = call.holder.tail if call.is_tail else call.holder.text
    if replacement is not None:
        before, after = text[:call.start], text[call.end:]
        node = replacement
    else:
        before, after = text[:call.end], text[call.end:]
        node = el("remark", remark)
    if call.is_tail:
        call.holder.tail = before
        call.holder.addnext(node)
    else:
        call.holder.text = before
        call.holder.insert(0, node)
    node.tail = after


def _remove_note_list(state: State, note_list: NoteList, linked: set[int]) -> None:
    """Linked notes leave the list; notes with no call stay, at the end of their scope, reported."""
    unanchored = [n for n in sorted(note_list.notes) if n not in linked]
    first = note_list.elements[0]
    parent = first.getparent()
    position = parent.index(first)
    for element in note_list.elements:
        previous = element.getprevious()
        if previous is not None and isinstance(previous, etree._ProcessingInstruction) \
                and previous.target == SOURCE_PI:
            previous.getparent().remove(previous)
        element.getparent().remove(element)
    if not unanchored:
        return
    box = el("orderedlist", role="unanchored-notes")
    for number in unanchored:
        item = sub(box, "listitem", override=str(number))
        sub(item, "para", _note_text(note_list.notes[number]))
        state.diagnostics.add("flag.note-without-call", _note_line(note_list.notes[number]), str(number))
    parent.insert(min(position, len(parent)), box)
    box.addnext(el("remark", "Notes whose calls are not in the source: "
                   + ", ".join(str(n) for n in unanchored) + ".", role="unanchored-notes"))


def _note_text(element: etree._Element) -> str:
    text = " ".join(t.strip() for t in element.itertext() if t.strip())
    if _name(element) == "para":
        match = NOTE_ITEM.match(text)
        return match.group(4).strip() if match else text
    return text


def _note_line(element: etree._Element) -> int | None:
    """A list item's line is its list's first line plus its place (the items stood one a line)."""
    if _name(element) == "listitem":
        first = _source_line(element.getparent())
        return first + element.getparent().index(element) if first else None
    return _source_line(element)


def _name(node) -> str | None:
    """The local name of an element; None for a processing instruction or comment."""
    return etree.QName(node).localname if isinstance(node.tag, str) else None


def _source_line(element: etree._Element) -> int | None:
    """The first source line of the block holding this element, from its provenance PI."""
    for node in (element, *element.iterancestors()):
        previous = node.getprevious()
        if isinstance(previous, etree._ProcessingInstruction) and previous.target == SOURCE_PI:
            return int(re.match(r"\d+", previous.text).group(0))
    return None
