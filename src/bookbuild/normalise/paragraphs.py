"""Source lines into blocks: one block a line group in web dumps; unwrapped paragraphs in PDF extractions.

Web dumps: each run of non-blank lines is a block, and a run of n > 1 blank lines before it means
n - 1 lines were lost (every line without a space was dropped, leaving its blank separator).

PDF extractions: lines hard-wrapped at a fixed width are joined into paragraphs; a paragraph that
runs on across a page break (or a stray blank) is joined again; end-of-line hyphens are removed
unless the word is a real compound; a table the extraction kept in columns (columns.py) becomes a
table block in its place; a title wrapped over two or three lines stays a line.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ..read import SourceLine, TextKind
from .blocks import Block
from .columns import find_column_tables
from .footnotes import MAX_LOST_ITEMS, MAX_PAGE_OF_ITEMS
from .headings import (CALLS_AT_END, MAX_TITLE_LINES, MINOR_WORDS, heading_form, is_division_line, is_title_case,
                       reads_as_title, titles_its_first_line)
from .patterns import NOTE_ITEM, SENTENCE_END, item_number
from .stacks import figures_left, find_sentence_stacks, find_stacked_tables, is_figures, table_goes_on
from .state import State
from .tables import TableGrid, report_table

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
HYPHENS = ("-", "\u2010", "\u00ad")
CALL_ALONE = re.compile(r"[1-9]\d{0,3}")  # a line that is a number alone, inside a paragraph
CALL_SET_APART = re.compile(r"(?<=[.!?’”\"'])\s+[1-9]\d{0,2}$")  # '… a sentence. 26': its call, a line of its own
OPENING_MARKS = "“‘\"'(["  # opening quotation marks and brackets, before a line's first letter
CALLED = re.compile(r"(?:[^\W\d_]|[.,;:!?”’)\]])$")  # a word or its closing mark, where a call stands
GLUED_CALL = re.compile(r"(?<=[^\W\d_])[.,;:!?”’)\]]?([1-9]\d{0,3})(?!\d|[,.]\d)")  # 'somebody.240', 'war,165'
CALL_REACH = 200  # lines from a call alone on its line to the calls before and after it in the count
RAISED_CALL_INDENT = 4  # spaces before a call alone on its line: the extraction kept the page's layout
RAISED_CALL_SLACK = 6  # columns a raised call may stand off the end of its word (its smaller type)
LIST_LOOKAHEAD = 60  # lines in which a note list's next item follows a line opening '1.' that is no item
MIN_SPLIT = 3  # one-word lines in a row: a justified line the extraction broke into its words
INLINE_REACH = 3  # lines from an item's mark within which the next item's mark inside a line runs them on
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


def _join_split_tables(tables: list[Block], source: list[SourceLine | None], left: list[SourceLine | None]) -> list[Block]:
    """A table a page break split, each part read its own way (row by row, column by column): a part
    goes on from the table before it where only page furniture and figures stand between them, it
    has as many columns and no heads, and its first column counts on."""
    index_of = {line.number: k for k, line in enumerate(source) if line is not None}
    joined: list[Block] = []
    for table in tables:
        if joined and table_goes_on(joined[-1].table, table.table) and not any(
                line is not None and line.text.strip() and not is_figures(line.text)
                for line in left[index_of[joined[-1].last] + 1:index_of[table.first]]):
            joined[-1].table.rows.extend(table.table.rows)
            joined[-1].last = table.last
        else:
            joined.append(table)
    return joined


def _holds_its_text(grid: TableGrid, texts: list[str]) -> bool:
    """Every letter and digit of a table's source lines is in its grid (caption, heads or cells)."""
    held = Counter(c for row in grid.rows for cell in row.cells if cell.text for c in cell.text if c.isalnum())
    held.update(c for c in grid.caption or "" if c.isalnum())
    return not Counter(c for text in texts for c in text if c.isalnum()) - held


