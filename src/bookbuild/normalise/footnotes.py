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

from ..model.docbook import SOURCE_PI, el, sub
from ..namespaces import DB, XML_ID, XML_NS
from .patterns import NOTE_ITEM, item_number
from .state import State

STRONG_CALL = re.compile(r"(?=[\[(])(?:\[(\d{1,4})\]|(?<=[^\s—–])\((\d{1,4})\))")  # '—(3)' numbers a point
WEAK_CALL = re.compile(  # the lookahead first: most positions fail there, before the lookbehinds; "’3" after a
    # space is an elided year ('1862, ’3, ’4'), no call; 'as follows:—3' closes a lead-in
    r"(?=[1-9])(?<!\bp\.)(?<!\bpp\.)(?<!\bNo\.)(?<!\bVol\.)(?<!\bvol\.)"
    r"(?:(?<=[^\W\d_])|(?<=[.,;:?!”)\]])|(?<=[.,;:]—)|(?<=\S’)|(?<=[.”’] ))([1-9]\d{0,3})(?![\w]|[.,:]\d)")
GROUPED_CALL = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+([1-9]\d{0,2})(?![\d,])")  # '$1,200,000,00023': 23 after 000
DECIMAL = re.compile(r"\d\.$")  # the text before a digit ends with a number and a point
REFERENCE = re.compile(r"\b(?:vols?|nos?|pp?|pts?|bk|chap|ch|art|para|sec|sect|fig|cap|ed|eds)\.\s?$", re.I)
SENTENCE_AFTER = re.compile(r"\s+[A-Z“‘\"'(]")
DIVISIONS = ("chapter", "preface", "appendix", "part", "article", "book")
# where calls can stand: DocBook allows no footnote in an attribution, so a call there stays text
# (its note is kept and flagged as having no call)
TEXT_ELEMENTS = {f"{{{DB}}}{t}" for t in ("para", "literallayout", "entry", "title")}
MAX_TRAILING = 3  # short blocks allowed after a note list (a date, a citation line, a site's footer)
CONTINUATION = 4  # blocks a note may run on over, up to the next item
CONTINUATION_LINES = 24  # or short lines (a justified line that held one long word breaks into lines of a word)
CONTINUATION_WORDS = 80  # of those short lines, in all
MAX_LOST_ITEMS = 8  # items of a note list lost with no page's edge to tell why
MIN_SENTENCE_WORDS = 3  # words of a paragraph a call after a number's point may close
MAX_PAGE_OF_ITEMS = 30  # items a lost page may have held, where no folio marks it lost
MAX_SKIPPED = 3  # calls in a row a lost page or line may have held
RESUMING_CHAIN = 5  # past more lost calls, the count resumes at a call the next this many count on from
MIN_RESUMING_CHAIN = 3  # or, near the list's end, the next up to its last note, as many at least


@dataclass
class NoteList:
    name: str  # for the footnotes' ids: the division holding the list, or 'text' when there is one list
    scope: list[etree._Element]  # the text whose calls point to this list: blocks and titles, in order
    elements: list[etree._Element]  # the list's own blocks
    notes: dict[int, etree._Element]  # number -> the element holding the note text (para or listitem)
    heading: etree._Element | None = None  # the list's heading ('Notes'), a para role="notes-heading"
    more: dict[int, list[etree._Element]] = field(default_factory=dict)  # a note's further paragraphs

    def text(self, number: int) -> str:
        """The note's text: its item's, its number left out, and its further paragraphs' whole."""
        return " ".join([_note_text(self.notes[number]), *(_plain(e) for e in self.more.get(number, []))])


