"""Structure: which blocks are division and section headings, quotations, verse, lists, dialogue,
datelines, bylines, epigraphs, scene breaks.

Headings are decided for the whole book at once, from evidence a reader would use: a numbering
that runs through the book ('Chapter I', 'II. Title', a numeral alone and a title), the names of
front and back matter, the source's own contents list, and, for a line with no number, that it
reads as a title and stands where a heading stands (text follows it; it does not close a
quotation's lead-in; in a PDF extraction, a division opens a page). A numbering that starts
again inside divisions numbers sections. Every block ends with a kind the tree builder knows:

    heading (level 0: a division, with division and label; level 1: a section; level 2: a
    section's numbered sections), para, quote, attribution, verse, dialogue, list, dateline,
    byline, epigraph, scene-break, poem-title (a quoted poem's, in a division's prose)
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import takewhile

from ..read import SourceLine, TextKind
from ..wordcount import count_tokens
from .blocks import Block
from .front import normalise_title
from .headings import (CALLS_AT_END, MAX_TITLE, MAX_TITLE_LINES, MINOR_WORDS, ROMAN, SENTENCE_INSIDE, HeadingForm,
                       abbreviation_inside, closes_unopened, heading_form, is_capitals, is_title_case, number_value,
                       numbered_as, numbering, reads_as_title, titles_its_first_line)
from .pages import MAX_HEAD_INTERVAL
from .patterns import DATELINE, END_MARK, SENTENCE_END, WORD, YEAR, item_number
from .state import State
from .stacks import TOTAL, is_figures
from .tables import CAPTION

LIST_ITEM = re.compile(r"^(\(?\d+\)\s*|\[\d+\]\s*|\d+\.\s*|\(?[a-z]\)\s+|[•·▪–-]\s+)\S")
SPEAKER = re.compile(r"^[A-Z][\w’'.-]*( [A-Z][\w’'.-]*)?:\s+\S")
BYLINE = re.compile(r"^by\s+[A-Z][\w.’'-]+(\s+[A-Z][\w.’'-]+){0,3}$")
SOURCE_LINE = re.compile(r"^\(\s*[^()]{3,200}\)$")
NOTES_WORD = re.compile(r"\b(notes?|endnotes?|footnotes?|references?|sources?|annotations?)\b", re.I)
BREADCRUMB = re.compile(r"^\S.*\s[›»>|]\s\S")
MARKED_NOTE = re.compile(r"^\s*(\[\d{1,4}\]|\(\d{1,4}\))\s*\S")
NAME_TITLES = {"Mr", "Mrs", "Dr", "Sir", "Lord", "St"}
_NAME_WORD = r"(?:(?:Mrs?|Dr|Sir|Lord|St)\.?\s+|[A-Z][\w’'-]*\.?\s*|(?:de|von|van|du|la|le)\s+)"
PREPOSITION_FIRST = re.compile(r"(?:From|With|Into|Upon|Over|Under|After|Before|Through|Across|Among|Beyond|By)\s")
NAME_LINE = re.compile(rf"^(?!(?:The|A|An|On|In|Of|To|For|At)\s)(?:[—–-]\s*{_NAME_WORD}{{1,5}}|{_NAME_WORD}{{2,5}})(?:,\s[^:;]*)?$")
EPIGRAPH = re.compile(r"^(?P<text>.{10,300}?)\s*\((?P<who>[A-Z][\w.’'-]*(\s+[A-Z][\w.’'-]*){0,4})\)$")
ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")  # '16th', '2nd'
GLUED_CALL = re.compile(r"(?<=[^\W\d])\d{1,3}$")  # a bare note call glued to a title's last word
SCENE_BREAK = re.compile(r"^[*⁂#~]+( *[*#~])*$")
SENTENCE = re.compile(r"[.!?…][’'”\")\]]*$")
CUT_OFF = re.compile(r"(?<!\S)[a-z](?:\S*[^\W\d_])?$|[^\W\d_][-\u2010]$")  # stopping on a word in lower case, or a hyphen
SENTENCE_OPENER = re.compile(r"^(But|And|Or|Nor|Yet|So|Then|Now|Thus|Hence|For|If|When|Yes|No)\b[ ,]")  # in sentence case
EPIGRAPH_WORDS = 100
LONG_EPIGRAPH_WORDS = 200  # of a quotation whose source line names its author and work ('A. Writer, A Work')
LONG_SOURCE = 24  # words of a source line naming its author before a comma, then a long title
BODY = 100  # characters: a block this long (or of several lines) is running text, not a heading
FRONT_BLOCKS = 40  # the blocks at the start of a text where front matter (epigraphs) can stand
SPEAKER_REACH = 6  # blocks either side where a line that stands again is a speaker's name
TEXT_WORDS = 30  # words of a paragraph opening a division's text (more than a line of verse)
ARTICLE_WORDS = 12_000  # a text this short with only titled headings is an article with sections
CHAPTER_WORDS = 1_500  # the usual length of a chapter; numbered sections run shorter
PART, CHAPTER, SECTION = 0, 1, 2
NOTE_ITEM_REACH = 3  # blocks from a note list's first item to its second, a note's further lines between
NOTE_LINES_AMID = 8  # short lines either side of a line, between two note items, that are the first item's note
SKIPPED_NUMBERS = 3  # headings' numbers a count may skip (pages or lines lost)
WRAPPED_TITLE = 0.6  # of a full line: a heading's line with the next word (set larger than the text) wraps
MEASURED_LINE = 40  # characters: a line this long is running text, whose start and end give the measure
HEAD_OVER_TITLE = 4  # lines from a running head to a title under it on the same page (blanks between)
TITLE_FORM_LINES = 3  # other lines reading as titles that open with a line's first two words: it has the book's titles' form


def recognise_structure(state: State) -> None:
    """Headings, quotations, verse, lists, dialogue and the rest, each block given its kind."""
    pdf = state.kind is TextKind.PDF
    blocks = state.blocks if pdf else _split_runs(state.blocks)
    _mark_notes_headings(blocks)
    blocks = _Headings(state, blocks, pdf).find()
    _epigraphs(blocks, state.site_trailer)
    (_pdf_kinds if pdf else _web_kinds)(blocks)
    _nest_numbered_sections(blocks)
    _nest_series(blocks)
    _demote_empty_sections(blocks)
    if state.config.division == "article":  # an article has sections, never chapters
        for block in blocks:
            if block.kind == "heading":
                block.level = 1
    state.blocks = blocks


# ---------------------------------------------------------------- headings, for the whole book

@dataclass
class _Found:
    """A heading found at a block: its form (None: a titled heading), its level, and where it came from."""

    form: HeadingForm | None
    level: int
    why: str
    title_blocks: list[int] = field(default_factory=list)  # following blocks that are its title
    subtitle: int | None = None
    wrapped: list[int] = field(default_factory=list)  # in print: lines the title ran on to


class _Headings:
    def __init__(self, state: State, blocks: list[Block], pdf: bool):
        self.state, self.blocks, self.pdf = state, blocks, pdf
        self.lines = [i for i, b in enumerate(blocks) if self._is_line(b)]
        hints = state.config.structure
        self.headings, self.not_headings = set(hints.headings), set(hints.not_headings)
        self.lines = [i for i in self.lines if blocks[i].text.strip() not in self.not_headings]
        self.forms = {i: f for i in self.lines if (f := heading_form(blocks[i].text))}
        self.found: dict[int, _Found] = {}
        self.used: set[int] = set()  # blocks taken as the title of a heading before them
        self.named_by_heads: set[int] = set()  # in print: divisions' titles the running heads name
        self.common = _common_words(blocks)
        self.authors = {*state.config.authors, *state.info.authors}  # a line naming one signs or bylines a text
        self.measure = _measure(state.lines) if pdf else None
        self.title_openings: Counter | None = None  # the first two words of the lines reading as titles

    def _is_line(self, block: Block) -> bool:
        if self.pdf:
            return block.kind == "short"
        return block.kind == "para" and len(block.lines) == 1

    def find(self) -> list[Block]:
        if self.pdf:
            self._running_heads_over_titles()
        self._contents_entries()
        self._numbered()
        if self.pdf and self.state.page_starts:
            self._title_pages()
        self._named()
        for i in sorted(self.found):
            if i in self.found:  # not taken as the title of the heading before it
                self._attach_title(i)
        for i in sorted(self.found):
            self._wrap_title(i)
        if self.pdf:
            self._section_lists()
            self._named_by_running_heads()
        self._titled()
        if self.pdf and self.state.page_starts:
            self._levels_by_page()
        self._quoted_poem_titles()
        return self._make_blocks()

    def _quoted_poem_titles(self) -> None:
        """A title over verse, between a paragraph of prose and more prose after the verse, the one
        heading over verse in a book of prose divided into chapters only (where chapters have
        sections, a section may open on a poem): the title of a poem quoted in the text, no heading
        of a division or a section ('A Song of Lamps', between '… in these words:' and the prose that
        answers the poem). It stays a line of its own, the poem's title. (In print, verse is lines
        of their own, one under the other, none running text.)"""
        over_verse = [i for i in self.found if self._verse_follows(i)]
        stanzas = sum(self._verse_follows(j - 1) and not self._verse_run(j - 1)  # (in print, a run of lines once)
                      for j in range(1, len(self.blocks)))
        if len(over_verse) != 1 or stanzas * 4 > sum(map(self._prose_at, range(len(self.blocks)))):
            return  # headings over verse again and again (each chapter's verse epigraph), or a book of poems
        i = over_verse[0]
        found = self.found[i]
        if found.why != "titled" or found.title_blocks or found.subtitle is not None or not self._prose_at(i - 1) \
                or any(f.level > CHAPTER for k, f in self.found.items() if k != i):
            return
        j = i + 1
        while j < len(self.blocks) and (self._verse_follows(j - 1) if not self.pdf else self._verse_line(j)):
            j += 1  # past the poem's stanzas
        if self._prose_at(j):
            del self.found[i]
            self.blocks[i].kind = "poem-title"

    def _verse_line(self, j: int) -> bool:
        """In print, block j is a line of its own right under the block before (or opening a page)."""
        block = self.blocks[j]
        return j not in self.found and block.first == block.last \
            and (block.first == self.blocks[j - 1].last + 1 or self._opens_page(j))

    def _prose_at(self, j: int) -> bool:
        """A paragraph of running text, no heading, at block j."""
        return 0 <= j < len(self.blocks) and j not in self.found and j not in self.used \
            and self.blocks[j].kind == "para" and len(self.blocks[j].lines) == 1 and self._is_body(self.blocks[j])

    def _running_heads_over_titles(self) -> None:
        """A line opening a page (the book's first, or one after a break), right over a line it repeats:
        the page's running head over the title ('Preface and Plan' over 'Preface and Plan of the
        Work', 'Part II' over 'Part Two'). It is dropped, logged; the title stays."""
        for n, i in enumerate(self.lines[:-1]):
            after = self.lines[n + 1]
            text = self.blocks[i].text.strip()
            if after == i + 1 and self._opens_page(i) and re.search(r"[^\W\d_]", text) \
                    and any(_repeats_title(text, title) for title in self._title_readings(n + 1)):
                self.state.diagnostics.add("furniture.running-head", self.blocks[i].first, text)
                self.blocks[i].kind = "removed"
                self.state.page_starts.add(self.blocks[after].first)  # the title opens the page
        self.lines = [i for i in self.lines if self.blocks[i].kind != "removed"]
        self.forms = {i: f for i, f in self.forms.items() if i in self.lines}

    def _title_readings(self, n: int) -> set[str]:
        """The title on line self.lines[n] as a running head can repeat it: as it stands, without its
        number ('II. Title'), and each with the line right under it (a title wrapped)."""
        i = self.lines[n]
        form = self.forms.get(i)
        readings = {self.blocks[i].text.strip(), *([form.title.strip()] if form and form.title else [])}
        if n + 1 < len(self.lines) and self.lines[n + 1] == i + 1:
            readings |= {f"{r} {self.blocks[i + 1].text.strip()}" for r in readings}
        return readings

    def _levels_by_page(self) -> None:
        """In print, divisions open a page: where the pages are known, a heading that opens one is a
        chapter's, and one that does not is a section's. A heading named by a label keeps its level, and
        so does a numbered one under labelled chapters: a section 'II' can open a page by chance."""
        opening = [i for i in self.found if self._opens_page(i)]
        if len(opening) < 2:
            return
        labelled = any(f.form is not None and f.form.label and f.level == CHAPTER for f in self.found.values())
        for i, found in self.found.items():
            if found.form is not None and (found.form.label or labelled and found.form.number is not None) \
                    or i in self.named_by_heads:
                continue
            found.level = CHAPTER if self._opens_page(i) else SECTION

    # -- evidence

    def _contents_entries(self) -> None:
        """Lines the source's own contents list names, matched in order: divisions."""
        keys = [normalise_title(text) for _, text in self.state.contents]
        k = 0
        for i in self.lines:
            if k >= len(keys):
                break
            titles = _title_keys(self.blocks[i].text)
            match = next((j for j in range(k, min(len(keys), k + 4)) if keys[j] in titles), None)
            if match is not None:
                self.found[i] = _Found(self.forms.get(i), CHAPTER, "contents")
                k = match + 1

    def _named_by_running_heads(self) -> None:
        """A title standing where the running heads change to name it (the heads before it name another
        chapter, or there are none; the first after it, within two pages, or the head of its own page
        right over it, names this one): a chapter's, though the page it opens is not known (the pages
        before it had no running head or folio)."""
        heads = sorted(self.state.chapter_heads)
        if not heads:
            return
        numbers = [number for number, _ in heads]
        for i in self.lines:
            found = self.found.get(i)
            if i in self.used or found is not None and (found.form is None or found.form.number is not None):
                continue
            block = self.blocks[i]
            title = block.text.strip()
            readings = {normalise_title(t) for t in [title, *([f"{title} {self.blocks[i + 1].text.strip()}"]
                                                             if i + 1 in self.lines else [])]}
            k = bisect.bisect_left(numbers, block.first)
            if k and block.first - heads[k - 1][0] <= HEAD_OVER_TITLE and normalise_title(heads[k - 1][1]) in readings:
                naming, before = k - 1, k - 2  # its own page's head, right over it
            elif k == len(heads) or heads[k][0] - block.last > MAX_HEAD_INTERVAL:
                continue
            else:
                naming, before = k, k - 1
            name = normalise_title(heads[naming][1])
            if before >= 0 and normalise_title(heads[before][1]) == name:
                continue  # the heads name this chapter already: the line is no opening
            # named as it stands, it may close on '!' ('Salut au Monde!'; not a refrain 'Passage to India!')
            if name not in readings or not reads_as_title(title, attached=title == heads[naming][1].strip()):
                continue
            self.named_by_heads.add(i)
            if found is not None:
                found.level = CHAPTER  # a division named by its form ('Preface to …'), opening no known page
            else:
                self.found[i] = _Found(self.forms.get(i), CHAPTER, "running heads")
                self._wrap_title(i)

    def _numbered(self) -> None:
        """Numberings that run through the book: each family of forms (the label and kind of numeral)
        is a heading numbering when its numbers count up, restarting only after a higher heading."""
        families: dict[str, list[int]] = {}
        for i, form in self.forms.items():
            if form.number is not None:
                families.setdefault(_family(form), []).append(i)
        labelled_chapters = any(self.forms[m[0]].label and self.forms[m[0]].level == "chapter"
                                for m in families.values())
        for family, members in sorted(families.items(), key=lambda kv: not self.forms[kv[1][0]].label):
            members = [i for i in members if i not in self.found and self._heading_place(i) and not self._in_list(i)
                       and not self._amid_figures(i)]
            if not members:
                continue
            form = self.forms[members[0]]
            if form.label:
                for i in members:
                    if self._numbered_already(i, families):
                        self.state.diagnostics.add("flag.repeated-heading", self.blocks[i].first, self.blocks[i].text.strip())
                        continue
                    self.found[i] = _Found(self.forms[i], PART if self.forms[i].level == "part" else CHAPTER, "label")
                continue
            top, nested = self._split_numbering(members)
            if len(top) + len(nested) < 0.75 * len(members):
                continue  # numbers in no count ('4.', '26.', '253.': a note's or a table's)
            if len(top) == 1 and nested and self.forms[top[0]].number <= 1 + SKIPPED_NUMBERS \
                    and self._counts_up(top + nested, restarts=True):
                top, nested = [], top + nested  # counts restarting in each chapter, the first's opening lost ('II' first)
            elif not self._counts_up(top) and not (len(members) == 1 and self._stands_alone(top[0])):
                continue
            parts_only = any(f.form and f.level == PART for f in self.found.values()) and not labelled_chapters
            # a count that starts again only after it ended, no higher heading numbered: both are the
            # sections of divisions the dump did not number
            restarted = bool(nested) and min(nested) > max(top, default=-1) and not parts_only
            top_level = SECTION if labelled_chapters or restarted else CHAPTER
            nested_level = CHAPTER if parts_only or self._hold_chapters(top, nested) else SECTION
            for i in top:
                self.found[i] = _Found(self.forms[i], top_level, "numbering")
            if self._counts_up(nested, restarts=True):
                for i in nested:
                    self.found[i] = _Found(self.forms[i], nested_level, "numbering")

    def _title_pages(self) -> None:
        """In print, a numeral alone at the top of a page with only its title (a line or two) under it
        before the next page is a division's title page ('II' / 'Of the uses of money.'). Where
        such pages count up, each is a division: a line in Title Case its title, one in sentence case
        (what the division holds) its subtitle."""
        pages: list[tuple[int, list[int]]] = []
        for i, form in self.forms.items():
            if i in self.found or form.number is None or form.title is not None or not form.style.startswith("alone") \
                    or not self._opens_page(i):
                continue
            under = list(takewhile(lambda j: j < len(self.blocks) and not self._opens_page(j)
                                   and self.blocks[j].kind in ("short", "para"), range(i + 1, i + 4)))
            after = i + 1 + len(under)
            if 1 <= len(under) <= 2 and (after == len(self.blocks) or self._opens_page(after)) \
                    and sum(self.blocks[j].last - self.blocks[j].first + 1 for j in under) <= 3 \
                    and all(self.blocks[j].text[:1].isupper() for j in under):
                pages.append((i, under))
        if not self._counts_up([i for i, _ in pages]):
            return
        for i, under in pages:
            title = is_title_case(self.blocks[under[0]].text) and reads_as_title(self.blocks[under[0]].text, attached=True)
            self.found[i] = _Found(self.forms[i], CHAPTER, "title page", title_blocks=under[:1] if title else [])
            if len(under) == 2 or not title:  # a line in sentence case says what the division holds
                self.found[i].subtitle = under[-1]
            self.used.update(under)

    def _split_numbering(self, members: list[int]) -> tuple[list[int], list[int]]:
        """One family can number two levels (chapters 'I', 'II' and their sections 'I', 'II'): a number
        that continues the outer count where the inner one cannot, or opens a page, is outer. Where
        the inner count's last number opened a page too (each division printed on its own), a number
        opening a page is outer only if it opens a count ('II', then '1')."""
        top: list[int] = []
        nested: list[int] = []
        counts: list[int] = []  # the last numbers of the inner count and of the one it opened inside (parts of a chapter)
        holders: list[int] = []  # the members holding those numbers
        for n, i in enumerate(members):
            value = self.forms[i].number
            top_next = not top or value == self.forms[top[-1]].number + 1
            count = _count_going_on(counts, value)
            opens_count = n + 1 < len(members) and self.forms[members[n + 1]].number == 1
            if top_next and (count is None or counts[count] != value - 1 or self._opens_page(i)
                             and (opens_count or not self._opens_page(holders[count]))):
                top.append(i)
                counts.clear()
                holders.clear()
            elif value == 1 or count is not None:
                nested.append(i)
                if count is None:  # a count opens ('1'), inside the last one, which stays open
                    counts[:], holders[:] = [*counts[-1:], value], [*holders[-1:], i]
                else:  # a count goes on; any opened inside it is closed
                    counts[count:], holders[count:] = [value], [i]
            elif top and 0 < value - self.forms[top[-1]].number <= SKIPPED_NUMBERS:
                top.append(i)  # numbers skipped (pages or lines lost)
                counts.clear()
                holders.clear()
        return top, nested

    def _numbered_already(self, i: int, families: dict[str, list[int]]) -> bool:
        """A label and number that a larger family of the same label has ('Chapter XXII' where the
        chapters are 'Chapter Twenty-Two'): a running head naming its chapter, not a second chapter."""
        form = self.forms[i]
        label = form.label.lower()
        own = families[_family(form)]
        return any(len(members) > len(own) and self.forms[members[0]].label.lower() == label
                   and any(self.forms[k].number == form.number for k in members)
                   for members in families.values() if members is not own and self.forms[members[0]].label)

    def _hold_chapters(self, top: list[int], nested: list[int]) -> bool:
        """A numbering whose every unit opens a count of its own that runs to chapter length ('I. Of Lamps'
        over 'I. The Keepers', 'II. The Towers'): a book's parts over its chapters, not chapters over
        their sections."""
        if len(top) < 3 or len(nested) < 2 * len(top):
            return False
        if any(not any(a < i < b for i in nested) for a, b in zip(top, [*top[1:], len(self.blocks)])):
            return False
        members = sorted(top + nested)
        ends = dict(zip(members, [*members[1:], len(self.blocks)]))
        sizes = sorted(sum(len(self.blocks[j].text.split()) for j in range(i + 1, ends[i])) for i in nested)
        return sizes[len(sizes) // 2] >= CHAPTER_WORDS

    def _counts_up(self, members: list[int], restarts: bool = False) -> bool:
        """Numbers that mostly go up by one (a few skipped), with running text between them."""
        if len(members) < 2:
            return False
        values = [self.forms[i].number for i in members]
        good = sum(1 for a, b in zip(values, values[1:]) if 0 < b - a <= SKIPPED_NUMBERS or restarts and b == 1)
        apart = sum(1 for a, b in zip(members, members[1:]) if self._text_between(a, b))
        return good >= 0.75 * (len(values) - 1) and apart >= 0.75 * (len(values) - 1)

    def _text_between(self, a: int, b: int) -> bool:
        return any(self._is_body(self.blocks[j]) for j in range(a + 1, b))

    def _stands_alone(self, i: int) -> bool:
        """A single numbered heading ('6. The Years of Growth', or '1.' and a title line) with text
        after it and no other numbered line next to it (which would make it a list item)."""
        form = self.forms[i]
        return (form.title is not None or self._followed_by_title(i)) and self._followed_by_text(i)

    def _in_list(self, i: int) -> bool:
        """A numbered line between the items numbered before and after it ('100. …', '101. Title', '102. …'),
        or under a notes heading: an item of a list or of notes. A roman numeral ('II. Title') is in no
        list of arabic items."""
        if self.forms[i].label or self.forms[i].style.endswith("roman"):
            return False
        if i > 0 and self.blocks[i - 1].kind == "notes-heading":
            return True
        number = self.forms[i].number
        return any(0 <= j < len(self.blocks) and item_number(self.blocks[j].text) == expected
                   for j, expected in ((i - 1, number - 1), (i + 1, number + 1)))

    def _named(self) -> None:
        """Front and back matter named by a word: divisions before the first numbered chapter or after
        the last one, or anywhere in a book that has no numbered chapters."""
        numbered = [i for i, f in self.found.items() if f.form and f.form.number is not None and f.level <= CHAPTER]
        first, last = (min(numbered), max(numbered)) if numbered else (None, None)
        for i, form in self.forms.items():
            if form.word is None or i in self.found or not self._heading_place(i):
                continue
            above = self.found.get(i - 1)
            if above is not None and _awaits_title(above.form):
                continue  # 'CHAPTER I' (or 'I') / 'Introductory': the chapter's title
            if not self._followed_by_text(i) and not self._followed_by_title(i) or self._repeats_heading_above(i):
                continue
            outside = first is None or i < first or i > last
            self.found[i] = _Found(form, CHAPTER if outside else SECTION, "named")

    def _section_lists(self) -> None:
        """A PDF chapter may open with the list of its sections' titles: short lines between the
        chapter title and the first section, that name later headings. They are dropped, logged."""
        starts = sorted(i for i, f in self.found.items() if f.level <= CHAPTER)
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(self.blocks)
            found = self.found[start]
            j = max([start, *found.title_blocks, *found.wrapped, found.subtitle or 0]) + 1
            listed: list[int] = []
            while j < end and self.blocks[j].kind == "short" and j not in self.found and j not in self.used \
                    and reads_as_title(self.blocks[j].text, attached=True) and not CAPTION.match(self.blocks[j].text) \
                    and normalise_title(self.blocks[j].text) not in {normalise_title(self.blocks[k].text) for k in listed}:
                listed.append(j)
                j += 1
            if len(listed) < 2:
                continue
            later = [normalise_title(self._title_text(i)) for i in self.found if start < i < end]
            later += [normalise_title(self.blocks[i].text) for i in range(j, end) if self.blocks[i].kind == "short"]
            entries = [normalise_title(e) for e in _join_continued([self.blocks[i].text.strip() for i in listed])]
            named = sum(1 for e in entries if re.search(r"[^\W\d_]", e) and any(_names(e, title) for title in later))
            if named >= 2 and named * 3 >= len(entries) * 2:  # removing text needs evidence: most entries named
                for i in listed:
                    self.state.diagnostics.add("furniture.section-list", self.blocks[i].first, self.blocks[i].text.strip())
                    self.blocks[i].kind = "removed"

    def _titled(self) -> None:
        """Lines with no number that read as titles and stand where headings stand. A book whose titles
        are in Title Case has no heading in sentence case: such a line is a short paragraph, unless it
        is set right above its text with no blank line between (the dump kept them together)."""
        chapters = [i for i, f in self.found.items() if f.level <= CHAPTER]
        numbered_chapters = any(f.level == CHAPTER and f.why in ("label", "numbering", "contents")
                                for f in self.found.values())
        words = sum(len(b.text.split()) for b in self.blocks)
        candidates = [i for i in self.lines if self._titled_candidate(i)]
        plain = [self.blocks[i].text for i in candidates if not self.blocks[i].text.rstrip().endswith("?")]
        title_case = [self.blocks[i].text for i in chapters] + plain
        title_case_book = sum(map(is_title_case, title_case)) >= 0.7 * len(title_case) if title_case else False
        chosen = set(candidates)
        for i in self.lines:
            text = self.blocks[i].text.strip()
            previous = self.found.get(i - 1)
            if i not in self.used and previous is not None and previous.why == "titled" and previous.subtitle is None \
                    and not previous.wrapped and SOURCE_LINE.match(text):
                previous.subtitle = i  # '(After reading Hegel)' right under a title: its subtitle
                self.used.add(i)
                continue
            # a line right under a title just found is looked at again: it is set apart by that title
            if i in self.used or i not in chosen and not ((i - 1 in self.found or i - 1 in self.used)
                                                          and self._titled_candidate(i)):
                continue
            glued = i + 1 < len(self.blocks) and self.blocks[i + 1].first == self.blocks[i].last + 1 and not self.pdf
            if text not in self.headings and title_case_book and not is_title_case(text) and not glued:
                continue
            if self._repeats_heading_above(i):
                continue
            under_title = previous is not None and previous.why == "titled" and previous.subtitle is None \
                and not self._opens_series(i)
            if self.pdf and self.state.page_starts and under_title and not self._opens_page(i - 1) \
                    and not self._opens_page(i):
                previous.subtitle = i  # under a section's title (a division's would open a page): its subtitle
                self.used.add(i)
                continue
            if not self.pdf and under_title and previous.level > CHAPTER and not self.blocks[i].lost_before:
                previous.subtitle = i  # a section's title over a title: nothing between, so no empty section
                self.used.add(i)
                continue
            if self.pdf and self._opens_page(i):
                level = CHAPTER if not numbered_chapters else SECTION
            elif self.pdf and self.state.page_starts:  # pages are known, and this line opens none
                level = SECTION
            elif numbered_chapters:  # a section, but before the first chapter a division of its own ('Preface')
                level = SECTION if any(c < i for c in chapters) else CHAPTER
            else:
                level = SECTION if words < ARTICLE_WORDS and not chapters else CHAPTER
            if previous is not None and previous.why == "titled" and previous.level == CHAPTER \
                    and not self._source_title(i - 1):
                level = SECTION  # a title right under a chapter's title: its first section
            self.found[i] = _Found(None, level, "titled")
            self._wrap_title(i)
        if numbered_chapters and not self.pdf:  # (in print a division opens a page: the pages tell)
            self._title_after_the_last_chapter(chapters)
        self._sources_under_titles()
        self._lines_over_a_poem()

    def _title_after_the_last_chapter(self, chapters: list[int]) -> None:
        """In a book of numbered chapters no title divides, one title in Title Case after the last
        chapter's text, over prose, divides no chapter either: it is a division of its own (an
        afterword; sections come two or more, and a poem's title stands over verse)."""
        titled = [i for i, f in self.found.items() if f.why == "titled" and f.level > CHAPTER]
        last = max(chapters, default=None)
        if last is not None and len(titled) == 1 and titled[0] > last + 1:
            i = titled[0]
            if is_title_case(self.blocks[i].text) and not self._verse_follows(i):
                self.found[i].level = CHAPTER

    def _lines_over_a_poem(self) -> None:
        """A line right under a chapter's title, over its verse, the chapter's only heading under its
        title, that dates it (a year and a comma: 'Written at Sea, 1872') or counts its occasion (an
        ordinal: 'In the 16th Year of the Union'): the poem's subtitle, no section (a part's title over
        its first poem's reads the same, but names no date)."""
        order = sorted(self.found)
        for k, i in enumerate(order[:-1]):
            if i not in self.found:  # taken as the subtitle of the chapter before
                continue
            chapter, j = self.found[i], order[k + 1]
            line, text = self.found[j], self.blocks[j].text
            lone = k + 2 == len(order) or self.found[order[k + 2]].level <= CHAPTER
            if chapter.level == CHAPTER and chapter.subtitle is None and line.why == "titled" \
                    and line.level > CHAPTER and not line.wrapped and lone \
                    and j == max([i, *chapter.title_blocks, *chapter.wrapped]) + 1 and self._verse_follows(j) \
                    and (YEAR.search(text) and "," in text or ORDINAL.search(text)):
                chapter.subtitle = j
                del self.found[j]
                self.used.add(j)

    def _sources_under_titles(self) -> None:
        """A title found under a quotation that stands right under a division's heading (or under another quotation
        and its source) is that quotation's source when no verse follows (a poem's title under a short
        poem) but another epigraph's, and it names a person or a work ('A. Author') or, in a web dump,
        the division's running text follows it (no title, subtitle or poem: 'The Song of the Sea'; in
        print, wrapped verse reads less surely as verse): the titles over it may have been found in
        the same pass, so this looks again after it."""
        for i in [i for i in sorted(self.found) if self._source_title(i)]:
            del self.found[i]

    def _source_title(self, i: int) -> bool:
        """A title found under an epigraph, as said above: the epigraph's source."""
        found = self.found.get(i)
        return found is not None and found.why == "titled" and found.subtitle is None and not found.wrapped and i >= 2 \
            and self.blocks[i].text.strip() not in self.headings and not self.blocks[i].lost_before \
            and i - 2 in self.found and self.found[i - 2].level <= CHAPTER \
            and self._quotation(self.blocks[i - 1], self.blocks[i].text) \
            and (not self._verse_follows(i) or self._epigraph_verse_follows(i)) and self._source_line(i) \
            and (_names_a_source(self.blocks[i].text.strip(), self.common) or not self.pdf and self._opens_text(i + 1))

    def _opens_text(self, j: int) -> bool:
        """A division's running text opens at block j: a paragraph of some length, not in brackets (a
        poem's headnote) nor a line or two (a stanza)."""
        return self._prose_at(j) and len(self.blocks[j].text.split()) >= TEXT_WORDS \
            and self.blocks[j].text.lstrip()[:1] not in "(["

    def _titled_candidate(self, i: int) -> bool:
        """A line that reads as a title and stands where a heading stands (or book.toml says it is one)."""
        if i in self.found or i in self.used or self.blocks[i].kind != ("short" if self.pdf else "para") \
                or self.blocks[i].first in self.state.site_trailer:
            return False
        text = self.blocks[i].text.strip()
        if text in self.headings:
            return True
        if len(text) > MAX_TITLE:
            return False  # no title (see reads_as_title), and cheaper to see than what follows
        if self.pdf and (len(text.split()) < 2 and not self._word_title(i) or self._runs_on_from_above(i)
                         or not self._set_apart(i) or self._set_right(i)):
            return False  # a word alone on a line in print (a name, a sign), a line of verse, an epigraph's source
        if not self.pdf and not is_title_case(text) and i + 1 < len(self.blocks) and self.blocks[i + 1].lost_before:
            # a line in sentence case over lines a web dump lost: the heading was among them, a title of one
            # word ('Preface'), most likely; this line stands over it ('Skip to main content')
            self.state.diagnostics.add("flag.possible-heading", self.blocks[i].first, text)
            return False
        if not self._heading_place(i) or not self._followed_by_text(i) or _in_label_run(self.blocks, i) \
                or _attributed(text) or _other_line(text) or _attribution_after_quote(self.blocks, i, self.common) \
                or _spoken(text) or self._recurs_close_by(i) or SENTENCE_OPENER.match(text) and not is_title_case(text) \
                or self._signature(i) or self._epigraph_source(i) or self._front_source(i) or self._stray_cell(i) \
                or self._end_mark(i) \
                or text.rstrip(".") in self.authors or self._running_head(text) \
                or i in self.forms and self.forms[i].number is not None and self._in_list(i) \
                or i - 1 in self.forms and self.forms[i - 1].number is not None and i - 1 not in self.found \
                or self._amid_notes(i):
            return False
        if not reads_as_title(text):
            if i + 1 < len(self.blocks) and titles_its_first_line(text, self.blocks[i + 1].text):
                return True  # a poem titled by its first line, a cry ('O Love! O Home!' over 'O love! O home! …')
            # in print a line of verse set apart (a stanza's first) looks as a title does: only cries
            exclaimed = (_exclamations(text) if self.pdf else reads_as_title(text, attached=True) or _exclamations(text)) \
                and text.rstrip("’'”\")").endswith("!")
            if exclaimed and self._verse_follows(i, stanza_of_one=True):
                return True  # a poem's title ('O Captain! My Captain!') above its verse
            if exclaimed:
                self.state.diagnostics.add("flag.possible-heading", self.blocks[i].first, text)
            return False
        return True

    def _amid_notes(self, i: int) -> bool:
        """Right above a note item numbered past 1, or among short lines between two items that count on
        ('(3) Report of the', 'Board', '(4) …': a justified note line broken at its gaps): a line of the
        note before it."""
        if i + 1 < len(self.blocks) and (item_number(self.blocks[i + 1].text) or 0) > 1:
            return True
        window = range(max(0, i - NOTE_LINES_AMID), min(len(self.blocks), i + NOTE_LINES_AMID + 1))
        before = next((j for j in reversed(window) if j < i and item_number(self.blocks[j].text)), None)
        after = next((j for j in window if j > i and item_number(self.blocks[j].text)), None)
        return before is not None and after is not None \
            and item_number(self.blocks[after].text) == item_number(self.blocks[before].text) + 1 \
            and all(self.blocks[j].kind == "short" for j in range(before + 1, after))

    def _opens_series(self, i: int) -> bool:
        """A title of two words or more that a later line of its own reads as with one word changed
        ('The First Voyage', 'The Second Voyage'): the first of a run of sections, no subtitle."""
        return any(_in_series(self.blocks[i].text, self.blocks[j].text) for j in self.lines if j > i)

    def _repeats_heading_above(self, i: int) -> bool:
        """The line reads as the heading found last before it (or the last with words in its title), or
        as its short form (the title up to a comma or a colon: 'A Letter', of 'A Letter, to a Friend'),
        with text between (running text, or a line of some words: verse): a running head left in (a
        chapter's later page), not the same heading again."""
        above = max((j for j in self.found if j < i), default=None)
        if above is None:
            return False
        if not any(self._is_body(self.blocks[j]) or j not in self.found and len(self.blocks[j].text.split()) >= 6
                   for j in range(above + 1, i)):
            return False
        form = self.found[above].form
        titles = [self._title_text(above)]
        if _awaits_title(form) and above + 1 < i:
            titles.append(self.blocks[above + 1].text)  # 'CHAPTER I' / 'Introductory', its title not yet attached
        titled = max((j for j in self.found if j < i and re.search(r"[^\W\d_]", self._title_text(j))), default=None)
        if titled is not None and titled != above:
            titles.append(self._title_text(titled))  # a running head names the last heading with words ('1', '2' have none)
        text = self.blocks[i].text.strip()
        return normalise_title(text) in {normalise_title(t) for t in titles} \
            or any(len(text) < len(t) and t.lower().startswith(text.lower()) and t[len(text)] in ",:;" for t in titles)

    def _recurs_close_by(self, i: int) -> bool:
        """The same line stands again a few blocks away, with text between, or two blocks away from such a
        line: a speaker's name in a scene, not a title (a title listed in a contents list and standing
        over its text has no text between)."""
        speaks_between = any(0 <= j < len(self.blocks) and self._recurs(j) for j in (i - 2, i + 2)) \
            and i + 1 < len(self.blocks) and self._is_body(self.blocks[i + 1])  # between the speeches of one who speaks again
        return self._recurs(i) or speaks_between

    def _recurs(self, i: int) -> bool:
        text = self.blocks[i].text.strip()
        near = range(max(0, i - SPEAKER_REACH), min(len(self.blocks), i + SPEAKER_REACH + 1))
        return self._is_line(self.blocks[i]) and reads_as_title(text, attached=True) and \
            any(j != i and self.blocks[j].text.strip() == text and self._text_between(min(i, j), max(i, j)) for j in near)

    def _runs_on_from_above(self, i: int) -> bool:
        """In a PDF extraction: the line right above is short and stops mid-sentence (a verse line)."""
        if not i or i - 1 in self.found or i - 1 in self.used:
            return False
        above = self.blocks[i - 1]
        if self._stands_as_title(i - 1) and self._set_apart(i - 1):
            return False  # a title over a title: a part's and its first poem's
        return above.kind == "short" and above.last + 1 == self.blocks[i].first and \
            (not SENTENCE_END.search(above.text.strip()) or above.text.rstrip().endswith(","))

    def _word_title(self, i: int) -> bool:
        """In a PDF extraction: a word alone that is a title ('Inscriptions'), not a name, a sign or a
        word a justified line left alone: a capitalised word of letters, with space above it and a
        line of words above that, over lines of words set close under it (verse: short lines, or a
        long line wrapped, going on past its comma or set apart as a stanza of its own) or over a
        section's number ('Lamps' / '1')."""
        word = self.blocks[i].text.strip()
        if not (0 < i < len(self.blocks) - 1 and re.fullmatch(r"[A-Z][^\W\d_]+(?:[-’'][^\W\d_]+)*", word)):
            return False
        above, below = self.blocks[i - 1], self.blocks[i + 1]
        runs_on = below.text.rstrip().endswith((",", ";"))  # a line of verse the next goes on from
        stanza = i + 2 >= len(self.blocks) or self.blocks[i + 2].first > below.last + 1  # a line set apart
        under = (self._verse_run(i + 1) or runs_on and self._verse_run(i + 1, 2)
                 or (runs_on or stanza) and below.kind == "para" and not _is_prose(below.text)) \
            and len(WORD.findall(below.text)) >= 3 \
            or self._stands_as_title(i + 1) and self._verse_run(i + 2)  # or a title over its lines
        numbered = i + 1 in self.forms and self.forms[i + 1].number is not None and self.forms[i + 1].title is None
        set_apart = above.last + 1 < self.blocks[i].first or i - 1 in self.found or i - 1 in self.used
        return set_apart and len(above.text.split()) > 1 \
            and below.first == self.blocks[i].last + 1 and (under or numbered)

    def _set_right(self, i: int) -> bool:
        """In a -layout extraction: a line set well right of where it would stand centred in the text's
        measure (an epigraph's source against the right margin; titles are centred or set left)."""
        block = self.blocks[i]
        line = self.state.lines[block.first - 1] if 0 < block.first <= len(self.state.lines) else None
        if self.measure is None or line is None or line.number != block.first or block.first != block.last \
                or i in self.forms:  # a heading's number, set large, stands off where -layout puts the text
            return False
        left, width = self.measure
        text = line.text.rstrip()
        start = len(text) - len(text.lstrip())
        return start > left + (width - len(text.strip())) / 2 + width / 4

    def _stands_as_title(self, i: int) -> bool:
        """A line in Title Case that reads as a title."""
        text = self.blocks[i].text
        return is_title_case(text) and reads_as_title(text)

    def _set_apart(self, i: int) -> bool:
        """In a PDF extraction: space above the line (a blank line, a page's top) or a heading right
        above it. A heading is set apart from the text before it; a line run on from it is text."""
        return not i or self.blocks[i - 1].last + 1 < self.blocks[i].first or self._opens_page(i) \
            or i - 1 in self.found or i - 1 in self.used

    def _verse_run(self, j: int, size: int = 3) -> bool:
        """In a PDF extraction: lines set one under the other (or going on at the next page's top), none
        of them a title or figures (a table's column read down), as verse is."""
        run = self.blocks[j:j + size]
        return self.pdf and len(run) == size and all(b.kind in ("short", "para") for b in run) and \
            all(b.first == a.last + 1 or b.first in self.state.page_starts for a, b in zip(run, run[1:])) and \
            not any(self._stands_as_title(k) or is_figures(self.blocks[k].text.strip()) for k in range(j, j + size))

    def _epigraph_verse_follows(self, i: int) -> bool:
        """In a web dump, the verse under line i is another epigraph: a line naming its source stands
        under it ('A. Poet'), as none stands under a poem."""
        source = self.blocks[i + 2] if i + 2 < len(self.blocks) else None
        return not self.pdf and source is not None and self._is_line(source) and _source_like(source.text) \
            and _names_a_source(source.text.strip(), self.common)

    def _verse_follows(self, i: int, stanza_of_one: bool = False) -> bool:
        """Verse under line i: in a web dump, a stanza of lines (or, with `stanza_of_one`, a line of
        its own over such a stanza)."""
        if self.pdf:
            return self._verse_run(i + 1)

        def stanza(j: int, size: int) -> bool:
            block = self.blocks[j] if j < len(self.blocks) else None
            return block is not None and len(block.lines) >= size and not any(_is_prose(t) for t in block.lines)
        return stanza(i + 1, 2) or stanza_of_one and stanza(i + 1, 1) and stanza(i + 2, 2)

    # -- context

    def _epigraph_source(self, i: int) -> bool:
        """The source under an epigraph: a short line after a quotation that stands right under a
        division's heading (or under another epigraph and its source; a section's short first
        paragraph is no epigraph). A line opening a page is set apart from the quotation: a title."""
        k = i
        while k >= 1 and self._quotation(self.blocks[k - 1], self.blocks[k].text) and self._source_line(k) \
                and not self.blocks[k].lost_before and not self._opens_page(k):
            if k - 2 in self.found and self.found[k - 2].level <= CHAPTER or k - 2 in self.used:
                return True  # under a division's heading
            if k == 1:  # at the very start of the text: only a name can say whose the quotation is
                return bool(NAME_LINE.match(self.blocks[k].text.strip()))
            k -= 2
        return False

    def _source_line(self, i: int) -> bool:
        """A line that can name a quotation's source (_source_like), and does not open with the two words
        that open TITLE_FORM_LINES other lines or more reading as titles ('Of the …'): the book's own
        titles' form."""
        if self.title_openings is None:
            self.title_openings = Counter(tuple(b.text.split()[:2]) for j in self.lines
                                          if reads_as_title((b := self.blocks[j]).text.strip()))
        opening = tuple(self.blocks[i].text.split()[:2])
        return _source_like(self.blocks[i].text) and not (len(opening) == 2 and self.title_openings[opening] > TITLE_FORM_LINES)

    def _running_head(self, text: str) -> bool:
        """A page's running head left in the text: the book's title (or its main title, before a colon),
        after its author and a dash or not, a colon, and a division's title."""
        title = self.state.config.title or self.state.info.title
        head, colon, _ = text.partition(":")
        if not title or not colon:
            return False
        for author in self.authors:
            if head.lower().startswith(author.lower()):
                head = head[len(author):].lstrip(" —–-")
        return head.strip().lower() in {title.lower(), re.split(r"[:;]", title)[0].strip().lower()}

    def _front_source(self, i: int) -> bool:
        """In the front matter (the first blocks, before the first heading found by its form), a person's
        name under a quotation is its source, with another quotation after it or not (epigraphs stand
        in a row)."""
        first = min(self.found, default=None)
        above = self.blocks[i - 1] if i else None  # a long quotation too: a name under a paragraph there is no title
        return first is not None and 0 < i < min(first, FRONT_BLOCKS) and above.kind in ("para", "short", "verse") \
            and (len(above.lines) > 1 or self._is_body(above)) \
            and _person(self.blocks[i].text, self.common)

    def _quotation(self, block: Block, source: str) -> bool:
        """A block an epigraph's source line can close."""
        return block.kind in ("para", "short", "verse") and len(block.text.split()) <= _epigraph_words(source) and \
            (len(block.lines) > 1 or self._is_body(block))

    def _signature(self, i: int) -> bool:
        """A name closing a text, with an address or a date under it ('A. B. Author' / 'Trinity College,');
        not a title opening on a preposition ('From Far Canyons' over its date)."""
        after = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        following = after.text.strip() if after is not None and len(after.lines) == 1 else ""
        address = following.endswith(",") and len(following.split()) <= 6 and is_title_case(following)
        text = self.blocks[i].text.strip()
        return bool(NAME_LINE.match(text)) and not PREPOSITION_FIRST.match(text) and bool(address or DATELINE.match(following))

    def _end_mark(self, i: int) -> bool:
        """'The End' closing the book: nothing after it but a web site's trailer."""
        return bool(END_MARK.match(self.blocks[i].text.strip())) \
            and all(b.first in self.state.site_trailer for b in self.blocks[i + 1:])

    def _stray_cell(self, i: int) -> bool:
        """A table cell whose table was not found: a short line between runs of lost lines, a line amid
        figures, or in a run of a table's figures left as text (a column's head opening it)."""
        block, following = self.blocks[i], self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        between_lost = block.lost_before >= 2 and (following is None or following.lost_before >= 2)
        return between_lost or self._amid_figures(i) \
            or any(first <= block.first and block.last < last for first, last in self.state.figures_as_text)

    def _amid_figures(self, i: int) -> bool:
        """Over or under two lines of figures: a table's line (no heading stands over a number; nor
        under one on its page: a page's first line is under the last page's table only in reading
        order); or right under a table, over its total's label: a label of the table's last rows, read
        after it."""
        figures = {j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(self.blocks) and is_figures(self.blocks[j].text)}
        over_total = i + 1 < len(self.blocks) and TOTAL.fullmatch(self.blocks[i + 1].text.strip().rstrip(".:"))
        return {i - 2, i - 1} <= figures and not (self.pdf and self._opens_page(i)) or {i + 1, i + 2} <= figures \
            or bool(i and self.blocks[i - 1].kind == "table" and over_total)

    def _is_body(self, block: Block) -> bool:
        """Running text: a long block, or a sentence of some words."""
        if block.kind in ("verse", "list", "table", "quote", "dialogue"):
            return True
        text = block.text.strip()
        wrapped = self.pdf and block.kind == "para" and block.last > block.first  # unwrapped from full lines
        return block.kind in ("para", "short") and (wrapped or
            len(block.lines) > 1 or len(text) >= BODY or len(text.split()) >= 6 and bool(SENTENCE.search(text)))

    def _followed_by_text(self, i: int) -> bool:
        """Text comes after the line, past at most two short lines (a title, a subtitle, a dateline)
        and no other heading or figures: running text, or a lead-in ending with a colon. In print, past the
        lines a title wraps over too, when one of them stops on a word no title ends with."""
        wrapped = list(takewhile(lambda j: j == i or self.blocks[j].kind == "short"  # the short lines set under it
                                 and self.blocks[j].first == self.blocks[j - 1].last + 1,
                                 range(i, min(len(self.blocks), i + MAX_TITLE_LINES))))
        cut = any(_cut(self.blocks[j].text.strip()) for j in wrapped[:-1] or wrapped)
        reach = 3 + (MAX_TITLE_LINES - 1 if self.pdf and cut else 0)
        j, end = i + 1, min(len(self.blocks), i + 1 + reach)
        subtitled = False
        while j < end:
            block = self.blocks[j]
            if j in self.found and j not in self.used:
                form = self.found[j].form
                if form is not None and form.number == 1 and form.label is None:
                    # a chapter's title over its first section's number (right under it: and the lines of
                    # that section's title)
                    skipped = max([j, *self.found[j].title_blocks]) - j if j == i + 1 else 0
                    j, end = j + 1 + skipped, min(len(self.blocks), end + skipped)
                    continue
                return subtitled  # a part's title and subtitle over its first division's heading
            if j not in self.forms and is_figures(block.text) and not re.search(r"[()\[\]]", block.text):
                return False  # a column's head over its figures, read down (not a title's '(1854)')
            if SOURCE_LINE.match(block.text.strip()) and not self._verse_follows(j):
                if j == i + 1 and (self.pdf and self._opens_page(i) or self._stands_as_title(i)):
                    j, subtitled = j + 1, True  # '(Second Part)' under a title that opens a page or is in Title Case
                    continue
                return False  # a quotation closed by its source
            if self._is_body(block) or block.text.rstrip().endswith(":") or self._verse_run(j):
                return True
            if block.kind not in ("para", "short"):
                return block.kind in ("table", "epigraph")
            if not reads_as_title(block.text, attached=True) and len(block.text.split()) > 8 \
                    and not (self.pdf and block.first == self.blocks[j - 1].last + 1):  # in print: verse set close
                return False
            j += 1
        return False

    def _followed_by_title(self, i: int) -> bool:
        return i + 1 < len(self.blocks) and self._is_line(self.blocks[i + 1]) and \
            reads_as_title(self.blocks[i + 1].text, attached=True)

    def _heading_place(self, i: int) -> bool:
        """Not the line after a lead-in ending with a colon (a quotation or a list stands there)."""
        previous = self.blocks[i - 1] if i else None
        return previous is None or not previous.text.rstrip().endswith((":", ":—", ":-"))

    def _opens_page(self, i: int) -> bool:
        """The block starts a page: after a break, or as the book's first text (where pages are known)."""
        first_text = i == 0 and bool(self.state.page_starts)
        return self.blocks[i].first in self.state.page_starts or first_text

    # -- titles and blocks

    def _attach_title(self, i: int) -> None:
        """A heading form with no title on its line takes the title-like line(s) after it."""
        found = self.found[i]
        form = found.form
        if form is None or form.title is not None and form.word is None:
            return
        j = i + 1
        if j in self.found and self.found[j].why != "contents" or j >= len(self.blocks) or not self._is_line(self.blocks[j]):
            return
        if self.blocks[j].lost_before:
            return  # lines lost between: the title, most likely (a title of one word); the line under is the text's
        under = self._lines_under(i) if self.pdf and form.title is None and form.label is None else []
        if under and _numbered_title(" ".join(self.blocks[k].text.strip() for k in under), form):
            found.title_blocks.extend(under)  # '1.' and the lines set right under it
            self.used.update(under)
            j = under[-1]
        elif form.word is not None:  # 'APPENDIX' and its title in capitals; 'INTRODUCTION' and a subtitle
            bare = form.title.strip().lower() == form.word
            if not bare or not reads_as_title(self.blocks[j].text, attached=True) or not self._followed_by_text(j):
                return
            self.used.add(j)
            if not is_capitals(self.blocks[j].text):
                found.subtitle = j
                return
            found.title_blocks.append(j)
        elif not (_numbered_title(self.blocks[j].text, form) if form.label is None else reads_as_title(self.blocks[j].text, attached=True)) \
                or j in self.forms and self.forms[j].number is not None:
            return
        else:
            found.title_blocks.append(j)
            self.used.add(j)
            self.found.pop(j, None)

    def _wrap_title(self, i: int) -> None:
        """In print a long title wraps: the lines set under it that carry it on are part of it. A line
        carries a title on when the title stops on a word no title ends with ('of', 'and', a
        dash), when it stops on such a word itself right under the title (so it goes on, and stands
        alone as nothing), when it starts in lower case or (right under) on a dash, when both are in
        capitals, or when it reads as the end of a title in Title Case right under a line that its
        first word would have made too long, and running text follows it."""
        found = self.found[i]
        if not self.pdf or found.subtitle is not None:
            return
        last = max([i, *found.title_blocks])
        while len(found.wrapped) < MAX_TITLE_LINES - 1 and last + 1 < len(self.blocks):
            j = last + 1
            block, above = self.blocks[j], self.blocks[last].text.strip()
            text = block.text.strip()
            if j in self.found or j in self.used or block.kind != "short" \
                    or j in self.forms and self.forms[j].number is not None or not above:
                return
            above_line = self._last_line(self.blocks[last])
            overflows = len(f"{above_line} {text.split()[0]}") >= WRAPPED_TITLE * self.state.measure  # had to wrap
            right_under = block.first == self.blocks[last].last + 1
            after = j + 2 if _cut(text) and j + 1 < len(self.blocks) and self.blocks[j + 1].kind == "short" else j + 1
            ends_title = right_under and overflows and is_title_case(text) and reads_as_title(text, attached=True) and \
                reads_as_title(f"{self._title_text(i)} {text}", attached=True) and \
                self._text_or_title_over_text(after)  # past its own wrapped last line
            runs_on = right_under and _cut(text) and is_title_case(text)  # a line stopping on 'of' is no line of its own
            if not ((_cut(above) or runs_on) and reads_as_title(text, attached=True) or text[:1].islower()
                    or right_under and text[:1] in "—–" or is_capitals(above) and is_capitals(text) or ends_title) \
                    or SOURCE_LINE.match(text) or closes_unopened(f"{self._title_text(i)} {text}"):
                return  # a line in brackets under a title is its subtitle; a closing bracket ends some other line
            found.wrapped.append(j)
            self.used.add(j)
            last = j

    def _text_or_title_over_text(self, j: int) -> bool:
        """Running text at block j, or a title over running text (a first section's, under the title)."""
        blocks = self.blocks[j:j + 2]
        return bool(blocks) and (self._is_body(blocks[0]) or len(blocks) == 2 and self._is_body(blocks[1])
                                 and self._is_line(blocks[0]) and is_title_case(blocks[0].text)
                                 and reads_as_title(blocks[0].text))

    def _last_line(self, block: Block) -> str:
        """The block's last line as the source has it (its lines unwrapped into one)."""
        k = block.last - 1
        line = self.state.lines[k] if 0 <= k < len(self.state.lines) else None
        return line.text.strip() if line is not None and line.number == block.last else block.text.strip()

    def _lines_under(self, i: int) -> list[int]:
        """Up to four short lines right under a line, with no blank between them."""
        under: list[int] = []
        j = i + 1
        while j < len(self.blocks) and len(under) < 4 and self.blocks[j].kind == "short" and j not in self.found \
                and self.blocks[j].first == self.blocks[j - 1].last + 1:
            under.append(j)
            j += 1
        return under

    def _title_text(self, i: int) -> str:
        found = self.found[i]
        if found.title_blocks:
            title = " ".join(self.blocks[j].text.strip() for j in found.title_blocks)
        else:
            title = found.form.title if found.form and found.form.title else self.blocks[i].text.strip()
        for j in found.wrapped:
            line = self.blocks[j].text.strip()
            title = f"{title}{line}" if line.startswith("—") or title.endswith("—") else f"{title} {line}"  # at a dash
        return title

    def _make_blocks(self) -> list[Block]:
        out: list[Block] = []
        for i, block in enumerate(self.blocks):
            if block.kind == "removed" or (i in self.used and i not in self.found):
                if i in self.used and out and out[-1].kind == "heading":
                    out[-1].last = max(out[-1].last, block.last)
                continue
            found = self.found.get(i)
            if found is None:
                out.append(block)
                continue
            parts = sorted({i, *found.title_blocks, *found.wrapped, *([found.subtitle] if found.subtitle is not None else [])})
            heading = Block([self._title_text(i)], block.first, block.last, kind="heading",
                            lost_before=block.lost_before, level=0 if found.level <= CHAPTER else 1,
                            source_lines=[self.blocks[j].text.strip() for j in parts])
            form = found.form
            if form is not None:
                heading.label = form.numeral
                heading.division = form.division if found.level <= CHAPTER else None
                if (form.label or form.word) and found.title_blocks:
                    self.state.diagnostics.add("furniture.division-word", block.first, form.label or block.text.strip())
                elif form.label and form.title:
                    self.state.diagnostics.add("furniture.division-word", block.first, form.label)
                if form.number is None:
                    heading.label = None
            elif found.level <= CHAPTER:
                heading.division = "chapter"
            if found.subtitle is not None:
                heading.subtitle = self.blocks[found.subtitle].text.strip()
            if found.level > CHAPTER:
                heading.division = None
            out.append(heading)
        return out


def _measure(lines: list[SourceLine | None]) -> tuple[int, int] | None:
    """Where the text's lines start and how wide they run (the commonest of its long lines), in a
    -layout extraction that keeps the page's indentation; None where the lines start at the margin."""
    long = [line.text.rstrip() for line in lines if line is not None and len(line.text.strip()) >= MEASURED_LINE]
    if not long:
        return None
    left = Counter(len(t) - len(t.lstrip()) for t in long).most_common(1)[0][0]
    return (left, Counter(map(len, long)).most_common(1)[0][0] - left) if left else None


def _count_going_on(counts: list[int], value: int) -> int | None:
    """The open count (its index) a number goes on: the one it follows by one, else one it follows
    past a few numbers skipped, the inner count first; None."""
    for gap in (1, SKIPPED_NUMBERS):
        for k in reversed(range(len(counts))):
            if 0 < value - counts[k] <= gap:
                return k
    return None


def _awaits_title(form: HeadingForm | None) -> bool:
    """A label or a numeral standing alone ('CHAPTER I', 'I'): its title is the line under it."""
    return form is not None and form.title is None and bool(form.label or form.style.startswith("alone"))


def _numbered_title(text: str, form: HeadingForm) -> bool:
    """The title set under a numeral standing alone ('1.' / 'The Principal Indices'). Under a numeral
    without a full stop, only a line in Title Case that asks and exclaims nothing: verse and text
    run on under a bare section number."""
    text = text.strip()
    if not reads_as_title(text, attached=True):
        return False
    if form.style.endswith("-dot") or form.title is not None:
        return True
    return is_title_case(text) and not text.rstrip("’'”\")").endswith(("?", "!"))


def _family(form: HeadingForm) -> str:
    """Forms numbered together: the label (or none) and the kind of numeral; '1.' and '1. Title' too."""
    return f"{(form.label or '').lower()}-{form.style.split('-')[1]}"


def _exclamations(text: str) -> bool:
    """A title of two short cries or more in Title Case ('Beat! Beat! Drums!', 'O Me! O Life!')."""
    parts = [part for part in re.split(r"[!?]", text) if part.strip()]
    return len(parts) > 1 and len(text.split()) <= 8 and is_title_case(text) and all(len(p.split()) <= 4 for p in parts)


def _attributed(text: str) -> bool:
    """A sentence closed by its author in brackets: 'Saw the Vision of the world. (Tennyson)'."""
    match = EPIGRAPH.match(text)
    return bool(match and SENTENCE.search(match.group("text")))


def _source_like(text: str) -> bool:
    """A short line that can name a quotation's source: a name, a title, no sentence; or a name, a comma and
    a long title."""
    text = text.strip()
    words = len(text.split())
    return (words <= 10 or words <= LONG_SOURCE and "," in text and bool(NAME_LINE.match(text))) \
        and not SENTENCE_END.search(text) and text[:1].isupper() and not _other_line(text) and not END_MARK.match(text)


def _epigraphs(blocks: list[Block], trailer: set[int]) -> None:
    """Right under a division heading: quotations, each with its source line under it, are epigraphs
    (a web site's trailer is no quotation nor source)."""
    for k, block in enumerate(blocks):
        if block.kind != "heading" or block.level != 0:
            continue
        j = k + 1
        while j + 1 < len(blocks) and blocks[j].kind in ("para", "short", "verse") \
                and len(blocks[j].text.split()) <= _epigraph_words(blocks[j + 1].text) \
                and blocks[j + 1].kind in ("para", "short") \
                and len(blocks[j + 1].lines) == 1 and _source_like(blocks[j + 1].text) \
                and not blocks[j + 1].lost_before and not {blocks[j].first, blocks[j + 1].first} & trailer:
            blocks[j].kind, blocks[j].attribution = "epigraph", blocks[j + 1].text.strip()
            blocks[j].last = blocks[j + 1].last
            del blocks[j + 1]
            j += 1


def _epigraph_words(source: str) -> int:
    """The most words of a quotation a source line can close: more where it names an author and a work."""
    source = source.strip()
    return LONG_EPIGRAPH_WORDS if "," in source and NAME_LINE.match(source) else EPIGRAPH_WORDS


def _common_words(blocks: list[Block]) -> set[str]:
    """The words the book uses in lower case: a capitalised word that is none of them is a name."""
    return {w for b in blocks for line in b.lines for w in WORD.findall(line) if w.islower()}


def _names_a_source(text: str, common: set[str]) -> bool:
    """A name line that names a source: a place in a work after a comma ('Paradise Lost, X, 743–45'),
    or names: at least half of its words (before a comma) are no word the book uses in lower case
    ('Edwin Arnold', 'Mrs. Sigourney'; not 'Spirit That Form’d This Scene')."""
    name, _, rest = text.partition(",")
    words = _name_words(name)
    return bool(re.search(r"\d", rest)) or bool(words) and 2 * sum(w.lower() in common for w in words) <= len(words)


def _person(text: str, common: set[str]) -> bool:
    """A name and nothing more, none of its words one the book uses in lower case ('Edwin Arnold')."""
    words = _name_words(text)
    return bool(NAME_LINE.match(text.strip())) and "," not in text and bool(words) \
        and not any(w.lower() in common for w in words)


def _name_words(text: str) -> list[str]:
    """The words of a name, its initials and titles ('Mrs.') left out."""
    return [w for w in WORD.findall(text) if len(w) > 1 and w not in NAME_TITLES]


def _attribution_after_quote(blocks: list[Block], i: int, common: set[str]) -> bool:
    """A name under verse or a quotation ('Edwin Arnold'), not followed by more verse: its source."""
    previous = blocks[i - 1] if i else None
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    quoted = previous is not None and (len(previous.lines) > 1 or previous.kind == "quote"
                                       or previous.text[:1] in "“\"‘" and previous.text.rstrip()[-1:] in "”\"’")
    text = blocks[i].text.strip()
    return quoted and len(text) <= 100 and (not SENTENCE_INSIDE.search(text) or abbreviation_inside(text)) \
        and bool(NAME_LINE.match(text)) and _names_a_source(text, common) and not (following and len(following.lines) > 1)


def _spoken(text: str) -> bool:
    """A line of dialogue or of a quoted passage: in quotation marks, closing on punctuation ('“No sign
    of it?”', '“But—”'), or not closed at all (the quotation goes on)."""
    if text[:1] not in "“\"‘":
        return False
    closing = {"“": "”", "\"": "\"", "‘": "’"}[text[0]]
    return bool(re.search(r"[?!.,;:—–…-][”\"’'\s]*[”\"’']$", text)) or closing not in text[1:]


def _other_line(text: str) -> bool:
    """A line with a kind of its own: a dateline, a byline, a source in brackets, a scene break, a
    site's breadcrumb trail ('Home › Library'), a note ('[2] …')."""
    return any(p.match(text) for p in (DATELINE, BYLINE, SOURCE_LINE, SCENE_BREAK, BREADCRUMB, MARKED_NOTE))


def _repeats_title(head: str, title: str) -> bool:
    """A running head repeats a title: the same words, the first words (two or more) of a title that
    reads as one (a poem's first line opens with its title's words), or its label with the number
    written another way ('Part II', 'Part Two'). A title over its first line, which reads as a
    sentence does ('Far Away, Ye Hills!' over 'Far away, ye hills!'), is no head repeating it."""
    if titles_its_first_line(head, title) and not is_title_case(title):
        return False
    if head.casefold() == title.casefold():
        return True
    if not (is_title_case(title) and reads_as_title(title)):
        return False
    head, title = normalise_title(head), normalise_title(title)
    if head == title or len(head.split()) >= 2 and title.startswith(head + " "):
        return True
    (*label, number), (*title_label, title_number) = head.split() or [""], title.split() or [""]
    values = number_value(number), number_value(title_number)
    return bool(label) and label == title_label and None not in values and values[0][0] == values[1][0]


def _names(entry: str, title: str) -> bool:
    """A contents entry names a heading: the same words, or one holds the other of two words at least
    (a title cut short, or a number added); one common word in both is no evidence."""
    shorter, longer = sorted((entry, title), key=len)  # of two as long, neither holds the other
    return entry == title or len(shorter.split()) >= 2 and shorter in longer


def _join_continued(texts: list[str]) -> list[str]:
    """Entries of a list where a line in lower case carries on the one before."""
    out: list[str] = []
    for text in texts:
        if text[:1].islower() and out:
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


# ---------------------------------------------------------------- other kinds of block

def _mark_notes_headings(blocks: list[Block]) -> None:
    """A short line naming notes right above a note list's first item ('Notes', 'References') heads it.
    An item that reads as a numbered title ('1. A Primer of Trade, by A. Writer') is a note's when
    item 2 follows close behind (a numbered section's text runs on longer)."""
    for i, (block, following) in enumerate(zip(blocks, blocks[1:])):
        if block.kind in ("para", "short") and len(block.lines) == 1 and len(block.text.split()) <= 8 \
                and item_number(following.text) == 1 and reads_as_title(block.text) \
                and NOTES_WORD.search(block.text) and not _other_line(block.text) \
                and (heading_form(following.text) is None
                     or any(item_number(b.text) == 2 for b in blocks[i + 2:i + 2 + NOTE_ITEM_REACH])):
            block.kind = "notes-heading"


def _web_kinds(blocks: list[Block]) -> None:
    """Runs of lines (verse, lists, dialogue), and single lines: datelines, bylines, scene breaks,
    sources closing a quotation, epigraphs after a heading, quotations after a lead-in."""
    common = _common_words(blocks)
    for i, block in enumerate(blocks):
        prev = blocks[i - 1] if i else None
        if block.kind != "para":
            continue
        if len(block.lines) > 1:
            block.kind = _kind_of_run(block.lines)
            continue
        text = block.text
        if DATELINE.match(text):
            block.kind = "dateline"
        elif BYLINE.match(text):
            block.kind = "byline"
        elif SCENE_BREAK.match(text):
            block.kind = "scene-break"
        elif SOURCE_LINE.match(text) and prev is not None or _attribution_after_quote(blocks, i, common):
            block.kind = "attribution"
        elif prev is not None and prev.kind == "heading" and (m := EPIGRAPH.match(text)):
            block.kind, block.attribution = "epigraph", m.group("who")
            block.lines = [m.group("text")]
        elif _in_label_run(blocks, i):
            continue  # dialogue or a list of terms: see _label_runs
        elif prev is not None and prev.text.endswith(":") and prev.kind in ("para", "quote"):
            block.kind = "quote"
    blocks[:] = _label_runs(blocks)


def _pdf_kinds(blocks: list[Block]) -> None:
    """Short lines of a PDF extraction that are no headings: scene breaks, datelines, or text."""
    for block in blocks:
        if block.kind != "short":
            continue
        text = block.text.strip()
        block.kind = "scene-break" if SCENE_BREAK.match(text) else "dateline" if DATELINE.match(text) else "para"


def _nest_numbered_sections(blocks: list[Block]) -> None:
    """A titled section followed at once by a section numbered 1 (a poem and its numbered parts): the
    numbered sections that count on from there are its own, a level down."""
    for k, block in enumerate(blocks[:-1]):
        following = blocks[k + 1]
        if not (block.kind == "heading" and block.level == 1 and not block.label and following.kind == "heading"
                and following.level == 1 and _label_value(following.label) == 1):
            continue
        expected = 1
        for inner in blocks[k + 1:]:
            if inner.kind != "heading":
                continue
            if inner.level != 1 or _label_value(inner.label) != expected:
                break
            inner.level = 2
            expected += 1


def _nest_series(blocks: list[Block]) -> None:
    """A titled section followed at once by the first of a series of sections ('The First Voyage', then
    'The Second Voyage'): the series is its own, a level down, up to the first section out of it."""
    for k, block in enumerate(blocks[:-1]):
        first = blocks[k + 1]
        if not (block.kind == "heading" and block.level == 1 and first.kind == "heading" and first.level == 1):
            continue
        later = [b for b in blocks[k + 2:] if b.kind == "heading" and b.level <= 1]
        series = list(takewhile(lambda b: b.level == 1 and _in_series(first.text, b.text), later))
        if series:
            for inner in (first, *series):
                inner.level = 2


def _in_series(title: str, other: str) -> bool:
    """Two titles of two words or more alike but for one word ('The First Voyage', 'The Second Voyage')."""
    words, others = title.split(), other.split()
    return len(words) >= 2 and len(others) == len(words) and sum(a != b for a, b in zip(words, others)) == 1


def _label_value(label: str | None) -> int | None:
    value = number_value(label) if label else None
    return value[0] if value else None


def _demote_empty_sections(blocks: list[Block]) -> None:
    """A section heading followed at once by another heading (not one of its own sections) has no text
    of its own: it is a paragraph, with the lines the source has (its number too)."""
    for block, following in zip(blocks, [*blocks[1:], None]):
        if block.kind == "heading" and block.level >= 1 and (following is None or following.kind == "heading"
                                                              and following.level <= block.level and not following.lost_before):
            block.kind, block.label = "para", None
            block.lines = [" ".join(block.source_lines or block.lines)]


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
                    reads_as_title(group[0]) and all(_is_prose(t) for t in group[1:])
                    or any(_is_prose(t) for t in group) and _kind_of_run(group) == "verse"):
                parts = [[t] for t in group]
            for part in parts:
                out.append(Block(part, number, number + len(part) - 1, lost_before=lost,
                                 kind="list" if is_item and len(part) > 1 else "para"))
                number, lost = number + len(part), 0
        if attribution:
            out.append(Block([attribution], block.last, block.last, kind="attribution"))
    return out


def _is_prose(line: str) -> bool:
    """A line that is a paragraph, not a verse line: long, with sentences in it."""
    return len(line) > 250 or len(line) > 120 and bool(SENTENCE_INSIDE.search(line))


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


# ---------------------------------------------------------------- after recognition: gaps and titles

def flag_gaps(state: State) -> None:
    """Paragraphs cut off before a new division, numbered sections that skip a number, and entries
    of the source's contents list that are not headings in the text."""
    _flag_truncated_paragraphs(state)
    _flag_missing_sections(state)
    found = _contents_found(state)
    for k, (line, text) in enumerate(state.contents):
        if k not in found:
            state.diagnostics.add("flag.contents-missing", line, text)


def _title_keys(text: str) -> set[str]:
    """A heading's text as compared with contents entries: as it stands, and without the note call
    after its last word ('Of Money1', 'Of Money[1]')."""
    return {normalise_title(text), normalise_title(GLUED_CALL.sub("", text)), normalise_title(CALLS_AT_END.sub("", text))}


def _contents_found(state: State) -> dict[int, Block]:
    """Which entries of the source's contents list are headings in the text, matched in order."""
    keys = [normalise_title(text) for _, text in state.contents]
    found: dict[int, Block] = {}
    k = 0
    for block in state.blocks:
        if block.kind == "heading" and k < len(keys):
            titles = _title_keys(block.text) | {normalise_title(f"{block.label} {block.text}")}
            match = next((j for j in range(k, len(keys)) if keys[j] in titles), None)
            if match is not None:
                found[match], k = block, match + 1
    return found


def recase_capital_titles(state: State) -> None:
    """A title set in capitals ('WHITHER THE NEW NATIONS OF THE UN?') takes the case its words have in the
    text ('Whither the new nations of the UN?'), so that acronyms and names keep theirs; logged."""
    capitals = [block for block in state.blocks
                if block.kind == "heading" and is_capitals(block.text) and re.search(r"[A-Z]{2}", block.text)]
    if not capitals:
        return
    wanted = {word.lower() for block in capitals for word in re.findall(r"[^\W\d_]+", block.text)}
    forms: dict[str, Counter] = {}
    for word, count in count_tokens((block.text for block in state.blocks if block.kind == "para"), WORD).items():
        if word.lower() in wanted:
            forms.setdefault(word.lower(), Counter())[word] += count

    def usual(match: re.Match) -> str:
        word = match.group(0)
        if ROMAN.match(word):
            return word  # a numeral keeps its capitals, though the text cites 'chap. ii'
        seen = forms.get(word.lower())
        return seen.most_common(1)[0][0] if seen else word.lower()

    for block in capitals:
        form = heading_form(block.text)  # a heading's number in words keeps its capital ('Chapter One')
        numeral = set(form.numeral.lower().split("-")) if form is not None and form.number is not None else set()
        title = re.sub(r"[^\W\d_]+", lambda m: m.group(0).title() if m.group(0).lower() in numeral
                       and not ROMAN.match(m.group(0)) else usual(m), block.text)
        title = re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), title)
        state.diagnostics.add("restore.title-case", block.first, f"{block.text} → {title}")
        block.lines = [title]


