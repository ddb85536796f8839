"""Page furniture of a PDF extraction: what the page margins put around the text (running heads,
folios, page URLs, print stamps), recognised by where it stands rather than by what it says.

A page edge is found from an anchor: a form feed; a line that is page furniture by itself (a URL
standing alone, 'Page 3 of 12'); a run of folios (numbers standing alone that count up page by
page); or a line that stands alone again and again at a regular interval. The lines standing
alone around an anchor (between blank lines, never part of a run of text lines) make an edge
cluster. A line shape (the line with digits and numerals masked) that recurs at the same place
in three clusters or more, and mostly there, is furniture at that place, where nothing but
furniture stands between it and the edge; so is a page's head over the heading it repeats.
Numbered lines opening pages whose number changes from each to the next, pages apart, are
divisions' headings, not a running head. Where only a running head on every other page marks the
pages, the heads of the pages facing them stand halfway between. Lines of running text are never
removed, and a line at a page edge that does not recur is kept.

The first text line after each cluster starts a page: the paragraph stage joins across it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from statistics import median

from .front import normalise_title
from .headings import heading_form, is_capitals, is_division_line, is_title_case, numbered_as, numbering, reads_as_title
from .patterns import SENTENCE_END, WORD, item_number, roman_value
from .stacks import is_figures
from .state import State

URL_LINE = re.compile(r"^(https?://|www\.)\S+(\s+\(\d+\s+of\s+\d+\))?(\s+\[[\d/.: -]+\])?$", re.I)
PRINTED_URL = re.compile(r"^(https?://|www\.)\S+\s+\(\d+\s+of\s+\d+\)", re.I)  # a browser's print footer
PAGE_OF = re.compile(r"^(page\s+)?\d+\s+(of|/)\s+\d+$", re.I)
MARGIN_BOXES = re.compile(r"\s{3,}")  # -layout sets a page's margin boxes on one line, wide apart
RUNS_ON = re.compile(r"(?!https?://|www\.)[a-z]")  # a line of text going on in lower case (not a URL)
FOLIO = re.compile(r"^[-–—]?\s*(\d{1,4}|[ivxlc]{1,7})\s*[-–—]?$", re.I)
MAX_STANDING_ALONE = 150  # characters: longer lines are text, even when they stand alone
MAX_RUN = 5  # lines: a longer run of lines is text
BESIDE = 2  # lines set right against an anchor, with no blank between, that can be furniture
CLUSTER_REACH = 4  # lines standing alone on each side of an anchor that can be furniture
MIN_RECURRENCE = 3
STEM = " …"  # marks the key of a running head's stem ('author — title …')
HEAD_PARTS = re.compile(r":\s|\s[—–]\s")  # between a running head's author, title and chapter
HEAD_WORDS = re.compile(r"[^\W\d_][^\d/:()\[\]]*")  # a running head's wrapped end: words (not a URL's wrapped stamp)
HEAD_REPEAT_PAGES = 2.5  # pages from a running head to its repeat (every other page, on rectos)
FOLIO_COVER = 0.25  # of the pages the running heads or the folios' interval count: the least share folios number
MARKED_PAGES = 0.25  # of the marks a page the longest count of folios has: the least a shorter count has
FOLIO_SLACK = 3  # pages a folio may stand off the count around it (pages lost, numbers skipped)
MIN_PAGE_LINES, MAX_PAGE_LINES = 10, 400  # lines from one folio to the next (a few pages may be lost)
PAGE_EDGE_SPAN = 12  # lines from one end of a page edge's furniture to the other (blanks, heads, folio)
MAX_HEAD_INTERVAL = 160  # lines from a running head to the next: two pages of text at most
TOKEN = re.compile(r"[^\W_]+")  # a run of letters or digits
NUMERAL = re.compile(r"\d+|\b[ivxlc]+\b")  # in a line in lower case
HEADING_PAGES = 2  # pages between numbered headings opening pages, on the whole: running heads repeat sooner
MIN_TITLED = 4  # chapters whose titles the text has, the running heads naming them, for each it has not
FACING_SLACK = 0.1  # of two pages' lines: how far a facing page's head may stand off halfway
MIN_FACING_HEADS = 10  # heads of facing pages taking turns: fewer tell no pages lost
FACING_BREAKS = 0.05  # of the heads of facing pages: the most that may repeat the head before (pages lost)
FACING_SLACK_PAGE = 1.2  # pages of lines between two heads of one side, at most, for a page lost between them


def remove_page_furniture(state: State) -> None:
    """Running heads, folios and page URLs that recur at the page edges of a PDF extraction."""
    lines = state.lines
    filled = [i for i, line in enumerate(lines) if line is not None and line.text.strip()]
    alone, pairs = _standing_alone(state, filled)
    anchors = _anchor_lines(state, filled, alone, pairs)
    edge, stems = _edge_lines(state, filled, alone, anchors)
    if pairs:  # two lines standing alone together: a running head on two lines when both are furniture as
        # they stand and one is a running head's stem, or the two recur together every page or two (not a
        # part's title under a head that reads the same, nor a letter's heading and greeting)
        paired, stems = _edge_lines(state, filled, alone | pairs.keys(), anchors)
        both = [i for i in paired if i in pairs and pairs[i] in paired]
        lengths = sorted(len(lines[i].text.strip()) for i in filled)
        measure = lengths[int(len(lengths) * 0.9)]  # the text's full lines
        both += [j for i in paired if i in pairs and i < pairs[i] and _wrapped_stem(lines[i].text, stems, measure)
                 for j in (i, pairs[i])]
        recurring = _recurring_pairs(state, both, pairs)
        edge = sorted(set(edge) | {i for i in both if i in recurring
                                   or any(key in stems for j in (i, pairs[i]) for key in _keys(lines[j].text))})
        edge = sorted(set(edge) | _wrapped_heads_against_text(state, filled, edge, pairs))
    strays = _stray_numbers(state, edge)
    counted = [i for i in edge if i not in strays]
    heads = _chapter_heads(state, counted, stems)
    state.chapter_heads = [(lines[i].number, name) for i, name in heads]
    named = heads or _title_heads(state, counted)
    head_lines = {i: lines[i].number for i, _ in named}  # (the heads are removed below)
    reported: list[int] = []
    for i, missing, text in sorted(_lost_pages(state, counted) + _lost_document_pages(state, counted)
                                   + _lost_facing_pages(state, filled, alone, counted)):
        if any(i - seen <= CLUSTER_REACH for seen in reported):
            continue  # the same page edge, counted by a folio and a page count both
        reported.append(i)
        state.diagnostics.add("flag.lost-page", lines[i].number, text, count=missing)
        state.lost_pages[lines[i].number] = missing
    for i in edge:
        if i in strays:
            state.diagnostics.add("flag.possible-folio", lines[i].number, lines[i].text.strip())
        else:
            state.remove_line(i, "furniture.page-edge")
    for i in anchors | set(counted):  # the first text line after a page's furniture starts the next page
        k = bisect.bisect_right(filled, i)
        while k < len(filled) and lines[filled[k]] is None:
            k += 1
        if k < len(filled):
            state.page_starts.add(lines[filled[k]].number)
    for previous, before, first, title in _lost_openings(state, filled, named):
        number = head_lines[before]
        # from the top of the head's page (a folio there counts the gap after it), or the head naming the chapter before
        page = max((line for line in state.page_starts if line < number), default=0)
        since = min(page - PAGE_EDGE_SPAN, head_lines.get(previous, 0))
        counted_lost = [line for line in state.lost_pages if since <= line < lines[first].number]
        if not heads:  # heads of titles alone, on rectos: only a page a count reported lost tells where the chapter opens
            if counted_lost:
                opening = min((line for line in state.page_starts if line > max(counted_lost)), default=None)
                if opening is not None:
                    state.lost_titles[opening] = title
            continue
        if not counted_lost:
            state.diagnostics.add("flag.lost-page", number, f"the opening page of '{title}' (the running heads name "
                                  "it; its title is not in the text)", count=1)
            state.lost_pages[number] = 1
        state.lost_titles[lines[first].number] = title


def _edge_lines(state: State, filled: list[int], alone: set[int], anchors: set[int]) -> tuple[list[int], set[str]]:
    """The lines that are furniture where they stand (and the running heads' stems): anchors, lines
    standing alone whose shape recurs at their place, mostly at page edges, and a page's head over
    the heading it repeats (a chapter's title over its opening: the chapter may have no other page)."""
    lines = state.lines
    placed, nearer = _places(state, filled, alone, anchors)
    # where a shape stands besides: a table's figures set one a line (a column read down) are no text
    # a folio's shape could be mistaken in, and would outnumber the folios of a book of tables
    column = {i for k, i in enumerate(filled) if _in_column(state, filled, k)}
    occurrences = Counter(key for i in filled if i not in column for key in _keys(lines[i].text))
    at_edges = Counter(key for i in anchors | set(placed) for key in _keys(lines[i].text))
    counts: dict[str, Counter] = defaultdict(Counter)
    for i, places in placed.items():
        for key in _keys(lines[i].text):
            for place in places:
                counts[key][place] += 1
    # a shape is furniture where it recurs, if it stands mostly at page edges; and a running head's
    # stem ('Title: <chapter>'), once it is furniture, at any page edge (a short chapter's head)
    headings = _headings_opening_pages(state, placed, anchors)
    furniture_places = {key: {place for place, n in c.items() if n >= MIN_RECURRENCE}
                        for key, c in counts.items() if at_edges[key] * 2 >= occurrences[key] and key not in headings}
    anchored = Counter(key for i in anchors for key in _keys(lines[i].text))
    marking = {key for key, n in anchored.items() if n >= MIN_RECURRENCE and at_edges[key] * 2 >= occurrences[key]} \
        | {key for key, places in furniture_places.items() if places}
    stems = {key for key in marking if key.endswith(STEM)}  # a number alone may be a chapter's: not by shape

    position = {i: k for k, i in enumerate(filled)}

    def mark_beside(i: int, step: int) -> str | None:  # the kind of page mark right over (-1) or under (1) line i
        k = position[i] + step
        if 0 <= k < len(filled) and filled[k] in anchors:
            return _anchor_kind(lines[filled[k]].text)
        return "page break" if step == -1 and lines[i].number in state.page_starts else None

    def marks_beside(i: int, step: int) -> tuple[int, frozenset] | None:
        """The kinds of the page marks set together right over (-1) or under (1) line i, whatever their
        order (rectos and versos may set a foot's URL and folio in turn)."""
        kinds, k = set(), position[i] + step
        while 0 <= k < len(filled) and filled[k] in anchors:
            kinds.add(_anchor_kind(lines[filled[k]].text))
            k += step
        if not kinds and (mark := mark_beside(i, step)):
            kinds.add(mark)  # a page break
        return (step, frozenset(kinds)) if kinds else None

    recurring = {i for i in placed if any(placed[i] & furniture_places.get(key, set()) for key in _keys(lines[i].text))}
    heads_beside = Counter(marks for i in anchors | recurring for step in (-1, 1)
                           if (marks := marks_beside(i, step)) and WORD.search(lines[i].text) and not _marks_page(lines[i].text))
    anchors_beside = Counter((key, step, mark_beside(i, step)) for i in anchors for step in (-1, 1)
                             if mark_beside(i, step) for key in _keys(lines[i].text) if WORD.search(key))

    def beside_its_like(i: int) -> bool:
        """Set right by a page mark where three or more heads of its words stand by one the same way
        (the heads regular enough to mark the pages; this one, a chapter's first, is not)."""
        return any(anchors_beside[key, step, mark_beside(i, step)] >= MIN_RECURRENCE
                   for step in (-1, 1) if mark_beside(i, step) for key in _keys(lines[i].text))

    def opens_a_page(k: int) -> bool:  # only lines standing near an edge between it and the edge
        for j in range(k, max(-1, k - 1 - CLUSTER_REACH), -1):
            if lines[filled[j]].number in state.page_starts:
                return True
            if j < k and filled[j] in anchors:
                return True
            if j < k and not placed.get(filled[j]):
                return False
        return k == 0

    def opens_its_page(j: int) -> bool:  # a title opening a page, or its number over it ('V', 'Chapter V')
        above = lines[filled[j - 1]].text.strip() if j > 0 else ""
        return opens_a_page(j) or j > 0 and filled[j - 1] == filled[j] - 1 \
            and bool(FOLIO.match(above) or is_division_line(above)) and opens_a_page(j - 1)

    def titles(j: int, head: str) -> bool:  # the line opening at filled[j], wrapped or not, is the title head repeats
        title = lines[filled[j]].text.strip()
        wrapped = [f"{title} {lines[filled[j + 1]].text.strip()}"] if j + 1 < len(filled) and filled[j + 1] == filled[j] + 1 else []
        head_words = TOKEN.findall(head)  # or its first words (a comma after them in the title or not)
        return any(head == t or TOKEN.findall(t)[:len(head_words)] == head_words and len(head_words) >= 2 and is_title_case(t)
                   for t in [title, *wrapped])

    def set_as_heads(i: int) -> bool:  # set right by page marks that other heads stand by the same way
        return any(heads_beside[marks_beside(i, step)] >= MIN_RECURRENCE for step in (-1, 1))

    def repeats_a_title(i: int) -> bool:
        """A page's head set as heads are, repeating the title that opened its page (or its number over
        it) or the page before, or its first words (a short chapter's title, not seen again)."""
        text = lines[i].text.strip()
        if not reads_as_title(text) or not set_as_heads(i):
            return False
        k = position[i]
        return any(filled[j] not in anchors and titles(j, text) and opens_its_page(j)
                   and any(filled[m] not in placed and filled[m] not in anchors for m in range(j + 1, k))
                   for j in range(bisect.bisect_left(filled, i - MAX_HEAD_INTERVAL), k))

    def heads_as_set(i: int) -> set[str]:  # a head of two words or more set as heads are may give a title's first words
        text = lines[i].text.strip()
        return {text} if len(TOKEN.findall(text)) >= 2 and set_as_heads(i) else set()

    def furniture(i: int) -> bool:
        keys = _keys(lines[i].text)
        return i in anchors or i not in column and not _counted_item(state, filled, position[i]) and (any(
            placed[i] & furniture_places.get(key, set()) or placed[i] and key in stems for key in keys)
            or bool(placed[i]) and (_over_its_heading(state, filled, position[i], heads_as_set(i))
                                    or repeats_a_title(i) or beside_its_like(i)))

    def names_a_title_above(i: int) -> bool:
        """A running head of the book's stem standing alone under the title it names, text between, within
        two pages: the head of a page of a chapter a page or two long, no other page mark near it."""
        head = next((box for box in MARGIN_BOXES.split(lines[i].text.strip()) if not FOLIO.match(box)), "")  # not its folio
        name = HEAD_PARTS.split(head)[-1]
        k = position[i]
        return any(lines[filled[j]].text.strip() == name and any(filled[m] not in alone for m in range(j + 1, k))
                   for j in range(bisect.bisect_left(filled, i - MAX_HEAD_INTERVAL), k))

    def stem_over_a_mark(i: int) -> list[int]:
        """A running head of the book's stem set right against the text over the page mark under it, or
        wrapped onto a line of words over it: the head of a short chapter's page, seen too few times
        to stand by a mark as heads do."""
        k = position[i]
        if not any(key in stems for key in _keys(lines[i].text)) or k + 2 >= len(filled):
            return []
        under, mark = filled[k + 1], filled[k + 2]
        if under in anchors:
            return [i]
        wrapped_end = under == i + 1 and HEAD_WORDS.fullmatch(lines[under].text.strip())
        return [i, under] if wrapped_end and mark in anchors else []

    # furniture stands at the page's edge: a line recurring there with text between it and the edge
    # is text (a letter's address under its heading, both opening a page); a running head's stem is
    # furniture by its words (its wrapped end may stand between)
    candidates = {i for i in placed if furniture(i)}
    edge = anchors | {i for i in candidates if any(key in stems for key in _keys(lines[i].text))} \
        | {i for i in alone - placed.keys() if any(key in stems for key in _keys(lines[i].text)) and names_a_title_above(i)} \
        | {j for i in filled if i not in placed for j in stem_over_a_mark(i)}
    while grown := {i for i in candidates - edge if any(n is None or n in edge for n in nearer[i])}:
        edge |= grown

    def cuts_a_sentence(i: int) -> bool:  # the text under line i goes on in lower case: no title, a head
        k = position[i] + 1
        while k < len(filled) and (filled[k] in anchors or filled[k] in edge):
            k += 1
        return k < len(filled) and bool(RUNS_ON.match(lines[filled[k]].text.strip()))

    def repeats_a_head(i: int) -> bool:
        """The words of a head taken within two pages above it, set by the page's marks as that head is:
        a short chapter's head on its third recto, too far from the title it repeats; or below it, where
        the line cuts a sentence (the chapter's opening page lost, and the title with it)."""
        marks = [mark_beside(i, step) for step in (-1, 1)]
        text = lines[i].text.strip()
        return any(marks) and any(lines[j].text.strip() == text and [mark_beside(j, step) for step in (-1, 1)] == marks
                                  for j in edge if 0 < i - j <= MAX_HEAD_INTERVAL
                                  or 0 < j - i <= MAX_HEAD_INTERVAL and cuts_a_sentence(i))

    while grown := {i for i in placed.keys() - edge if i not in column and repeats_a_head(i)}:
        edge |= grown
    return sorted(edge), stems


def _counted_item(state: State, filled: list[int], k: int) -> bool:
    """An item of a numbered list (a note, '[20] Below.') whose neighbour item, a page edge's width away
    or less, counts on to or from it: however like another page's it reads, no page edge numbers so."""
    number = item_number(state.lines[filled[k]].text)
    if number is None:
        return False
    for step, wanted in ((-1, number - 1), (1, number + 1)):
        j = k + step
        while 0 <= j < len(filled) and abs(filled[j] - filled[k]) <= PAGE_EDGE_SPAN:
            if (found := item_number(state.lines[filled[j]].text)) is not None:
                if found == wanted:
                    return True
                break
            j += step
    return False


def _headings_opening_pages(state: State, placed: dict[int, set], anchors: set[int]) -> set[str]:
    """Shapes of numbered lines at page edges that are divisions' headings, each opening a page
    ('Chapter IV' right under the foot of the page before, never over a page's foot): the number
    changes from each to the next, and they stand HEADING_PAGES or more apart on the whole. A
    running head naming its chapter repeats its number page after page; a folio stands a page from
    the next."""
    lines = state.lines
    marks = Counter(_anchor_kind(lines[i].text) for i in anchors)
    pages = max(len(state.page_starts), max(marks.values(), default=0))
    if pages < MIN_RECURRENCE:
        return set()
    page = len(lines) / pages
    by_shape: dict[str, list[int]] = defaultdict(list)
    for i in sorted(anchors | set(placed)):
        key = shape(lines[i].text)
        if "#" in key and WORD.search(key) and len(_keys(lines[i].text)) == 1:  # no running head's stem
            by_shape[key].append(i)
    headings = set()
    for key, positions in by_shape.items():
        numbers = [NUMERAL.findall(lines[i].text.lower()) for i in positions]
        opening = all(placed[i] and all(offset > 0 for _, offset in placed[i]) and _folio_value(lines[i].text) is None
                      for i in positions)
        if len(positions) >= MIN_RECURRENCE and opening and all(a != b for a, b in zip(numbers, numbers[1:])) \
                and median(b - a for a, b in zip(positions, positions[1:])) >= HEADING_PAGES * page:
            headings.add(key)
    return headings


def _stray_numbers(state: State, edge: list[int]) -> set[int]:
    """Numbers alone at page edges that the count of the folios around them does not allow: text, not
    furniture (a chapter's 'V' between folios 71 and 72, a table's figures set one a line). The count
    is the folios that run on page by page (`_folio_counts`); a number outside the count, between two
    of its numbers, is a stray, and so is one in other numerals than the count's (a section's 'I'
    between folios 1 and 2, or where no count is in roman numerals). Past a count's end, where none
    follows or the next starts over (parts printed alone), a folio goes on from the last; or starts
    over beside a running head, a URL or a page break (a part's count; a chapter's number as its
    head, repeated), never past the last (a table's year); or is a part's first page, 1, not amid a
    table's figures, where the next number goes on from it or is a 1 opening a count (a part of one
    page before it)."""
    folios = [(i, v) for i in edge if (v := _folio_value(state.lines[i].text)) is not None]
    steps = sorted((b[0] - a[0]) / (b[1] - a[1]) for a, b in zip(folios, folios[1:]) if 0 < b[1] - a[1] <= FOLIO_SLACK + 1)
    page = steps[len(steps) // 2] if steps else MAX_PAGE_LINES  # lines a page, as the folios show it
    marks = [i for i in edge if _folio_value(state.lines[i].text) is None]  # running heads, URLs
    in_digits = {i: _in_digits(state.lines[i].text) for i, _ in folios}
    counted = _folio_counts(folios, page, marks, in_digits)
    in_count = set(counted)
    counted_kinds = {in_digits[i] for i, _ in counted} or {True, False}
    filled = [i for i, line in enumerate(state.lines) if line is not None and line.text.strip()]
    furniture = set(edge)
    page_edges = set(marks) | {j for j, line in enumerate(state.lines)  # a page break: the next page's first line
                               if line is not None and line.number in state.page_starts}

    def goes_on(a: int, b: int) -> bool:  # number b a page or a few after number a
        return 0 < b - a <= FOLIO_SLACK + 1

    def opens_a_count(n: int) -> bool:
        (i, value), following = folios[n], folios[n + 1] if n + 1 < len(folios) else None
        if value != 1 or following is None or following[0] - i < MIN_PAGE_LINES \
                or _in_column(state, filled, bisect.bisect_left(filled, i)):
            return False
        return goes_on(1, following[1]) or following[1] == 1 and (following in in_count or opens_a_count(n + 1))

    strays: set[int] = set()
    lasts: dict[bool, int] = {}  # the last number taken for a folio, in digits and in roman numerals
    for n, (i, value) in enumerate(folios):
        last = lasts.get(in_digits[i])
        k = bisect.bisect_left(counted, (i, value))
        before = counted[k - 1][1] if k else None
        after = counted[k][1] if k < len(counted) else None
        if (i, value) in in_count:
            stray = False
        elif before is not None and after is not None and before < after:
            # between two numbers of the count, no page holds a third (nor theirs again, nor one in other numerals)
            stray = not before < value < after or in_digits[i] != in_digits[counted[k][0]]
        elif last is not None:
            stray = not (goes_on(last, value) or value <= last and _beside(state, i, page_edges, furniture)
                         or opens_a_count(n))
        else:
            stray = in_digits[i] not in counted_kinds  # the first number past the counts: a folio in their numerals
        if stray:
            strays.add(i)
        else:
            lasts[in_digits[i]] = value
    strays |= _second_numbers(state, folios, counted, furniture)
    return strays - _numbered_heads(state, strays, page, furniture)


def _folio_counts(folios: list[tuple[int, int]], page: float, marks: list[int], in_digits: dict[int, bool]
                  ) -> list[tuple[int, int]]:
    """The folios (line, value) that run on page by page, MIN_RECURRENCE or more (so a table's figures,
    however many, are not each other's neighbours), the longest counts first, each in one kind of
    numerals (`in_digits`: a section's 'I' is no page 1 among folios in digits); a count amid a longer
    one is left out, and so is one with far fewer running heads between its numbers than the longest
    has (a table's figures counting up on a page or two, where running heads mark every page)."""
    def follows(a: tuple[int, int], b: tuple[int, int]) -> bool:  # a page or a few on, as far as those pages run
        pages = b[1] - a[1]
        return 0 < pages <= FOLIO_SLACK + 1 and max(MIN_PAGE_LINES, 0.5 * page * pages) <= b[0] - a[0] <= 1.5 * page * pages \
            and in_digits[a[0]] == in_digits[b[0]]

    def marks_a_page(count: list[tuple[int, int]]) -> float:  # of the pages a count spans, the marks between
        return (bisect.bisect_right(marks, count[-1][0]) - bisect.bisect_left(marks, count[0][0])) \
            / (count[-1][1] - count[0][1])

    reach = 1.5 * page * (FOLIO_SLACK + 1)  # lines from a folio to the next of its count, at most
    counted: list[tuple[int, int]] = []
    counts: list[list[tuple[int, int]]] = []
    left = folios
    while (count := _longest_count(left, follows, reach)) and len(count) >= MIN_RECURRENCE:
        taken = set(count)
        left = [f for f in left if f not in taken]
        if _fits_counts(count, counts) and (not counts or marks_a_page(count) >= MARKED_PAGES * marks_a_page(counts[0])):
            counts.append(count)
            counted.extend(count)
    return sorted(counted)


def _beside(state: State, i: int, marks: set[int], furniture: set[int]) -> bool:
    """Only blanks and furniture between line i and one of the marks (or the text's start or end); a
    page break's mark is the first line after it, so the edge lies right before that line."""
    for step in (-1, 1):
        j = i + step
        while abs(j - i) <= PAGE_EDGE_SPAN:
            if not 0 <= j < len(state.lines) or j in marks or step == -1 and j + 1 in marks:
                return True
            if j not in furniture and state.lines[j] is not None and state.lines[j].text.strip():
                break
            j += step
    return False


def _second_numbers(state: State, folios: list[tuple[int, int]], counted: list[tuple[int, int]],
                    edge: set[int]) -> set[int]:
    """A page has one folio: of two numbers at one page edge (only furniture and blanks between), one
    in the count's numerals (digits or roman) and one not ('1' and a section's 'I'), the other is text."""
    lines = state.lines
    if not counted:
        return set()

    def digits(i: int) -> bool:
        return _in_digits(lines[i].text)

    count_in_digits = 2 * sum(digits(i) for i, _ in counted) > len(counted)
    return {b if digits(a) == count_in_digits else a
            for (a, _), (b, _) in zip(folios, folios[1:])
            if b - a <= PAGE_EDGE_SPAN and digits(a) != digits(b)
            and all(k in edge or lines[k] is None or not lines[k].text.strip() for k in range(a + 1, b))}


def _numbered_heads(state: State, strays: set[int], page: float, furniture: set[int]) -> set[int]:
    """Strays that are a chapter's number as its running head ('I', 'I', 'II'): the same number at
    the edge of a page or two before or after, where no folio repeats; set apart from the text
    under it by a blank line (a section's number stands right over its text), and over words, or at
    a page's foot, set apart from the words above it, over the page's other furniture (blanks
    between or none); and no other stray on its page (a table's figures stand many a page, among
    figures); or a number set so once, repeating the number that opened its page or the page before
    (a short chapter's head). Where three numbers or more are heads so, a number set so once is one
    too where it falls in their count."""
    lines = state.lines
    filled = [i for i, line in enumerate(lines) if line is not None and line.text.strip()]

    def text(i: int) -> str:
        return lines[i].text.strip()

    def set_over_words(i: int) -> bool:
        below = filled[bisect.bisect_right(filled, i)] if i < filled[-1] else None
        return below is not None and below > i + 1 and lines[i + 1] is not None and WORD.search(text(below)) is not None

    def set_under_words(i: int) -> bool:
        k = bisect.bisect_left(filled, i)
        above = filled[k - 1] if k else None
        return above is not None and above < i - 1 and lines[i - 1] is not None and WORD.search(text(above)) is not None \
            and k + 1 < len(filled) and filled[k + 1] in furniture

    def repeats_its_heading(i: int) -> bool:  # the number opening a page (over its furniture) a page or two above
        return any(text(j) == text(i) and k and filled[k - 1] in furniture
                   for k in range(bisect.bisect_left(filled, i - HEAD_REPEAT_PAGES * page), bisect.bisect_left(filled, i))
                   if (j := filled[k]) not in furniture)

    alone = [i for i in strays if not any(j != i and abs(j - i) < 0.5 * page for j in strays)
             and (set_over_words(i) or set_under_words(i))]
    heads = [i for i in alone if repeats_its_heading(i)
             or any(0.5 * page <= abs(j - i) <= HEAD_REPEAT_PAGES * page and text(j) == text(i) for j in strays)]
    if len({text(i) for i in heads}) < MIN_RECURRENCE:
        return set(heads)
    # a chapter on a page or two shows its number once: it stands where the heads count it
    value = {i: _folio_value(text(i)) for i in alone}
    counted = sorted(heads)
    return set(heads) | {i for i in alone if (k := bisect.bisect_left(counted, i)) and k < len(counted)
                         and value[counted[k - 1]] <= value[i] <= value[counted[k]]}


def _fits_counts(count: list[tuple[int, int]], counts: list[list[tuple[int, int]]]) -> bool:
    """A shorter count (line, value) stands with the longer ones: not amid one of them, and where the
    counts around it count on across the gap it stands in (no part printed alone starts at 1 there),
    with values between theirs. A table's figures counting 1, 2, 3 do neither."""
    (first, low), (last, high) = count[0], count[-1]
    if any(first < other[-1][0] and other[0][0] < last for other in counts):
        return False
    before = max((other[-1] for other in counts if other[-1][0] < first), default=None)
    after = min((other[0] for other in counts if other[0][0] > last), default=None)
    return before is None or after is None or before[1] >= after[1] or before[1] < low and high < after[1]


def _longest_count(folios: list[tuple[int, int]], follows: Callable[[tuple[int, int], tuple[int, int]], bool],
                   reach: float) -> list[tuple[int, int]]:
    """The longest run of folios each following the one before (line, value), in order."""
    best = [1] * len(folios)
    back: list[int | None] = [None] * len(folios)
    for j, b in enumerate(folios):
        k = j - 1
        while k >= 0 and b[0] - folios[k][0] <= reach:
            if best[k] + 1 > best[j] and follows(folios[k], b):
                best[j], back[j] = best[k] + 1, k
            k -= 1
    if not folios:
        return []
    j: int | None = max(range(len(folios)), key=best.__getitem__)
    count = []
    while j is not None:
        count.append(folios[j])
        j = back[j]
    return count[::-1]


def _lost_pages(state: State, edge: list[int]) -> list[tuple[int, int, str]]:
    """Pages the extraction lacks: where page numbers of one kind ('Page 15 of 18', a folio) that
    count on page by page before or after skip a number or more with no more than a page of lines
    between them (a page with no number of its own, a chapter's opening, leaves its lines). Lines
    are counted without the blank ones (a table's cells set apart add many).
    (The line before the gap, the pages missing, what to report.)"""
    filled = [i for i, line in enumerate(state.lines) if line is not None and line.text.strip()]
    kinds: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i in edge:
        text, k = state.lines[i].text, bisect.bisect_left(filled, i)  # k: the line, counted as lines filled
        marks = _page_counts(text)
        for mark in marks:  # each count of a line: verso and recto may set them in turn
            kinds[shape(mark)].append((k, _page_number(mark)))
        if not marks and (number := _page_number(text)) is not None:
            kinds["folio"].append((k, number))  # a folio's kind is its own, beside whatever running head
    gaps: dict[tuple[int, int], tuple[int, int]] = {}  # (before, after) -> (line, pages missing)
    starts: list[tuple[int, int]] = []  # (line, pages missing) where a part's count starts past 1
    for kind, numbered in kinds.items():
        numbered = [n for k, n in enumerate(numbered)  # a number above both its neighbours is no page's
                    if not 0 < k < len(numbered) - 1 or not numbered[k - 1][1] < numbered[k + 1][1] < n[1]]
        steps = [b[0] - a[0] for a, b in zip(numbered, numbered[1:]) if b[1] == a[1] + 1]
        if len(steps) < MIN_RECURRENCE:
            continue
        page = median(steps)

        def next_page(k: int, short: bool = False) -> bool:  # numbered[k + 1] is the page after numbered[k]
            return 0 <= k < len(numbered) - 1 and numbered[k + 1][1] == numbered[k][1] + 1 \
                and (0 if short else 0.5 * page) <= numbered[k + 1][0] - numbered[k][0] <= 1.5 * page

        for k, ((i, a), (j, b)) in enumerate(zip(numbered, numbered[1:])):
            missing = min(b - a - 1, b - a - round((j - i) / page))  # a short page (a chapter's end) counts one
            # the count runs on, page by page, on one side at least (figures of a table do not)
            if 2 <= b - a <= FOLIO_SLACK + 1 and missing >= 1 and (next_page(k - 1) or next_page(k + 1)):
                gaps.setdefault((a, b), (_before_the_page_of(state, filled, filled[i], filled[j]), missing))
        # each part printed alone, its folios from 1 anew: a part whose count starts at 2 or a few past
        # lost its first pages, where most parts start at 1 and the counts on both sides run on page by
        # page, a page apart (numbers of sections mixed in do not); counts with their totals, 'Page 2
        # of 9', are _lost_document_pages'
        firsts = [0] + [k + 1 for k in range(len(numbered) - 1) if numbered[k + 1][1] < numbered[k][1]]
        if kind == "folio" and sum(numbered[k][1] == 1 for k in firsts) * 2 > len(firsts) >= MIN_RECURRENCE:
            starts += [(numbered[k - 1][0], numbered[k][1] - 1) for k in firsts  # (a part's last page may be short)
                       if k >= 2 and 2 <= numbered[k][1] <= FOLIO_SLACK + 1 and next_page(k - 2, short=True) and next_page(k)
                       and 0.5 * page <= numbered[k][0] - numbered[k - 1][0] <= 1.5 * page]
    return [(i, missing, f"{missing} page(s) between pages {a} and {b} (the page numbers skip them)")
            for (a, b), (i, missing) in sorted(gaps.items(), key=lambda g: g[1])] + \
        [(filled[i], missing, f"{missing} page(s) before page {missing + 1} (its part's page numbers start past 1)")
         for i, missing in starts]


def _before_the_page_of(state: State, filled: list[int], a: int, b: int) -> int:
    """Where pages lost between folio a and folio b stood: right after folio a's page, that is, before
    the page folio b stands on, where form feeds show where that page starts (a folio may head its
    page, under the foot of the page before); else at folio a (most folios stand at the foot)."""
    start = max((n for n in state.page_starts if n <= state.lines[b].number), default=None)
    if start is None or start <= state.lines[a].number:
        return a
    return filled[bisect.bisect_left(filled, start, key=lambda i: state.lines[i].number) - 1]


def _lost_facing_pages(state: State, filled: list[int], alone: set[int], edge: list[int]) -> list[tuple[int, int, str]]:
    """Pages lost where no number counts the pages but the heads of facing pages take turns, the book's
    own on versos (one text on a third of the heads or more) and the chapter's on rectos: two versos'
    heads in a row, or two rectos' naming one chapter (a part printed alone opens on a recto under
    another), a page of lines apart or less, stand either side of a page lost, where no title standing
    alone between them may be the other side's head, left in the text. Only where the heads take turns
    all through but there, so that every page shows one. (The line before the gap, the pages missing,
    what to report.)"""
    lines = state.lines
    if any(_page_number(lines[i].text) is not None for i in edge):
        return []  # _lost_pages counts them
    heads = [(i, text) for i in edge if reads_as_title(text := lines[i].text.strip()) and not _marks_page(text)]
    if len(heads) < MIN_FACING_HEADS:
        return []
    book, most = Counter(text for _, text in heads).most_common(1)[0]
    if most * 3 < len(heads):
        return []
    pairs = list(zip(heads, heads[1:]))
    repeated = [(a, b) for (a, text_a), (b, text_b) in pairs if text_a == text_b]
    turns = [b - a for (a, text_a), (b, text_b) in pairs if (text_a == book) != (text_b == book)]
    if not turns or len(repeated) > max(FOLIO_SLACK, FACING_BREAKS * len(pairs)):
        return []  # the heads do not take turns page by page
    page = median(turns)
    top = heads[0][0] <= filled[min(CLUSTER_REACH, len(filled) - 1)]  # the first page opens on its head
    return [(b if top else a, 1,  # the gap: right over the later head, or under the first
             "1 page (or an odd number) between two pages whose running heads stand for one side (the heads of facing "
             "pages stop taking turns)") for a, b in repeated if b - a <= FACING_SLACK_PAGE * page
            and not any(reads_as_title(lines[i].text.strip()) for i in alone if a < i < b)]


def _lost_document_pages(state: State, edge: list[int]) -> list[tuple[int, int, str]]:
    """Pages lost at a document's start or end, where each part of the book was printed as a document
    of its own, its pages counted 'Page 2 of 9': a document's count that starts past 1 lost the pages
    before it, one that stops short of its total the pages after it. Only where the documents' counts
    start at 1 and run to their total (two documents or more), so that the count is to be trusted;
    each kind of count (a URL's, a page's) on its own. A book printed as one document whose count
    starts at 1, or the last of such documents, stopping a page or a few short of its total lost its
    last pages. (The line before the gap, the pages missing, what to report.)"""
    kinds: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # (line, page, pages) of each count
    for i in edge:
        for mark in _page_counts(state.lines[i].text):
            if count := re.search(r"(\d+)\s+(?:of|/)\s+(\d+)", mark):
                kinds[shape(mark)].append((i, int(count.group(1)), int(count.group(2))))
    gaps: list[tuple[int, int, str]] = []
    for counts in kinds.values():
        documents: list[list[tuple[int, int, int]]] = []
        for i, page, pages in counts:
            if documents and documents[-1][-1][2] == pages and documents[-1][-1][1] < page:
                documents[-1].append((i, page, pages))
            else:
                documents.append([(i, page, pages)])
        whole = sum(1 for document in documents if document[0][1] == 1 and document[-1][1] == document[-1][2])
        trusted = len(documents) >= MIN_RECURRENCE and whole >= max(2, len(documents) // 2)
        (line, last, pages) = documents[-1][-1]
        if (trusted or len(documents) == 1 and documents[0][0][1] == 1) and 0 < pages - last <= FOLIO_SLACK \
                and not any(abs(line - seen) <= CLUSTER_REACH for seen, _, _ in gaps):  # another count's
            gaps.append((line, pages - last, f"{pages - last} page(s) after page {last} of {pages}, the last "
                                             "(the count stops short of its total)"))
        if not trusted:
            continue
        for document, following in zip(documents, documents[1:]):
            (line, last, pages), (_, first, total) = document[-1], following[0]
            missing = (pages - last if pages - last <= FOLIO_SLACK else 0) + (first - 1 if first - 1 <= FOLIO_SLACK else 0)
            if missing and not any(abs(line - seen) <= CLUSTER_REACH for seen, _, _ in gaps):  # another count's
                gaps.append((line, missing, f"{missing} page(s) between page {last} of {pages} and page {first} of "
                                            f"{total} (parts printed alone, their counts stop short or start past 1)"))
    return gaps


def _page_number(text: str) -> int | None:
    """The page number a line of furniture prints: 'Page 3 of 12', '(3 of 12)' after a URL, '3'."""
    text = _page_count(text) or text.strip()
    if PAGE_OF.match(text):
        return int(re.search(r"\d+", text).group())
    if PRINTED_URL.match(text):
        return int(re.search(r"\((\d+)\s+of\s+\d+\)", text).group(1))
    value = _folio_value(text)
    return value if value is not None and re.search(r"\d", text) else None


def _page_count(text: str) -> str | None:
    """'Page 3 of 12' or a browser's print footer 'http://… (3 of 12) [date' (its stamp may wrap): the
    line, or the margin box of it that -layout set beside a folio or a running head."""
    return next(iter(_page_counts(text)), None)


def _page_counts(text: str) -> list[str]:
    """Each page count of a line, the margin boxes -layout set side by side first."""
    def counts(box: str) -> bool:
        return bool(PAGE_OF.match(box) or PRINTED_URL.match(box))
    text = text.strip()
    return [box for box in MARGIN_BOXES.split(text) if counts(box)] or [text] * counts(text)


def _in_column(state: State, filled: list[int], k: int) -> bool:
    """Line filled[k] is figures, with figures on the line above or below it (a blank line between or not)."""
    def figures(j: int) -> bool:
        return 0 <= j < len(filled) and is_figures(state.lines[filled[j]].text)
    return figures(k) and any(figures(j) and abs(filled[j] - filled[k]) <= 2 for j in (k - 1, k + 1))


def _keys(text: str) -> list[str]:
    """What recurs of a line: its shape, and the stem of a running head that ends in the chapter's
    name ('Author — Title: <chapter>', or a one-word title's 'Title: <chapter>')."""
    line_shape = shape(text)
    stem = HEAD_PARTS.split(line_shape)
    if len(stem) > 1 and (len(stem[0]) >= 10 and len(stem[0].split()) >= 2 or re.fullmatch(r"[^\W\d_]{6,}", stem[0])):
        return [line_shape, f"{stem[0]}{STEM}"]
    return [line_shape]


def shape(text: str) -> str:
    """A line with its digits, numerals and spacing masked: what recurs from page to page."""
    return re.sub(r"\s+", " ", NUMERAL.sub("#", text.strip().lower()))


def _recurring_pairs(state: State, both: list[int], pairs: dict[int, int]) -> set[int]:
    """The lines of pairs that recur together, by shape, every page or two: a running head wrapped.
    Pairs that never recur word for word are each a heading of its own ('Letter II' over a greeting)."""
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in both:
        if i < pairs[i]:
            positions[shape(state.lines[i].text), shape(state.lines[pairs[i]].text)].append(i)
    out: set[int] = set()
    for found in positions.values():
        texts = Counter((state.lines[i].text.strip(), state.lines[pairs[i]].text.strip()) for i in found)
        if len(found) >= MIN_RECURRENCE and median(b - a for a, b in zip(found, found[1:])) <= MAX_HEAD_INTERVAL \
                and max(texts.values()) > 1:
            out.update(j for i in found for j in (i, pairs[i]))
    return out


def _standing_alone(state: State, filled: list[int]) -> tuple[set[int], dict[int, int]]:
    """Short lines with no text line right above or below them (a blank, a page break or the end);
    or in a run of at most five with a line of page furniture by itself (a running head, wrapped or
    not, over a folio and a page URL), and no line running on in lower case. Apart: the runs of two
    with no such line (a running head on two lines, or a title and its subtitle), each line paired
    with the other."""
    lines = state.lines
    out: set[int] = set()
    pairs: dict[int, int] = {}  # each line of a run of two with no page mark -> the other
    run: list[int] = []
    for i in [*filled, None]:
        if run and (i is None or i != run[-1] + 1 or lines[i].number in state.page_starts):
            short = all(len(lines[j].text.strip()) <= MAX_STANDING_ALONE for j in run)
            # a line running on in lower case makes the run text (a section's number over its first lines),
            # but for a running head's title wrapped onto it ('… in the Ancient State of Europe After' / 'the Fall')
            runs_on = any(RUNS_ON.match(lines[j].text.strip()) and not _marks_page(lines[j].text)
                          and not (j - 1 in run and _title_wrapped(lines[j - 1].text, lines[j].text)) for j in run)
            marked = any(_marks_page(lines[j].text) for j in run)
            if short and (len(run) == 1 or not runs_on and marked and len(run) <= MAX_RUN):
                out.update(run)
            elif short and len(run) == 2 and not marked and not RUNS_ON.match(lines[run[0]].text.strip()):
                pairs.update({run[0]: run[1], run[1]: run[0]})  # a running head on two lines, or a title and its subtitle
            run = []
        if i is not None:
            run.append(i)
    return out, pairs


def _title_wrapped(above: str, text: str) -> bool:
    """A line in lower case carrying on the title in Title Case above it: the two read as one title."""
    title = f"{above.strip()} {text.strip()}"
    return is_title_case(above) and is_title_case(title) and reads_as_title(title) and not SENTENCE_END.search(title)


def _anchor_kind(text: str) -> str:
    """What marks the page edge: a URL, a page count, a folio, or a line that recurs (by its shape)."""
    text = text.strip()
    for kind, pattern in (("url", URL_LINE), ("page count", PAGE_OF), ("folio", FOLIO)):
        if pattern.match(text):
            return kind
    return shape(text)


def _marks_page(text: str) -> bool:
    """A URL standing alone, 'Page 3 of 12', a print footer beside a folio (-layout), or a folio: page
    furniture by its form."""
    return bool(_page_mark(text) or MARGIN_BOXES.search(text.strip()) and _page_count(text) or FOLIO.match(text.strip()))


def _page_mark(text: str) -> str | None:
    """A URL standing alone or 'Page 3 of 12': the line, or one of the margin boxes -layout set on
    it ('Title        Page 3 of 12')."""
    text = text.strip()
    return next((box for box in (text, *MARGIN_BOXES.split(text)) if URL_LINE.match(box) or PAGE_OF.match(box)), None)


def _anchor_lines(state: State, filled: list[int], alone: set[int], pairs: dict[int, int]) -> set[int]:
    """Lines that mark a page edge by themselves, by a count that runs page by page, or by recurring
    at a regular interval."""
    lines = state.lines
    anchors = {i for i in filled  # by itself, wherever it stands (beside a folio, in -layout)
               if any(PRINTED_URL.match(box) for box in MARGIN_BOXES.split(lines[i].text.strip()))}
    anchors |= {i for i in alone if _page_mark(lines[i].text)}
    marked = bool(anchors or state.page_starts)  # pages marked by something besides a running head
    at_edges = _at_page_marks(state, filled, anchors)
    by_shape: dict[str, list[int]] = defaultdict(list)
    for i in sorted(alone):
        by_shape[shape(lines[i].text)].append(i)
    intervals = []  # the median interval of each line recurring at page edges
    running = []  # the positions of each running head (words) recurring at page edges
    stems: set[str] = set()  # of the running heads recurring at page edges ('Author — Title …')
    for key, positions in by_shape.items():
        if _regular(positions, key):
            interval = median(b - a for a, b in zip(positions, positions[1:]))
            if not WORD.search(key) and len(positions) < FOLIO_COVER * len(lines) / interval:
                continue  # a few numbers a page apart in a long book: sections' numbers
            counted = _counting_up(state, positions)
            anchors.update(at_edges(counted))
            intervals.append(interval)
            if WORD.search(key):
                running.append(positions)
                stems.update(_keys(lines[positions[0]].text)[1:])
            else:
                marked = True
    # a short chapter's heads, too few to recur on their own, recur with the others of their stem
    for stem in stems:
        positions = [i for i in sorted(alone) if stem in _keys(lines[i].text)]
        if _regular(positions, stem):
            anchors.update(positions)
    for positions in _wrapped_heads(state, filled, pairs):
        anchors.update(k for i in positions for k in (i, pairs[i]))
        intervals.append(median(b - a for a, b in zip(positions, positions[1:])))
        running.append(positions)
    folios = _folio_runs(state, sorted(alone), min(intervals, default=None), at_edges)
    anchors |= folios
    if not (marked or folios):  # the facing pages' heads stand by no other marks
        anchors |= _facing_heads(state, filled, alone, pairs, anchors, running)
    return {i for i in anchors if not _under_its_head(state, filled, i)}


def _under_its_head(state: State, filled: list[int], i: int) -> bool:
    """A chapter's title right under its page's head, which reads the same (-layout sets them at other
    columns): the head is furniture, the title is not."""
    k = bisect.bisect_left(filled, i)
    return k > 0 and state.lines[filled[k - 1]].text.strip() == state.lines[i].text.strip() \
        and _over_its_heading(state, filled, k - 1, set())


def _wrapped_heads(state: State, filled: list[int], pairs: dict[int, int]) -> list[list[int]]:
    """The positions (first lines) of each pair of lines standing alone together that recurs word for
    word at a regular interval: a running head wrapped on two lines (a long chapter's title in it).
    A pair opening the text may be its title: it stays."""
    by_text: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, j in sorted(pairs.items()):
        if i < j:
            by_text[state.lines[i].text.strip(), state.lines[j].text.strip()].append(i)
    return [[i for i in positions if i != filled[0]] for (first, _), positions in by_text.items()
            if _regular(positions, shape(first))]


def _chapter_heads(state: State, edge: list[int], stems: set[str]) -> list[tuple[int, str]]:
    """(line, chapter named) of each running head on the page edges whose stem is furniture ('Author —
    Title: <chapter>'), with the line of words right under it (its wrapped end; not a page mark, a
    URL's wrapped stamp)."""
    lines = state.lines
    on_edge = set(edge)

    def head(i: int) -> bool:
        return any(key in stems for key in _keys(lines[i].text))

    def words(i: int) -> bool:
        return i in on_edge and not head(i) and bool(HEAD_WORDS.fullmatch(lines[i].text.strip()))

    out = []
    for i in edge:
        if head(i):
            text = lines[i].text.strip()  # in -layout, the head's own box (a folio may stand beside it)
            box = next((box for box in MARGIN_BOXES.split(text) if any(key in stems for key in _keys(box))), text)
            end = lines[i + 1].text.strip() if words(i + 1) else ""
            out.append((i, HEAD_PARTS.split(f"{box} {end}".strip())[-1]))
    return out


def _title_heads(state: State, edge: list[int]) -> list[tuple[int, str]]:
    """(line, text) of each running head on the page edges that reads as a title, where the heads have
    no stem to name their chapter by: each head names the part it stands in, but for the book's own
    (one text on a third of the heads or more: the book's title or its author's name on each verso)."""
    lines = state.lines
    heads = [(i, text) for i in edge if reads_as_title(text := lines[i].text.strip()) and not MARGIN_BOXES.search(text)
             and not _marks_page(text)]
    counts = Counter(text for _, text in heads)
    return [(i, text) for i, text in heads if counts[text] * 3 < len(heads)]


def _lost_openings(state: State, filled: list[int], heads: list[tuple[int, str]]) -> list[tuple[int, int, int, str]]:
    """Chapters whose opening page the extraction lost, told by the running heads (furniture removed):
    they change to name a chapter whose title stands on no line from the last head naming another to
    the second naming it. Its text goes on at the top of the page the heads first name it on, or,
    where the heads stand at the pages' feet, right after the last head naming the chapter before:
    as the titles found stand in this book. A head naming a chapter by its number ('Chapter 3') is
    looked for as any heading of that number, and its title restored numbered as the text numbers the
    chapter before ('CHAPTER III', 'Letter III', 'III.'). None are restored where more than one title
    is not found and the text has fewer than MIN_TITLED titles for each. (The head naming the chapter
    before (-1 for none), the head before the lost page, the first line after it, the title.)"""
    lines = state.lines

    def next_text(i: int) -> int | None:
        k = bisect.bisect_right(filled, i)
        while k < len(filled) and lines[filled[k]] is None:
            k += 1
        return filled[k] if k < len(filled) else None

    def names(line: str, wanted: str | int) -> bool:  # the title on a line, after its number or wrapped
        form = heading_form(line, any_title=True)
        if isinstance(wanted, int):
            return form is not None and form.number == wanted
        keys = {normalise_title(line), *([normalise_title(form.title)] if form is not None and form.title else [])}
        return any(key.startswith(wanted) or len(key) >= 10 and wanted.startswith(key) for key in keys)

    untitled: list[tuple[int, int, str | int]] = []
    after_feet = Counter()  # of the titles found: right after the head before (the heads at the pages' feet) or not
    styles: list[tuple[int, tuple]] = []  # (head, how the text numbers the chapter) of those named by number
    for k, (at, name) in enumerate(heads):
        before, old = heads[k - 1] if k else (-1, None)  # the first: from the text's start
        if old is not None and normalise_title(old) == normalise_title(name):
            continue
        form = heading_form(name)
        numbered = form is not None and form.number is not None and not form.title
        if not (numbered or reads_as_title(name)):
            continue
        end = min(heads[k + 1][0] if k + 1 < len(heads) else len(lines), at + MAX_HEAD_INTERVAL)
        wanted = form.number if numbered else normalise_title(name)
        window = filled[bisect.bisect_right(filled, before):bisect.bisect_left(filled, end)]
        titled = next((j for j in window if lines[j] is not None and names(lines[j].text, wanted)), None)
        if titled is None:
            untitled.append((before, at, wanted if numbered else name))
            continue
        if numbered:
            styles.append((at, numbering(heading_form(lines[titled].text, any_title=True))))
        if before >= 0:  # (the first title follows the text's start, wherever the heads stand)
            after_feet[titled == next_text(before)] += 1
    if after_feet[True] == after_feet[False] or len(untitled) > max(1, sum(after_feet.values()) // MIN_TITLED):
        return []  # where the titles stand is not sure, or titles are too often not found to trust the rule
    feet = after_feet[True] > after_feet[False]

    def numbered_as_around(at: int) -> tuple | None:  # as the chapter before it is numbered, or the one after
        return next((style for head, style in reversed(styles) if head < at), styles[0][1] if styles else None)

    titles = [(before, at, name if isinstance(name, str) else numbered_as(numbered_as_around(at), name))
              for before, at, name in untitled]
    return [(before, heads_line, first, name) for before, at, name in titles if name and not (feet and before < 0)
            and (first := next_text(heads_line := before if feet else at)) is not None
            and heading_form(lines[first].text) is None]  # (a heading opening the page: the title is there, garbled)


def _wrapped_stem(text: str, stems: set[str], measure: int) -> bool:
    """A running head of the book's stem as long as the text's full lines or longer, so that it wrapped
    onto the line under it: a short chapter's head, its end seen too few times to recur."""
    return any(key in stems for key in _keys(text)) and len(text.strip()) >= measure


def _wrapped_heads_against_text(state: State, filled: list[int], edge: list[int], pairs: dict[int, int]) -> set[int]:
    """A running head wrapped on two lines, gone at three page edges or more, where it stands again word
    for word by a page mark but set right against the text of a full page (so standing alone no more)."""
    lines = state.lines
    on_edge = set(edge)
    gone = Counter((lines[i].text.strip(), lines[pairs[i]].text.strip()) for i in on_edge
                   if i in pairs and i < pairs[i] and pairs[i] in on_edge)
    heads = {texts for texts, n in gone.items() if n >= MIN_RECURRENCE}
    out: set[int] = set()
    for k in range(1, len(filled) - 2):
        i, j = filled[k], filled[k + 1]
        if i not in on_edge and j == i + 1 and (lines[i].text.strip(), lines[j].text.strip()) in heads \
                and (filled[k - 1] in on_edge or filled[k + 2] in on_edge):
            out |= {i, j}
    return out


def _facing_heads(state: State, filled: list[int], alone: set[int], pairs: dict[int, int], anchors: set[int],
                  running: list[list[int]]) -> set[int]:
    """Where a running head recurs every other page (the verso's) and nothing else marks the pages (no
    folio, page URL or page break), the head of each page facing it (the recto's: its chapter's title)
    stands alone halfway between two of its repeats. A line standing there, with no page mark near,
    is that head where the same words stand there twice or more, and such heads stand on three pages
    at least (a long head may wrap onto a second line). Once they are found, a division's opening
    page has one too, right over the heading it repeats ('Of Rivers' over 'III. Of Rivers and Lakes')."""
    position = {i: k for k, i in enumerate(filled)}
    standing = sorted(position[i] for i in alone | {i for i in pairs if i < pairs[i]})
    marks = sorted(position[i] for i in anchors)
    found: dict[str, list[list[int]]] = defaultdict(list)  # a head's words -> its lines, where it stands
    marked_halfway = 0  # facing pages whose head is a page mark already (recurring on a long chapter)
    for positions in running:
        ks = [position[i] for i in positions]
        m = median(b - a for a, b in zip(ks, ks[1:]))
        for a, b in zip(ks, ks[1:]):
            if not 0.8 * m <= b - a <= 1.25 * m:
                continue
            middle, slack = (a + b) / 2, max(2.0, FACING_SLACK * (b - a))
            if bisect.bisect_right(marks, middle + slack) > bisect.bisect_left(marks, middle - slack):
                marked_halfway += 1
                continue
            near = standing[bisect.bisect_left(standing, middle - slack):bisect.bisect_right(standing, middle + slack)]
            if near:
                i = filled[min(near, key=lambda k: abs(k - middle))]
                head = sorted({i, pairs.get(i, i)})
                found[" ".join(state.lines[j].text.strip() for j in head)].append(head)
    heads = {text: places for text, places in found.items() if len(places) >= 2}
    if marked_halfway + sum(map(len, heads.values())) < MIN_RECURRENCE:
        return set()
    return {i for places in heads.values() for head in places for i in head} \
        | {i for i in alone - anchors if _over_its_heading(state, filled, position[i], set(heads))}


def _over_its_heading(state: State, filled: list[int], k: int, heads: set[str]) -> bool:
    """A line standing over the heading it repeats: the heading's title (after its label and number,
    or on the line under a label alone) is the line's words, or opens with them where the line is a
    facing page's head elsewhere (a part's title over its first chapter's longer one is no head); or
    the line is the heading's label and number alone, in whatever numerals."""
    text = state.lines[filled[k]].text.strip()
    fold = str.casefold if is_capitals(text) else str  # a head set in capitals; else it keeps the title's case
    words = TOKEN.findall(fold(text))
    following = [state.lines[i].text.strip() for i in filled[k + 1:k + 4] if state.lines[i] is not None]
    if not words or not following:
        return False
    form = heading_form(following[0])
    own = heading_form(text)
    if own is not None and own.label and not own.title and form is not None and form.label \
            and (own.label.casefold(), own.number) == (form.label.casefold(), form.number):
        return True  # its label and number, in other numerals ('Book I' over 'Book One')
    if form is not None and not form.title:  # a label alone: its title is on the line under it, or two
        titles = [title for title in (following[1:2], following[1:3]) if reads_as_title(" ".join(title))]
    elif form is not None or reads_as_title(following[0]):
        first = form.title if form else following[0]
        titles = [[first], [first, *following[1:2]]]  # the title, or the title wrapped
    else:
        return False
    title_words = [TOKEN.findall(fold(" ".join(title))) for title in titles]
    return words in title_words or text in heads and any(t[:len(words)] == words for t in title_words)


def _at_page_marks(state: State, filled: list[int], marks: set[int]) -> Callable[[list[int]], list[int]]:
    """Where page marks of their own (URLs, page counts, form feeds) show the page edges, a run of
    numbers is folios only if most stand near one: sections numbered 'I', 'II', 'III' a page apart
    count up as folios do, but amid the text (a folio drifts there only on a page of table columns).
    A number amid the text in other numerals than the run's ('I' among '1', '2') is no folio either.
    A line with words is always let through: its recurrence decides."""
    position = {i: k for k, i in enumerate(filled)}
    edges = sorted([position[i] for i in marks] + [k for k, i in enumerate(filled)
                                                    if state.lines[i].number in state.page_starts])

    def near(i: int) -> bool:
        k = bisect.bisect_left(edges, position[i])
        return any(abs(edges[j] - position[i]) <= CLUSTER_REACH + 1 for j in (k - 1, k) if 0 <= j < len(edges))

    def at_edges(run: list[int]) -> list[int]:
        """The run's lines that mark page edges: none where most of its numbers stand amid the text."""
        if len(edges) < MIN_RECURRENCE:
            return run
        numbers = [i for i in run if _folio_value(state.lines[i].text) is not None]
        if 2 * sum(map(near, numbers)) < len(numbers):
            return []
        digits = [_in_digits(state.lines[i].text) for i in numbers]
        in_digits = 2 * sum(digits) > len(digits)
        other_numerals = {i for i, d in zip(numbers, digits) if d != in_digits}
        return [i for i in run if i not in other_numerals or near(i)]
    return at_edges


def _counting_up(state: State, positions: list[int]) -> list[int]:
    """Numbers recurring at page edges are folios, but two a line or two apart cannot both be: the one
    the count does not expect (a table cell, a list number beside the folio) is text."""
    value = {i: _folio_value(state.lines[i].text) for i in positions}
    kept: list[int] = []
    for i in positions:
        if kept and i - kept[-1] <= 3 and value[i] is not None and value[kept[-1]] is not None:
            before = value[kept[-2]] if len(kept) > 1 else None
            expected = before + 1 if before is not None else None
            if expected is not None and value[i] == expected and value[kept[-1]] != expected:
                kept[-1] = i  # the later one counts on: the earlier was text
            continue
        kept.append(i)
    return kept


def _folio_runs(state: State, alone: list[int], page: float | None, at_edges: Callable[[list[int]], list[int]]) -> set[int]:
    """Numbers standing alone that count up (by 1, or a little more where pages are missing) with a
    page's worth of lines between them: where lines recurring at the page edges tell the page's
    length, about that many lines a number (section numbers count up too, a section or so apart), and
    near the page edges where other marks show them (`at_edges`). Folios number most pages: where
    those lines tell how many pages there are, a few numbers are not folios."""
    value = {i: v for i in alone if (v := _folio_value(state.lines[i].text)) is not None}
    runs: list[list[int]] = []
    going_on: dict[bool, list[int]] = {}  # the last run in digits and in roman numerals: a run is in one
    for i in sorted(value):
        kind = _in_digits(state.lines[i].text)
        run = going_on.get(kind)
        if run and 0 < value[i] - value[run[-1]] <= FOLIO_SLACK + 1 and MIN_PAGE_LINES <= i - run[-1] <= MAX_PAGE_LINES:
            run.append(i)
        else:
            going_on[kind] = [i]
            runs.append(going_on[kind])

    def paged(run: list[int]) -> bool:
        steps = [(b - a) / (value[b] - value[a]) for a, b in zip(run, run[1:])]
        return page is None or 0.5 * page <= median(steps) <= 1.5 * page

    folios = {i for run in runs if len(run) >= 4 and paged(run) for i in at_edges(run)}
    if page is not None and len(folios) < FOLIO_COVER * len(state.lines) / page:
        return set()  # a few numbers a page apart on a book with many pages: sections' numbers
    return folios


def _folio_token(text: str) -> str | None:
    """The folio a line is, or holds beside a running head ('Title        - 12 -', as -layout sets them;
    beside a page's URL or count, the line marks its page already, and its number is that mark's)."""
    boxes = MARGIN_BOXES.split(text.strip())
    if len(boxes) == 2 and sum(bool(re.search(r"[^\W\d_]{2}", box)) for box in boxes) == 1 \
            and not any(_page_mark(box) or PRINTED_URL.match(box) for box in boxes):
        text = next((box for box in boxes if FOLIO.match(box)), text)
    match = FOLIO.match(text.strip())
    return match.group(1) if match else None


def _folio_value(text: str) -> int | None:
    token = _folio_token(text)
    return None if token is None else int(token) if token.isdigit() else roman_value(token)


def _in_digits(text: str) -> bool:
    """The folio the line is, or holds, is in digits (not in roman numerals)."""
    return (_folio_token(text) or "").isdigit()


def _regular(positions: list[int], key: str) -> bool:
    """Recurring at a page's interval: most gaps near their median, or near twice it (a page without
    it). A running head (words, not a number) recurring every page or two may also stand a page or
    a page and a half apart, where a chapter opens a page of its own."""
    if len(positions) < 4:
        return False
    gaps = [b - a for a, b in zip(positions, positions[1:])]
    m = median(gaps)
    if m < 12:
        return False
    if m <= MAX_HEAD_INTERVAL and re.search(r"[^\W\d_]", key):
        near = sum(1 for g in gaps if 0.45 * m <= g <= 2.5 * m)
    else:
        near = sum(1 for g in gaps if 0.8 * m <= g <= 1.25 * m or 1.6 * m <= g <= 2.5 * m)
    return near >= 0.7 * len(gaps)


def _places(state: State, filled: list[int], alone: set[int], anchors: set[int]
            ) -> tuple[dict[int, set], dict[int, set]]:
    """Each line standing alone near a page edge, with its places: its distance (in lines standing
    alone) from each anchor beside it, named by the anchor's shape, or from a form feed or the text's
    start; and the lines between it and each edge, the one next to it (None: the edge itself)."""
    position = {i: k for k, i in enumerate(filled)}
    index_of = {state.lines[i].number: i for i in filled}
    edges: list[tuple[str, int, int]] = [(f"at {_anchor_kind(state.lines[a].text)}", position[a], 0) for a in anchors]
    for number in state.page_starts:  # a form feed: the edge lies before the page's first line
        if number in index_of:
            edges.append(("at a page break", position[index_of[number]], 1))
    if filled:  # the first page's top: only a running head's stem is furniture by itself there
        edges.append(("at the start", 0, 1))
    placed: dict[int, set] = defaultdict(set)
    nearer: dict[int, set] = defaultdict(set)
    for name, k, first in edges:
        for direction in (-1, 1):
            step = 0 if direction == 1 and first else 1
            offset = 0
            previous = filled[k]  # the line last placed, or the anchor
            inner = None if first else previous  # a page break or the start: the edge is right there
            while offset < CLUSTER_REACH:
                j = k + direction * step
                if not 0 <= j < len(filled):
                    break
                # the lines right beside an anchor (two: a running head wrapped) may be set against the
                # text (a full page leaves no blank): they are placed too, and only their recurring
                # there can make them furniture
                beside = offset < BESIDE and abs(filled[j] - previous) == 1 \
                    and len(state.lines[filled[j]].text.strip()) <= MAX_STANDING_ALONE
                if filled[j] not in alone and not beside:
                    break
                offset += 1
                if filled[j] not in anchors:
                    placed[filled[j]].add((name, direction * offset))
                    nearer[filled[j]].add(inner)
                previous = inner = filled[j]
                step += 1
    return placed, nearer