def _unwrap_pdf(state: State) -> list[Block]:
    lines = list(state.lines)
    tables: list[Block] = []  # tables kept in columns or read in stacks: their lines are no paragraph's
    for find in (find_column_tables, find_stacked_tables, find_sentence_stacks):
        for rows, grid in find(lines):
            if not _holds_its_text(grid, [lines[k].text for k in rows]):
                continue  # a table that would drop some of its lines' words: they stay text (figures flagged)
            table = Block([""], lines[rows[0]].number, lines[rows[-1]].number, kind="table")
            table.table = grid
            tables.append(table)
            for k in rows:
                lines[k] = None
    tables = _join_split_tables(sorted(tables, key=lambda t: t.first), state.lines, lines)
    for number, table in enumerate(tables, start=1):  # numbered in reading order
        table.table.number = str(number)
        report_table(state, table, table.table)
    for first, last, count in figures_left(lines):
        state.diagnostics.add("flag.figures-as-text", lines[first].number, lines[first].text.strip(), count=count)
        state.figures_as_text.append((lines[first].number, lines[last].number))
    breaks = sorted([t.first for t in tables] + list(state.lost_pages))  # no paragraph runs on over a table or a lost page
    after_lost = {next((l.number for l in lines if l is not None and l.text.strip() and l.number > lost), None)
                  for lost in state.lost_pages}  # the first line after a lost page
    texts = [l.text.strip() for l in lines if l is not None and l.text.strip()]
    lengths = sorted(len(t) for t in texts)
    width = state.measure = lengths[int(len(lengths) * 0.9)] if lengths else 80
    full = 0.75 * width
    vocabulary = _vocabulary(texts)

    # runs of consecutive text lines (a blank line or removed furniture ends a run)
    runs: list[list[SourceLine]] = [[]]
    for line in lines:
        if line is not None and line.text.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])

    alone = {run[0].number for run in runs if len(run) == 1}  # lines with a blank line (or furniture) each side

    # split runs after each short line (in wrapped prose only a paragraph's last line is short),
    # before an indented line (a paragraph's first), a chapter or section number, and each item of
    # a note list
    pieces: list[list[SourceLine]] = []
    titles: set[int] = set()  # lines read as a title set over its text
    item, item_line = 0, 0  # the number of the last note item seen (a list goes on across page breaks), its line
    lost = sorted(state.lost_pages)
    above: str | None = None  # the last line before the run
    text_lines = [line for run in runs for line in run]
    position = {line.number: k for k, line in enumerate(text_lines)}
    calls = _call_numbers(text_lines)
    for run in filter(None, runs):
        run = _calls_glued(run, full, calls)
        start = 0
        title_end = -1  # the last line of a title wrapped over two lines or more
        margin = min(_indent(line.text) for line in run)
        split = _split_line(run)
        for k, line in enumerate(run):
            number = item_number(line.text)
            # the running list's next mark alone on its line ('113.'), its text on the lines under it
            mark_alone = number is None and (bare := item_number(line.text, alone=True)) == item + 1 \
                and _list_goes_on(text_lines, position[line.number], bare)
            if mark_alone:
                number = bare
            lost_since_item = bisect.bisect_left(lost, line.number) > bisect.bisect_right(lost, item_line)
            # a note list goes on past the items of a page lost in between, after a closed sentence: a few
            # items where no page is known lost, any number past a lost page, a page's worth at the top of a
            # page (lost where no folio told it), where the next items count on
            page_lost = lost_since_item or line.number in state.page_starts and number is not None \
                and number <= item + MAX_PAGE_OF_ITEMS
            opens_item = number is not None and (number == item + 1 or number == 1 and not _list_goes_on(
                text_lines, position[line.number], item) or item < number and (k == 0 or _closes(run[k - 1].text))
                and (number <= item + MAX_LOST_ITEMS and not _list_goes_on(text_lines, position[line.number], item)
                     or page_lost and _list_goes_on(text_lines, position[line.number], number))
                or line.number in after_lost) and not _next_item_inline([l.text for l in run[k:k + INLINE_REACH]], number)
            indented = _indent(line.text) >= margin + 2 and k > start and not _ends_paragraph(run[k - 1].text.strip(), width)
            # a division's form under a line running on, in lower case or under a note's full line ('… as we
            # saw in' / 'chapter iv.'; '(11) See the Harbour Act, para. 4 of Part X' / 'Section IV.', or '… pp.
            # 83,' / '84.'): the sentence's end (a paragraph cut short over a chapter's heading is no note)
            runs_on = k > 0 and (not _closes(run[k - 1].text) or run[k - 1].text.rstrip().endswith(",")) and (
                line.text.strip()[:1].islower()
                or len(run[k - 1].text.strip()) >= full and item_number(run[start].text) is not None)
            if (_opens_division_or_section(line.text) and not runs_on or opens_item or indented) and k > start:
                pieces.append(run[start:k])
                start = k
            if opens_item:
                item, item_line = number, line.number
            broken_word = line.text.rstrip().endswith(HYPHENS) and run[k + 1].text.strip()[:1].isalpha() \
                if k < len(run) - 1 else False
            long = len(line.text.strip()) >= full  # as long as the text's lines: not where a sentence runs on to it
            # a title opens a piece: a run's first line (a full one under a closed sentence or a heading's
            # number), or the line after a short line or a title
            opens = k == start and (not long or k > 0 or above is None or _closes(above) or _numbers_heading(above))
            title = opens and k < len(run) - 1 and _title_over_text(line.text, run[k + 1].text, long=long)
            if title:
                titles.add(line.number)
            elif opens and (wrapped := _wrapped_title_lines([l.text.strip() for l in run[k:k + MAX_TITLE_LINES + 1]], full)):
                titles.update(l.number for l in run[k:k + wrapped])
                title_end = k + wrapped - 1
            if k < title_end:  # a wrapped title's line: a line of its own, as a title's set apart, but
                ends = not line.text.rstrip().endswith(",")  # on a comma, no title alone: one block with the next
            else:
                ends = not mark_alone and (title or k == title_end or _ends_paragraph(line.text.strip(), width)) \
                    if k < len(run) - 1 else False
            if ends and not broken_word and (k not in split or k == title_end):
                pieces.append(run[start:k + 1])
                start = k + 1
        pieces.append(run[start:])
        above = run[-1].text

    blocks: list[Block] = []
    ends_full: dict[int, bool] = {}  # id of a block -> its last line ran to the full width
    # a line alone in Title Case at a page's top is a title or a running head, whatever stands before it; one
    # the text runs on past in lower case is a running head the paragraph goes on over
    page_titles = {piece[0].number for piece, following in zip(pieces, [*pieces[1:], None])
                   if piece[0].number in state.page_starts and not _closes(piece[0].text)
                   and (_title_alone(piece, alone) or len(piece) == 1 and piece[0].number in titles)
                   and not (following and following[0].text.strip()[:1].islower())}
    for piece in pieces:
        text = _joined_text(piece, vocabulary, state)
        broken = bisect.bisect(breaks, piece[0].number) > bisect.bisect(breaks, blocks[-1].last) if blocks else False
        if blocks and not broken and piece[0].number not in page_titles \
                and _continues(blocks[-1], piece, ends_full[id(blocks[-1])], state.page_starts):
            prev = blocks[-1]
            prev.lines[-1] = _join(prev.lines[-1], text, vocabulary, state, piece[0].number)
            prev.last = piece[-1].number
            ends_full[id(prev)] = len(piece[-1].text.strip()) >= full
            state.diagnostics.add("restore.page-join", piece[0].number)
            continue
        # a short line wrapped onto the next ('Of the Variations in the Proportion' / 'between …'; a title
        # on a comma: 'III. Harbours Not Built from Stone,' / 'but Dredged from the Sand'), or a title onto
        # two or three short lines ('Of the Duties Upon the Import' / 'from Other Countries of Such …' / …)
        if blocks and blocks[-1].kind == "short" and piece[0].text.strip()[:1].islower() \
                and all(len(line.text.strip()) < full for line in piece) and blocks[-1].last + 1 == piece[0].number \
                and (len(piece) == 1 or len(piece) <= 3 and _reads_as_title(f"{blocks[-1].text} {text}")) \
                and (not SENTENCE_END.search(blocks[-1].text)
                     or blocks[-1].text.endswith(",") and _reads_as_title(f"{blocks[-1].text} {text}")):
            blocks[-1].lines[-1] = f"{blocks[-1].lines[-1]} {text}"
            blocks[-1].last = piece[-1].number
            continue
        kind = "para" if (len(piece) > 1 or len(piece[0].text.strip()) >= full and not _title_alone(piece, alone)) \
            and not _wrapped_title(piece, text, full) and not all(line.number in titles for line in piece) else "short"
        blocks.append(Block([text], piece[0].number, piece[-1].number, kind=kind))
        ends_full[id(blocks[-1])] = len(piece[-1].text.strip()) >= full
    return sorted(blocks + tables, key=lambda b: b.first)