def _flag_missing_sections(state: State) -> None:
    """Numbered sections that skip a number (3, then 5) lost the pages between them."""
    previous: dict[int, int] = {}  # level -> the last section number at that level
    for block in state.blocks:
        if block.kind != "heading":
            continue
        for level in [k for k in previous if k > block.level]:  # a higher heading: its numbering starts over
            del previous[level]
        if block.level >= 1 and block.label and block.label.isdigit():
            number = int(block.label)
            last = previous.get(block.level)
            if last is not None and number > last + 1:
                missing = ", ".join(str(n) for n in range(last + 1, number))
                state.diagnostics.add("flag.lost-page", block.first, f"section(s) {missing}, before section {number}")
                block.notes.append(f"Section(s) {missing} are missing from the source here.")
            previous[block.level] = number


def _flag_truncated_paragraphs(state: State) -> None:
    """A paragraph that stops mid-sentence (on a word in lower case or a word's hyphen; not on a call,
    a name or a title) right before a new division lost its end with a missing page. In print,
    where it stops at a page's foot, that page is reported lost (where the folios do not: no folio
    counts across divisions printed each on its own)."""
    for block, following in zip(state.blocks, state.blocks[1:]):
        if block.kind == "para" and following.kind == "heading" and following.level == 0 \
                and CUT_OFF.search(block.text.rstrip()):
            block.notes.append("The paragraph stops here in the source: the rest is missing.")
            if any(block.last <= line < following.first for line in state.lost_pages):
                continue  # reported already: the folios skip the page
            if state.kind is TextKind.PDF and following.first in state.page_starts:
                state.diagnostics.add("flag.lost-page", block.last, "a page or more after this one: the paragraph "
                                      "stops mid-sentence at its foot, and a new division opens after it", count=1)
            else:
                state.diagnostics.add("flag.truncated", block.last)