@dataclass
class Candidate:
    holder: etree._Element  # the element whose .text (or tail, when is_tail) holds the call
    is_tail: bool
    start: int
    end: int
    value: int
    strong: bool
    pages_lost_before: int = 0  # lost pages reported before the call, in reading order

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
    """Note lists and the calls that point to them become footnotes standing where their calls stood.

    A list's calls are in the text since the list before it. A run of numbered items that no call
    points to, or whose calls count on past its last item (they are another list's), is left as it
    stands: nothing shows it is a list of notes.
    """
    blocks = _reading_blocks(state.tree)
    lists = find_note_lists(blocks, state.page_starts)
    # each block's candidates found once: a block is read again for every list whose scope holds it, and
    # it changes only when its list's calls are linked, after which no later scope holds it
    found = {id(block): list(_block_candidates(block)) for block in blocks}
    _count_lost_pages(state.tree, found)

    def candidates_in(scope: list[etree._Element]) -> list[Candidate]:
        return [c for block in scope for c in found[id(block)]]

    paren_calls = _book_calls_in_brackets(lists, [candidates_in(_scoped(blocks, l, 0).scope) for l in lists])
    since = 0
    names: set[str] = set()
    for n, note_list in enumerate(lists):
        scoped = _scoped(blocks, note_list, since)
        candidates = [c for c in candidates_in(scoped.scope) if paren_calls or not c.raw.lstrip().startswith("(")]
        linking = link_calls(candidates, set(note_list.notes), _division(note_list.elements[0]))
        after = _calls_after(blocks, lists, n, paren_calls, candidates_in)
        if not linking.linked and not linking.repeated or _calls_run_on(candidates, after, linking, note_list):
            state.diagnostics.add("flag.notes-without-calls", _source_line(note_list.elements[0]),
                                  f"{min(note_list.notes)}–{max(note_list.notes)}")
            continue
        scoped.name = _unique("text" if len(lists) == 1 else _division_id(note_list.elements[0], n), names)
        _apply(state, scoped, linking)
        since = blocks.index(note_list.elements[-1]) + 1


def _count_lost_pages(tree: etree._Element, found: dict[int, list[Candidate]]) -> None:
    """Mark each candidate with the number of lost pages reported before it."""
    lost = 0
    for element in tree.iter(f"{{{DB}}}*"):
        if _name(element) == "remark" and element.get("role") == "lost-page":
            lost += 1
        for candidate in found.get(id(element), ()):
            candidate.pages_lost_before = lost


def _scoped(blocks: list[etree._Element], note_list: NoteList, since: int) -> NoteList:
    """The list with the text its calls are in: since the list before it."""
    start = blocks.index(note_list.elements[0])
    scope = [b for b in blocks[since:start] if b is not note_list.heading]
    return NoteList(note_list.name, scope, note_list.elements, note_list.notes, note_list.heading, note_list.more)


def _calls_after(blocks: list[etree._Element], lists: list[NoteList], n: int, paren_calls: bool,
                 candidates_in) -> list[Candidate]:
    """The first calls in the text after list n (up to the next list)."""
    start = blocks.index(lists[n].elements[-1]) + 1
    end = blocks.index(lists[n + 1].elements[0]) if n + 1 < len(lists) else len(blocks)
    return [c for c in candidates_in(blocks[start:min(end, start + 40)])
            if paren_calls or not c.raw.lstrip().startswith("(")][:20]