def _call_numbers(lines: list[SourceLine]) -> dict[int, list[tuple[int, bool]]]:
    """Where each number that may be a note's call stands: value -> (source line, glued to its word:
    'somebody.240'; else a number alone on its line)."""
    calls: dict[int, list[tuple[int, bool]]] = {}
    for line in lines:
        text = line.text.strip()
        if CALL_ALONE.fullmatch(text):
            calls.setdefault(int(text), []).append((line.number, False))
        for match in GLUED_CALL.finditer(text):
            calls.setdefault(int(match.group(1)), []).append((line.number, True))
    return calls


def _counted_between(calls: dict[int, list[tuple[int, bool]]], line: int, value: int) -> bool:
    """The number alone on `line` is the call the text's count of calls needs there: the call before
    it in the count stands within reach above, the call after it below, one of them glued to its
    word (a section's numbers stand alone each), and no other number of its value between them."""
    before = [(n, glued) for n, glued in calls.get(value - 1, []) if line - CALL_REACH <= n < line]
    after = [(n, glued) for n, glued in calls.get(value + 1, []) if line < n <= line + CALL_REACH]
    if not before or not after or not (before[-1][1] or after[0][1]):
        return False
    return not any(before[-1][0] <= n <= after[0][0] and n != line for n, _ in calls.get(value, []))