# ---------------------------------------------------------------- opt-in restorations

def restore_headings_from_bylines(state: State) -> None:
    """A contents entry 'Title (by Name)' missing from the body, where the body has a lost line and
    then 'by Name', is restored there (opt-in)."""
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
        form = heading_form(title)
        heading = Block([title], blocks[target].first, blocks[target].first, kind="heading",
                        lost_before=blocks[target].lost_before - 1, restored=True,
                        division=form.division if form else "chapter")
        blocks[target].lost_before = 0
        blocks.insert(target, heading)
        found[k] = heading
        state.diagnostics.add("restore.heading", blocks[target].first, title)


def _agrees_with_contents_order(blocks: list[Block], i: int, found: dict[int, Block], k: int) -> bool:
    """The place agrees with the contents: after the entries found before k, before those found after it."""
    position = {id(b): j for j, b in enumerate(blocks)}
    return all(position[id(b)] < i if j < k else position[id(b)] > i for j, b in found.items())


def restore_chapters_from_navigation(state: State) -> None:
    """A first section ('1.') with no chapter heading before it, where the last navigation line
    pointed on to another chapter, opens that chapter: its number is restored (opt-in)."""
    out: list[Block] = []
    chapter_label: str | None = None
    for block in state.blocks:
        expected = _navigation_target(state.navigation, block.first) if block.kind == "heading" else None
        if block.kind == "heading" and block.label == "1" and expected and expected != chapter_label and \
                (not out or out[-1].kind != "heading" or out[-1].level != 0):
            out.append(_restored_chapter(state, block, expected))
            chapter_label = expected
            block.level, block.division = 1, None
        elif block.kind == "heading" and block.level == 0:
            chapter_label = block.label or chapter_label
        out.append(block)
    state.blocks = out