def _calls_run_on(candidates: list[Candidate], after: list[Candidate], linking: Linking, note_list: NoteList) -> bool:
    """After the list's last call (before the list, or right after it), calls go on counting (last + 1,
    last + 2, more for a long list): the list is no list of notes but numbered items, and the calls
    are another list's."""
    last_note = max(note_list.notes)
    if last_note not in linking.linked or _lost_after(note_list.elements[-1], "lost-page"):
        return False  # the list's last items may have gone with the page lost after it
    position = candidates.index(linking.linked[last_note])
    strong = linking.linked[last_note].strong  # calls in brackets go on only in brackets
    expected = last_note + 1
    following = [c for c in [*candidates[position + 1:], *after] if c.strong or not strong]
    pages_lost = linking.linked[last_note].pages_lost_before
    for candidate, then in zip(following, [*following[1:], None]):
        if candidate.value == expected:
            expected += 1
        elif candidate.value < expected and (candidate.strong or candidate.value == 1
                                             or _restarts(candidate, then, candidate.pages_lost_before > pages_lost)):
            break  # the count starts again: the next list's calls
    return expected - 1 - last_note >= max(2, len(note_list.notes) // 10)  # a long list may have lost its last page


def _restarts(candidate: Candidate, then: Candidate | None, past_lost_page: bool) -> bool:
    """A bare digit starts a count again past its lost first calls: a low number ('2'), or past a lost
    page a number the page may have held the calls before, the next call on from it."""
    lost = MAX_PAGE_OF_ITEMS if past_lost_page else MAX_SKIPPED
    return candidate.value <= 1 + lost and then is not None and then.value == candidate.value + 1


def _book_calls_in_brackets(lists: list[NoteList], found: list[list[Candidate]]) -> bool:
    """A number in brackets after a word ('alert(1)', 'Points.—(3).') is a call only where the book calls
    its notes that way: over its note lists, more calls in brackets count up from each list's first
    number than calls in square brackets or bare digits do, and two at least."""
    paren = square = bare = 0
    for note_list, candidates in zip(lists, found):
        first = min(note_list.notes)
        paren += _counting([c for c in candidates if c.raw.lstrip().startswith("(")], first)
        square += _counting([c for c in candidates if c.raw.lstrip().startswith("[")], first)
        bare += _counting([c for c in candidates if not c.strong], first)
    return paren >= 2 and paren > max(square, bare)


def find_note_lists(blocks: list[etree._Element], page_starts: set[int] = frozenset()) -> list[NoteList]:
    """Runs of note items ('[1] …', '1. …', an ordered list with its numbers) that close a division or
    stand under a notes heading, numbered from 1 or carrying on from the list before. A block between
    two items that count on (a note's second paragraph, a table in a note) belongs to the note above it.
    Items may skip a page's worth of numbers where they go on at the top of a page (`page_starts`, the
    source lines opening pages): the page before it was lost, where no folio told it."""
    found: list[NoteList] = []
    k = 0
    while k < len(blocks):
        start, notes, more, left = k, {}, {}, set()
        style = _item_style(blocks[k])
        page_lost = False  # over the end of a lost note, after a lost page
        while k < len(blocks):
            items = _items_on(blocks, k, max(notes), style, page_lost, _source_line(blocks[k]) in page_starts) \
                if notes else _note_items(blocks[k], style)
            if items and min(items) > 0:
                notes.update(items)
                k += 1
                page_lost = False
                continue
            last = max(notes, default=-1)
            page_lost = _lost_before(blocks[k], "lost-page")
            resumes = next((j for j in range(k + 1, min(len(blocks), k + 1 + CONTINUATION_LINES))
                            if _items_on(blocks, j, last, style, page_lost) and _runs_on(blocks[k:j])), None)
            if not notes or resumes is None or any(_name(blocks[j]) == "title" or _is_notes_heading(blocks[j])
                                                   or _items_on(blocks, j, last, style) for j in range(k, resumes)):
                break
            if min(_note_items(blocks[resumes])) == last + 1:
                more.setdefault(last, []).extend(blocks[k:resumes])
            else:  # items were lost (a dropped page): what stands between is the end of a lost note, left in place
                left.update(range(k, resumes))
            k = resumes
        if not notes:
            k += 1
            continue
        previous_end = max(found[-1].notes) if found else 0
        heading = blocks[start - 1] if start and _is_notes_heading(blocks[start - 1]) else None
        numbered = min(notes) in (1, previous_end + 1) or _lost_before(blocks[start], "lost-page")  # its first items lost
        # a list marked '[1]' may close a division whose next heading was read as a section's
        closes = _closes_division(blocks, k, sections=_marked(notes))
        if numbered and (heading is not None or closes or _lost_after(blocks[k - 1])):
            elements = [blocks[j] for j in range(start, k) if j not in left]
            found.append(NoteList("text", [], elements, notes, heading, more))
    # where the book heads its lists ('Notes', or a heading line or page lost), a run of items '1. …'
    # with no heading is numbered text
    headed = [n for n in found if n.heading is not None or _lost_before(n.elements[0]) or _lost_before(n.elements[0], "lost-page")]
    if len(headed) >= 2:
        found = [n for n in found if n in headed or _marked(n.notes)]
    return found


def _items_on(blocks: list[etree._Element], k: int, last: int, style: str | None,
              page_lost: bool = False, opens_page: bool = False) -> dict[int, etree._Element]:
    """The items block k holds if they carry a list on from item `last`: marked in its style, numbered
    on (a few may be lost; a page of them where the report marks one lost: right before the block, or
    before the end of a lost note that stands over it, `page_lost`; or where the block `opens_page`,
    the lost page unmarked), and not over the next number, which follows close behind. A note's line
    that opens like an item but does not carry the list on is its text: a reference's page number
    ('… vol. iii. p.' / '18. A. Author, Cases …')."""
    items = _note_items(blocks[k], style)
    skipped = min(items, default=last) - last - 1
    page_of_items = page_lost or _lost_before(blocks[k], "lost-page") or opens_page and skipped < MAX_PAGE_OF_ITEMS
    if not items or skipped < 0 or skipped >= MAX_LOST_ITEMS and not page_of_items:
        return {}
    if min(items) > last + 1 and any(min(_note_items(b, style) or [0]) == last + 1
                                     for b in blocks[k + 1:k + 1 + CONTINUATION_LINES]):
        return {}
    return items


def _runs_on(between: list[etree._Element]) -> bool:
    """Blocks a note can run on over: a few, or more that hold a few words (lines of a word each)."""
    return len(between) <= CONTINUATION or sum(len(_note_text(b).split()) for b in between) <= CONTINUATION_WORDS


def _lost_before(element: etree._Element, role: str = "lost-line") -> bool:
    """Lines (or a page) were lost right before the element."""
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return previous is not None and _name(previous) == "remark" and previous.get("role") == role


def _marked(notes: dict[int, etree._Element]) -> bool:
    """A list's items are marked '[1]', as paragraphs of the text seldom are."""
    return "".join(notes[min(notes)].itertext()).lstrip()[:1] == "["


def _reading_blocks(element: etree._Element) -> list[etree._Element]:
    """The blocks of the text in reading order, division and section titles among them; divisions and
    sections entered, the info block, subtitles and remarks left out."""
    out = []
    for child in element:
        name = _name(child)
        if name is None or name in ("info", "subtitle", "remark"):
            continue
        if name in DIVISIONS or name == "section":
            out.extend(_reading_blocks(child))
        else:
            out.append(child)
    return out


def _closes_division(blocks: list[etree._Element], end: int, sections: bool = False) -> bool:
    """Nothing but a few short blocks follows, up to the next division's title (or a section's) or the
    end of the text."""
    for trailing, block in enumerate(blocks[end:end + MAX_TRAILING + 1]):
        if _name(block) == "title" and (_name(block.getparent()) in DIVISIONS or sections and _name(block.getparent()) == "section"):
            return True
        if trailing == MAX_TRAILING or len("".join(block.itertext())) > 100:
            return False
    return True


def _lost_after(element: etree._Element, role: str = "lost-line") -> bool:
    """Lines (or a page) were lost right after the list (a one-word heading of the next division, as
    likely as not), before its next block or before the heading of the section that follows it."""
    following = _next_element(element)
    if following is not None and _name(following) in (*DIVISIONS, "section"):
        title = following.find(f"{{{DB}}}title")
        following = _next_element(title) if title is not None else None
    return following is not None and _name(following) == "remark" and following.get("role") == role


def _next_element(element: etree._Element) -> etree._Element | None:
    following = element.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    return following


def _is_notes_heading(element: etree._Element) -> bool:
    return _name(element) == "para" and element.get("role") == "notes-heading"


def _division(element: etree._Element) -> etree._Element | None:
    return next((a for a in element.iterancestors() if _name(a) in DIVISIONS), None)


def _division_id(element: etree._Element, n: int) -> str:
    for ancestor in element.iterancestors():
        if _name(ancestor) in DIVISIONS and ancestor.get(f"{{{XML_NS}}}id"):
            return ancestor.get(f"{{{XML_NS}}}id")
    return f"list-{n + 1}"


def _unique(name: str, taken: set[str]) -> str:
    """The name, numbered on where a list before it took it (two lists in one division: a division's
    heading was lost), and taken."""
    unique, k = name, 2
    while unique in taken:
        unique, k = f"{name}-{k}", k + 1
    taken.add(unique)
    return unique


def _item_style(element: etree._Element) -> str | None:
    """How a note item is marked: '[1]', '(1)', '1.', '1)' (the number left out), or a list's own."""
    if _name(element) == "orderedlist":
        return "list"
    match = NOTE_ITEM.match(element.text or "") if _name(element) == "para" else None
    return re.sub(r"\d+", "", match.group(0)[:match.start(4)]).strip() if match else None


def _note_items(element: etree._Element, style: str | None = None) -> dict[int, etree._Element]:
    """The numbered note items a block holds (only those marked in `style`, if given)."""
    if style is not None and _item_style(element) != style:
        return {}
    name = _name(element)
    if name == "para" and element.get("role") is None and len(element) == 0:
        number = item_number(element.text or "")
        if number is not None:
            return {number: element}
    if name == "orderedlist":
        items = element.findall(f"{{{DB}}}listitem")
        numbers = [int(i.get("override")) for i in items if i.get("override")]
        if len(numbers) == len(items) and numbers == sorted(numbers):
            return dict(zip(numbers, items))
    return {}


def _block_candidates(block: etree._Element):
    """The possible calls in one block, in reading order."""
    for element in block.iter(*TEXT_ELEMENTS):
        if next(element.iterancestors(f"{{{DB}}}remark"), None) is not None:
            continue
        slots = [(element, False)] + [(child, True) for child in element]
        for holder, is_tail in slots:
            text = holder.tail if is_tail else holder.text
            if not text:
                continue
            found = {}
            opening = len(text) - len(text.lstrip()) if holder is element and not is_tail else -1
            for m in STRONG_CALL.finditer(text):
                if m.start() == opening:  # '[2] …' opening a block is a note, not a call
                    continue
                found[m.start()] = Candidate(holder, is_tail, m.start(), m.end(), int(m.group(1) or m.group(2)), True)
            for m in WEAK_CALL.finditer(text):
                start = m.start(1) - (1 if text[m.start(1) - 1:m.start(1)] == " " else 0)
                if DECIMAL.search(text, 0, m.start(1)) and not SENTENCE_AFTER.match(text, m.end(1)) \
                        and not _closes_sentences(element, holder, is_tail, m.end(1)):
                    continue  # '4.1' is a number; in '… in 1933.3 Then' or closing a paragraph ('$600.120'), a call
                if REFERENCE.search(text, max(0, m.start(1) - 8), m.start(1)):
                    continue  # 'Vol. 1', 'Chap. 2': a reference's number
                if not any(c.start <= m.start(1) < c.end for c in found.values()):
                    found[start] = Candidate(holder, is_tail, start, m.end(1), int(m.group(1)), False)
            for m in GROUPED_CALL.finditer(text):
                found[m.start(1)] = Candidate(holder, is_tail, m.start(1), m.end(1), int(m.group(1)), False)
            yield from (found[k] for k in sorted(found))


def _closes_sentences(element: etree._Element, holder: etree._Element, is_tail: bool, end: int) -> bool:
    """Position `end` of the holder's text closes a paragraph of words (not a figure left as text, '4.1')."""
    text = holder.tail if is_tail else holder.text
    return element.tag == f"{{{DB}}}para" and end == len(text.rstrip()) \
        and (holder.getnext() is None if is_tail else len(element) == 0) \
        and len(re.findall(r"[^\W\d_]+", "".join(element.itertext()))) >= MIN_SENTENCE_WORDS


def link_calls(candidates: list[Candidate], notes: set[int], division: etree._Element | None = None) -> Linking:
    """Walk the candidates in reading order, expecting call k next (see the module docstring).

    When the calls start again from the list's first number (a chapter whose own list was not
    found comes before), the last run of calls that reaches furthest is the one for this list,
    starting in the list's own division where it can; the calls before it are reported as
    having no note here.
    """
    linking = Linking()
    first = min(notes) if notes else 1
    last_note = max(notes) if notes else 0
    weak = [c for c in candidates if not c.strong]
    if _counting(weak, first) >= 3 and _counting([c for c in candidates if c.strong], first) < min(3, last_note - first + 1):
        candidates = weak  # the calls are bare digits; numbers in brackets are the text's own ('(1)', '[3]')
    begin = _last_full_run(candidates, first, last_note - first + 1, division)
    linking.without_note.extend(c for c in candidates[:begin] if c.strong)
    strong_after: dict[int, int] = {}  # value -> index of its last strong candidate
    for index, candidate in enumerate(candidates):
        if candidate.strong:
            strong_after[candidate.value] = index
    k = first
    previous: Candidate | None = None
    for index in range(begin, len(candidates)):
        candidate = candidates[index]
        value, expected = candidate.value, k
        if candidate.strong and value < k and value in linking.linked:
            linking.repeated.append(candidate)
            continue
        if value == k and (candidate.strong or value <= last_note + 1 and strong_after.get(k, -1) <= index):
            _record(linking, candidate, notes)
            k += 1
        elif candidate.strong and value > k:
            if any(c.value == k for c in candidates[index + 1:]):
                linking.out_of_order.append(candidate)
            else:  # the calls k .. value-1 are missing: their notes will be reported as having no call
                _record(linking, candidate, notes)
                k = value + 1
        elif k < value and value + 1 + value - k <= last_note and value - k <= MAX_SKIPPED \
                and _chain_goes_on(candidates, index, value, value - k):
            _record(linking, candidate, notes)  # calls k … value - 1 were lost (a dropped page, a garbled line)
            k = value + 1
        elif k < value and (chain := min(RESUMING_CHAIN, last_note - value)) >= MIN_RESUMING_CHAIN \
                and _chain_goes_on(candidates, index, value, chain - 1):
            _record(linking, candidate, notes)  # many calls lost (in a flattened table): the count resumes
            k = value + 1
        elif k < value <= min(last_note, k + MAX_SKIPPED) and previous is not None \
                and candidate.pages_lost_before > previous.pages_lost_before \
                and not any(k <= c.value <= value for c in candidates[index + 1:]):
            _record(linking, candidate, notes)  # calls k … value - 1 stood on the lost page (the list's last)
            k = value + 1
        if k != expected:  # linked
            previous = candidate
    return linking


def _counting(calls: list[Candidate], first: int) -> int:
    """How far the calls count up from the first number, in order (others skipped)."""
    expected = first
    for call in calls:
        if call.value == expected:
            expected += 1
    return expected - first


def _chain_goes_on(candidates: list[Candidate], index: int, value: int, skipped: int) -> bool:
    """The next calls after this one count on from it (two, one more for each further number skipped):
    the count skipped numbers, not started a new one."""
    following = [c.value for c in candidates[index + 1:index + 5 + skipped]]
    position = 0
    for expected in range(value + 1, value + 2 + skipped):
        if expected not in following[position:]:
            return False
        position = following.index(expected, position) + 1
    return True


def _last_full_run(candidates: list[Candidate], first: int, size: int, division: etree._Element | None) -> int:
    """Where the calls for a list begin: of the calls numbered first (in brackets, where the book has
    any), the last one that starts a run of calls counting up as far as the list goes (or, failing
    that, the longest run). Runs that end at the same call are one, from its earliest start in the
    list's division, else its earliest (a chapter whose list a lost page took ends its calls where
    the next chapter's count goes on). Bare digits start a run only where it counts on to 3 at
    least, or, for a shorter list, where the run calls it all in the list's own division. A list
    called in full in its own division takes those calls where every other full run is elsewhere
    and counts past the list (another chapter's, whose own list a lost page took). A run counts on
    past a few lost calls."""
    strong = any(c.strong for c in candidates)
    calls = [c.strong or not strong for c in candidates]  # the candidates of the kind that calls this list
    starts = [i for i, c in enumerate(candidates) if calls[i] and c.value == first]
    if len(starts) < 2:
        return 0

    def run(start: int) -> tuple[int, int]:
        """How far the calls count up from this start, past a few lost ones as the linking goes past
        them, and where the count ends."""
        expected, end = first, start
        for k in range(start, len(candidates)):
            value = candidates[k].value
            if calls[k] and (value == expected or expected < value <= expected + MAX_SKIPPED
                             and _chain_goes_on(candidates, k, value, value - expected)):
                expected, end = value + 1, k
            elif calls[k] and value == first and expected > first + 1:
                break  # numbered first again: the count started over
        return expected - first, end

    runs: dict[int, tuple[int, int]] = {}  # end -> (length, earliest start)
    for start in starts:
        length, end = run(start)
        if end not in runs or division is not None and _division(candidates[start].holder) is division \
                and _division(candidates[runs[end][1]].holder) is not division:
            runs[end] = (length, start)
    lengths = list(runs.values())
    full = {i: length for length, i in lengths if length >= (size if strong else max(size, 3))}
    own = [i for length, i in lengths if length >= size and division is not None
           and _division(candidates[i].holder) is division]
    if own and all(length > size and _division(candidates[i].holder) is not division for i, length in full.items()):
        return min(own)  # called in full in its own division; the calls before, or counting past it, are another's
    if full:
        return max(full)
    best = max(length for length, _ in lengths)
    if best < 3:  # no run of calls in brackets: the book does not call its notes that way
        return 0
    return max(i for length, i in lengths if length == best)


def _record(linking: Linking, call: Candidate, notes: set[int]) -> None:
    if call.value in notes:
        linking.linked[call.value] = call
    else:
        linking.without_note.append(call)


def _apply(state: State, note_list: NoteList, linking: Linking) -> None:
    diagnostics = state.diagnostics
    ids = {}
    notes_source = {n: _note_line(e) for n, e in note_list.notes.items()}
    # splice from the end of each text slot backwards, so earlier offsets stay valid
    edits: list[tuple[Candidate, etree._Element | None, str | None]] = []
    for number, call in linking.linked.items():
        footnote = el("footnote", label=str(number), xml_id=f"fn-{note_list.name}-{number}")
        ids[number] = footnote.get(XML_ID)
        sub(footnote, "para", note_list.text(number))
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
    _remove_note_list(state, note_list, set(linking.linked), notes_source)


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


def _remove_note_list(state: State, note_list: NoteList, linked: set[int], lines: dict[int, int | None]) -> None:
    """Linked notes leave the list; notes with no call stay where the list stood, reported. The list's
    heading goes with it when every note found its call."""
    unanchored = [n for n in sorted(note_list.notes) if n not in linked]
    first = note_list.elements[0]
    parent = first.getparent()
    position = parent.index(first)
    heading = note_list.heading if note_list.heading is not None and not unanchored else None
    if heading is not None:
        state.diagnostics.add("furniture.notes-heading", _source_line(heading), "".join(heading.itertext()))
    for element in [*note_list.elements, *([heading] if heading is not None else [])]:
        previous = element.getprevious()
        if previous is not None and isinstance(previous, etree._ProcessingInstruction) \
                and previous.target == SOURCE_PI:
            previous.getparent().remove(previous)
        if element.getparent() is parent and parent.index(element) < position:
            position -= 1
        element.getparent().remove(element)
    if not unanchored:
        return
    box = el("orderedlist", role="unanchored-notes")
    for number in unanchored:
        item = sub(box, "listitem", override=str(number))
        sub(item, "para", note_list.text(number))
        state.diagnostics.add("flag.note-without-call", lines[number], str(number))
    parent.insert(min(position, len(parent)), box)
    box.addnext(el("remark", "Notes whose calls are not in the source: "
                   + ", ".join(str(n) for n in unanchored) + ".", role="unanchored-notes"))


def _plain(element: etree._Element) -> str:
    return " ".join(t.strip() for t in element.itertext() if t.strip())


def _note_text(element: etree._Element) -> str:
    text = _plain(element)
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
    return node.tag.rpartition("}")[2] if isinstance(node.tag, str) else None


def _source_line(element: etree._Element) -> int | None:
    """The first source line of the block holding this element, from its provenance PI."""
    for node in (element, *element.iterancestors()):
        previous = node.getprevious()
        if isinstance(previous, etree._ProcessingInstruction) and previous.target == SOURCE_PI:
            return int(re.match(r"\d+", previous.text).group(0))
    return None