def _calls_glued(run: list[SourceLine], full: float, calls: dict[int, list[tuple[int, bool]]]) -> list[SourceLine]:
    """A note's call that the extraction set on a line of its own, amid a sentence ('… is called the
    premium,' / '17' / 'which, at that market …'), glued back to the word it follows: a line of a number
    alone, after a full line ending in a word or its closing mark (under a title's short line, a
    number is a section's), over a line going on in lower case or closing its run (a page's foot),
    or over a sentence where the text's count of calls needs it there (a section's number stands so).
    Amid a justified line set a word a line, the call stands out of its place: it is left. Where the extraction kept the page's layout
    (the call set at its column), the call is raised over its own line: it goes after the word of the
    line below that ends where it stands."""
    out: list[SourceLine] = []
    below: str | None = None  # a call raised over the next line, set at its column
    for k, line in enumerate(run):
        text = line.text.strip()
        if out and CALL_ALONE.fullmatch(text) and CALLED.search(out[-1].text.rstrip()) and len(out[-1].text.strip()) >= full \
                and (k + 1 == len(run) or run[k + 1].text.strip()[:1].islower()
                     or _counted_between(calls, line.number, int(text))):
            column = _indent(line.text)  # at the line above's margin, the call kept no column of its own: it ends that line
            at = _word_end_under(run[k + 1].text, column) if k + 1 < len(run) and column > _indent(out[-1].text) else None
            if at is None:
                out[-1] = SourceLine(out[-1].number, out[-1].text.rstrip() + text)
            else:
                below = run[k + 1].text[:at] + text + run[k + 1].text[at:]
            continue
        out.append(SourceLine(line.number, below) if below is not None else line)
        below = None
    return out


def _word_end_under(text: str, column: int) -> int | None:
    """Where a word of the line ends right under a call set at `column` (a layout's column, past the
    line's start), or None."""
    if column < RAISED_CALL_INDENT:
        return None
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    nearest = min(ends, key=lambda end: abs(column - end), default=None)
    return nearest if nearest is not None and abs(column - nearest) <= RAISED_CALL_SLACK else None


def _split_line(run: list[SourceLine]) -> set[int]:
    """The lines of a run that are words of one justified line the extraction set one a line (its wide
    spaces read as columns: 'The' / 'growth' / 'of' / 'the' / … / 'market towns, …'): runs
    of MIN_SPLIT or more one-word lines, some word in lower case, as running text has, and a figure
    only between words ('June,' / '1920),' / 'says': a column of figures is a table's). No such
    line ends a paragraph."""
    split: set[int] = set()
    k = 0
    while k < len(run):
        end = k
        while end < len(run) and len(run[end].text.split()) == 1 and (
                WORD.search(run[end].text) or end > k and end + 1 < len(run) and WORD.search(run[end + 1].text)):
            end += 1
        words = [run[j].text.strip() for j in range(k, end)]
        if len(words) >= MIN_SPLIT and any(w[:1].islower() for w in words):
            split.update(range(k, end))
        k = end + 1
    return split


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _ends_paragraph(text: str, width: int) -> bool:
    """In wrapped prose only a paragraph's last line falls well short of the width (or a little short,
    closing a sentence)."""
    return len(text) < 0.6 * width or len(text) < 0.7 * width and _closes(text)


def _next_item_inline(lines: list[str], number: int) -> bool:
    """The first line, opening on item `number` in brackets, or a line or two under it holds the next
    one's mark inside it ('(2) Machinery. … (3) Coal'; '(1) that the details …' / '… cease; (2) that
    …'), before any line opens on it: the items run on in a sentence, no list's item opens the line."""
    mark = NOTE_ITEM.match(lines[0])
    if not (mark and mark.group(2)):
        return False
    following = f"({number + 1})"
    for text in [mark.group(4), *lines[1:]]:
        if text.lstrip().startswith(following):
            return False
        if following in text:
            return True
    return False