def restore_lost_titles(state: State) -> None:
    """A chapter whose opening page the extraction lost (the running heads name it, its title is nowhere):
    its title, restored from the heads, opens it where its text goes on, flagged for proofreaders."""
    if not state.lost_titles:
        return
    out: list[Block] = []
    pending = sorted(state.lost_titles.items())
    for block in state.blocks:
        while pending and pending[0][0] <= block.first:
            line, title = pending.pop(0)
            state.diagnostics.add("restore.title-from-heads", line, title)
            out.append(_lost_opening(title, line, "chapter", "its title is the running heads'"))
        out.append(block)
    state.blocks = out


def restore_skipped_chapters(state: State) -> None:
    """A chapter the numbering skips ('VII', then 'IX') where the extraction lost pages between the two,
    and no line between reads as its heading: its opening stood on those pages. Its number, written as
    the text numbers its chapters, opens the text that goes on after them, flagged for proofreaders."""
    blocks = state.blocks
    chapters = [k for k, b in enumerate(blocks) if b.kind == "heading" and b.level == 0]
    inserts: list[tuple[int, Block]] = []
    for k, m in zip(chapters, chapters[1:]):
        before, after = (heading_form((blocks[j].source_lines or blocks[j].lines)[0], any_title=True) for j in (k, m))
        if before is None or after is None or before.number is None or before.style != after.style \
                or after.number != before.number + 2:
            continue
        lost = [line for line in state.lost_pages if blocks[k].last < line < blocks[m].first]
        if len(lost) != 1 or any((form := heading_form(blocks[j].text, any_title=True)) is not None
                                 and form.number == before.number + 1 for j in range(k + 1, m)):
            continue
        opening = next((j for j in range(k + 1, m) if blocks[j].first > lost[0]), None)
        title = numbered_as(numbering(before), before.number + 1)
        if opening is None or title is None:
            continue
        state.diagnostics.add("restore.title-from-numbering", blocks[opening].first, title)
        inserts.append((opening, _lost_opening(title, blocks[opening].first, blocks[k].division,
                                               "its number follows the chapters around it")))
    for opening, heading in reversed(inserts):
        blocks.insert(opening, heading)


def _lost_opening(title: str, line: int, division: str | None, why: str) -> Block:
    """The heading of a division whose opening page the extraction lost, restored at `line`, its label
    the title's number, with a remark for proofreaders saying where the title comes from."""
    form = heading_form(title)
    heading = Block([title], line, line, kind="heading", level=0, division=division, restored=True,
                    label=form.numeral if form is not None and form.number is not None else None)
    heading.notes.append(f"The opening page of '{title}' is missing from the source; {why}.")
    return heading


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


def _cut(text: str) -> bool:
    """A title's line stops on a word no title ends with ('of', 'and') or on a dash or a comma."""
    return (WORD.findall(text) or [""])[-1].lower() in MINOR_WORDS or text.endswith(("—", "–", "-", ","))