def _closes(text: str) -> bool:
    """The line closes a sentence (or a clause), a note call printed after it or not ('society.15', or
    'society. 15' where the call stood on a line of its own)."""
    return bool(SENTENCE_END.search(CALLS_AT_END.sub("", CALL_SET_APART.sub("", text))))


def _title_over_text(text: str, following: str, long: bool = False) -> bool:
    """A line in Title Case at the top of a page or after a blank, with no sentence in it (but for a
    title its text's first line repeats) and not stopping on a little word or a comma, over a line
    starting with a capital (after any opening quotation mark: a story may open on what is said) or a
    section's number: a heading set over its text (it may be long on a narrow page; a line as long as
    the text's, only with every word that counts capitalised and no title going on under it)."""
    text, following = text.strip(), following.strip()
    last_word = text.split()[-1].lower() if text else ""
    title_goes_on = long and is_title_case(following) and reads_as_title(following) and not SENTENCE_END.search(following)
    return len(text.split()) >= 2 and is_title_case(text, 1.0 if long else 0.6) \
        and (reads_as_title(text) and not SENTENCE_END.search(text) or titles_its_first_line(text, following)) \
        and last_word not in MINOR_WORDS and not text.endswith(",") and not title_goes_on \
        and (following.lstrip(OPENING_MARKS)[:1].isupper() or re.fullmatch(r"\d{1,3}", following) is not None)


def _wrapped_title_lines(lines: list[str], full: float) -> int:
    """How many of these lines, from the first, are a title wrapped over its text (none: 0): the most
    that read as one title over a line of text, so that a title wrapped over four lines on a narrow
    page ('II. Of Lamps Considered as a' / 'Particular Branch of the Common' / 'Stock of the
    Harbour, or of the Expense' / 'of Maintaining the Northern Coast') is not cut after two, its lines
    as long as the text's where every word that counts is capitalised."""
    wrapped = 0
    for n in range(2, len(lines)):
        if n > 2 and (len(lines[n - 1]) >= full and not is_title_case(lines[n - 1], 1.0) or _numbers_heading(lines[n - 1])):
            break  # a title's lines past its second are short of the text's width or in strict Title Case, and number nothing
        if _wrapped_over_text(lines[:n], lines[n], full):
            wrapped = n
    return wrapped


def _wrapped_over_text(title: list[str], following: str, full: float) -> bool:
    """A title wrapped onto a second line or more, set over its text with no blank between: a line
    stops on a little word or a comma, or the next opens on one or on a dash, so that line is no
    title's end ('Of the Lamps Kept in the' / 'Harbours of the North', 'Of the Lamps' / '—Their
    Keepers'; a third line may finish it: 'the Lighting of the' / 'Coast'), or the first runs the
    full width in strict Title Case, as a title alone would not ('Of the Effects of the Progress of
    the Harbour Trade' / 'Upon Three Sorts of the Towns Around It'); and the lines read as one title
    (a line as long as the text's only in strict Title Case)."""
    first = title[0]
    long = [len(line) >= full for line in title]
    full_title = long[0] and "," not in first and not re.search(r"\d", title[1])  # no place and date ('New' / 'York, 1880')
    cut = any(above.split() and (above.split()[-1].lower() in MINOR_WORDS or above.endswith(","))
              or below.split() and (below.split()[0] in MINOR_WORDS or below[:1] in "—–")
              for above, below in zip(title, title[1:]))  # at any of its line ends
    return (cut or full_title) \
        and all(is_title_case(line, 1.0 if is_long else 0.6) for line, is_long in zip(title, long)) \
        and _title_over_text(" ".join(title), following, long=any(long))


def _opens_numbered_title(text: str) -> bool:
    """A line opening with a heading's number and a title in Title Case, however it ends ('III. Harbours
    Not Built from Stone,'; not '1. iron goods' nor 'I. e. the')."""
    form = heading_form(text, any_title=True)
    return form is not None and form.number is not None and bool(form.title) and is_title_case(form.title)


def _numbers_heading(text: str) -> bool:
    """A heading's number or label alone on its line ('II', 'CHAPTER IV'): a title may follow."""
    form = heading_form(text)
    return form is not None and form.title is None and form.number is not None


def _wrapped_title(piece: list[SourceLine], text: str, full: float) -> bool:
    """A title wrapped over two or three lines, its last line short ('II. Of the Principle Which Gives
    Occasion to the Division of' / 'Labour'; 'The Malthusian Theory, Its Genesis and' / 'Support'):
    a line, as a title set alone is, not a paragraph."""
    return 1 < len(piece) <= 3 and len(piece[-1].text.strip()) < full and _reads_as_title(text)


def _title_alone(piece: list[SourceLine], alone: set[int]) -> bool:
    """A line set alone in strict Title Case, however long: a title or a running head, no paragraph
    ('The Harbour and the Keeping of Its Northern Lamps' over blank lines, at a page's top)."""
    text = piece[0].text.strip()
    return len(piece) == 1 and piece[0].number in alone and is_title_case(text, 1.0) and reads_as_title(text)


def _reads_as_title(text: str) -> bool:
    """A title, numbered ('II. Of the Principle …') or not, its words that count capitalised."""
    form = heading_form(text)
    if form is not None and form.number is not None and form.title is not None:
        return is_title_case(form.title)
    return is_title_case(text) and reads_as_title(text)


def _list_goes_on(lines: list[SourceLine], k: int, item: int) -> bool:
    """The running list's next item follows line k, before any item 2: line k, opening '1.' or a
    number past the next ('18.' after item 15), is a note's text (a reference's '… vol.' / '1., p.
    20'; '… vol. iii. p.' / '18. A. Author, Cases'), not a new list's first item nor one past lost items."""
    numbers = (item_number(line.text) for line in lines[k + 1:k + 1 + LIST_LOOKAHEAD])
    return item > 1 and next((n for n in numbers if n in (2, item + 1)), None) == item + 1


def _continues(prev: Block, piece: list[SourceLine], full_line: bool, page_starts: set[int]) -> bool:
    """Does this piece carry on the previous paragraph? It does when it starts in lower case; and
    across a page break or a stray blank line, when the paragraph stopped short of a sentence's end
    or a page broke it after a line running the full width (where no furniture marks the page, two
    blank lines after a full line stopping on a comma)."""
    if prev.kind != "para":
        return False
    last = prev.lines[-1].rstrip()
    first = piece[0].text.strip()
    if re.fullmatch(r"\*[ *]*", first) or _opens_division_or_section(first) or item_number(first) is not None:
        return False
    if first[:1].islower():
        return True
    if piece[0].number == prev.last + 1:  # split on purpose (after a short line), not by a break
        return False
    if piece[0].number in page_starts:
        # a page broke it after a line running the full width (a short line ends a paragraph), unless
        # the paragraph closed a sentence and a title-like line stands alone at the page's top or a title
        # opens with its number ('III. Harbours Not Built from Stone,' wrapped), or a heading's number in
        # roman numerals or with its label does ('V', 'CHAPTER V')
        title_alone = len(piece) == 1 and not _closes(first) or _opens_numbered_title(first)
        return full_line and not (_closes(last) and title_alone) and not (_numbers_heading(first) and not first.isdigit())
    if full_line and last.endswith(",") and piece[0].number - prev.last > 2:
        return True  # two blank lines or more after a full line stopping on a comma: a page broke it
    return not _closes(last) and not last.endswith(("—", "-"))


def _opens_division_or_section(text: str) -> bool:
    return bool(is_division_line(text) or re.fullmatch(r"\s*\d+\.\s*", text))


def _joined_text(piece: list[SourceLine], vocabulary: Counter, state: State) -> str:
    text = piece[0].text.strip()
    for line in piece[1:]:
        text = _join(text, line.text.strip(), vocabulary, state, line.number)
    return text


def _join(left: str, right: str, vocabulary: Counter, state: State, number: int) -> str:
    """Join two wrapped lines, removing an end-of-line hyphen (-, ‐ or a soft hyphen) unless the word
    is a real compound (as it is when the line after it starts with a capital)."""
    match = re.search(r"([^\W\d_]+)[-\u2010\u00ad]$", left[-60:]) if left.endswith(HYPHENS) else None
    if match and right[:1].isupper() and not left.endswith("\u00ad"):
        return left[:-1] + "-" + right  # a compound broken at its hyphen: 'anti-' / 'Slavery', 'Schleswig-' / 'Holstein'
    if not match or not right[:1].islower():
        return f"{left} {right}"
    head, tail = match.group(1), re.match(r"[^\W\d_]*", right).group(0)
    if _is_compound(head, tail, vocabulary) and not left.endswith("\u00ad"):
        return left[:-1] + "-" + right
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
