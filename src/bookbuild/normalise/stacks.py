"""Tables a PDF extraction read column by column (pdftotext without -layout): the row labels one a
line, then, after a blank line, the figures of each column one a line, as stacks.

    Land                   $1,320,000,000         Land
    Buildings              1,175,000,000          Buildings
    Cash                   85,000,000      ->     Cash
                                                  (blank)
                                                  $1,320,000,000
                                                  1,175,000,000
                                                  85,000,000

A run of short lines, no sentence among them, in stacks set apart by blank lines, is a table when
it holds a stack of figures next to a stack of labels (or a stack of figures starting a row, as a
year does). Each stack is a column, its cells from the top; text lines over a stack of figures are
its head. Figures set under a column's head after the first stacks (a long table, its labels
wrapped) take turns in the headed columns (with no heads, as their lengths pair up). Where labels
and figures alternate line by line, each label starts a row. A stack of figures that starts each
row (years) gives the rows of a table read row by row. Rows with no label are sums, told by their
figures (a figure adding up those above it); where no sum explains them, which label stands on
which row is not sure and the figures stay text. A table's part on the next page goes on from it
where its first column counts on (years, groups' names); where the page break cut the rows of a
sum under its years, the parts on both sides of it are laid as one. A page's column of labels may
run on from the foot of one table into the next, under its title, and the last rows' labels may
come after the figures. Two tables set one over the other on a page, their columns in line, are
read column by column across both: the columns take turns, the lower table's part under its
head. Anything else is left as text: a list, a verse, a contents list.

A table of sentences comes out as its columns one after the other, each under its head and wrapped
to a narrow measure (or side by side, with -layout): as many sentences in each, one row a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import product, takewhile

from ..read import SourceLine
from .headings import ABBREVIATIONS, CALLS_AT_END, is_division_line, is_title_case, reads_as_title
from .patterns import NOTE_ITEM, roman_value
from .tables import Cell, Row, TableGrid

ITEM_MARK = re.compile(r"^\(\w{1,3}\)")  # '(a) …', '(12) …': an item of its own
UNIT_HEAD = re.compile(r"^[A-Z]\w*:$")  # a column head's first word ('Amount:'), not a lead-in
GROUP_NAME = re.compile(r"^(?:[IVXLC]+|\d+|[A-Z])\.\s+\S.{0,30}:[—-]?$")  # 'I. Raw materials:—'
TOTAL = re.compile(r"total\b", re.I)  # a label saying its row is a sum
DITTO = re.compile(r"^[”\"„〃]$")  # the cell above, again
FRACTION = r"(?:[¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁄[₀₁₂₃₄₅₆₇₈₉]+)"  # '½', '⁹⁄₁₃'
FIGURE = re.compile(rf"^[(\[]?[$£€]?\d[\d,.]*{FRACTION}?%?[)\]]?$|^[$£€]?{FRACTION}$|^[—–-]+$|{DITTO.pattern}"
                    r"|^\d+\)\d[\d,.]*$|^(?:…|\.\.\.)$")  # '26)54': a sum over its divisor, as a long division is set; '…' for none
MAX_CELL = 60  # characters: a longer line is prose
CELL_SHARE = 0.8  # of a full line of the text: a cell is shorter
MAX_BREAK = 12  # blank or removed lines (a page's foot and head) a table may run on over
MIN_FIGURES = 2  # lines of figures in a stack
MAX_COLUMNS = 12
MAX_SPANNING = 2  # lines of heads over all the figures
MAX_HEAD = 6  # lines of a column's head (a narrow column wraps a head and its unit onto as many)
MAX_HEAD_LINE = 20  # characters of a line of a column's head set apart from its figures
MAX_KEYLESS = 3  # rows with no key (sums) where a column of keys is split
MIN_ROWS = 3  # rows of a table read row by row, or of labels and figures line by line
MAX_LABELS_AFTER = 3  # labels of a table's last rows, read after its columns of figures
MAX_TRIES = 20000  # ways of filling a row tried while laying figures cut short by empty cells on their rows
MIN_LEFT = 6  # lines of figures left as text that a proofreader is shown
NARROW_SHARE = 0.7  # of a full line of the text: the measure of a column of sentences is narrower
ALIGN_SPLIT = 4  # characters the second column's lines may start off its head


@dataclass
class Stack:
    indexes: list[int]  # source indexes of its lines
    texts: list[str]

    @property
    def figures(self) -> list[bool]:
        return [is_figures(t) for t in self.texts]

    def figures_under(self, head: int) -> bool:
        """Mostly figures under at most `head` lines of head (a unit over ditto marks counts: 'tons.' /
        '”' / '”')."""
        figures = self.figures
        first = figures.index(True) if True in figures else len(figures)
        below = figures[first:] if first <= head else []
        return sum(below) >= MIN_FIGURES and sum(below) * 3 >= len(below) * 2

    @property
    def of_figures(self) -> bool:
        return self.figures_under(MAX_HEAD)


def is_figures(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(FIGURE.match(t) for t in tokens)


def find_stacked_tables(lines: list[SourceLine | None]) -> list[tuple[list[int], TableGrid]]:
    """The source indexes and the grid of each table read column by column, in order (the caller numbers them)."""
    longest = min(MAX_CELL, CELL_SHARE * _full_line(lines))
    found: list[tuple[list[int], TableGrid]] = []
    k = 0
    while k < len(lines):
        if not _is_cell(lines[k], longest) or _ends_sentence_above(lines, k, longest):
            k += 1
            continue
        stacks, k = _stacks_from(lines, k, longest)
        stacks = [part for stack in stacks for part in _next_head_apart(stack)]
        n, last_end = 0, -1
        while n < len(stacks):
            made = _tables_in_turns(stacks, n) or _table_at(stacks, n)
            if made is None:
                n += 1
                continue
            taken, tables = made
            for used, grid in tables:
                if last_end == n and table_goes_on(found[-1][1], grid):  # the same table, set anew on the next page
                    found[-1][0].extend(used)
                    found[-1][1].rows.extend(grid.rows)
                else:
                    found.append((used, grid))
                last_end = -1  # of two tables in turns, only the upper goes on from the table before
            n += taken
            last_end = n
    return found


def figures_left(lines: list[SourceLine | None]) -> list[tuple[int, int, int]]:
    """Runs of stacks holding lines of figures that no table took (a table whose rows the text does
    not fix): (the indexes of the run's first and last lines, its lines of figures), for runs of
    MIN_LEFT or more."""
    longest = min(MAX_CELL, CELL_SHARE * _full_line(lines))
    runs: list[list[int]] = []  # [first line, last line, lines of figures]
    k = 0
    while k < len(lines):
        if not _is_cell(lines[k], longest):
            k += 1
            continue
        stacks, k = _stacks_from(lines, k, longest)
        # a stack mostly figures (a poem's or a part's section numbers under their titles are none)
        figures = sum(sum(s.figures) for s in stacks if sum(s.figures) * 2 > len(s.texts))
        if not figures:
            continue
        if runs and stacks[0].indexes[0] - runs[-1][1] <= MAX_BREAK:  # a line of words between: one run
            runs[-1][1:] = [stacks[-1].indexes[-1], runs[-1][2] + figures]
        else:
            runs.append([stacks[0].indexes[0], stacks[-1].indexes[-1], figures])
    return [(first, last, figures) for first, last, figures in runs if figures >= MIN_LEFT]


def _ends_sentence_above(lines: list[SourceLine | None], k: int, longest: float) -> bool:
    """Line k ends the sentence of the line of text right above it, which stops mid-sentence or on a
    broken word ('… of minor im‐' / 'portance individually.'): a paragraph's last line, no cell."""
    above = lines[k - 1] if k else None
    return above is not None and not _is_cell(above, longest) and bool(re.search(r"[\w,\u2010\u00ad-]$", above.text.rstrip()))


def _full_line(lines: list[SourceLine | None]) -> float:
    """The length of a full line of the text (most lines are shorter)."""
    lengths = sorted(len(line.text.strip()) for line in lines if line is not None and line.text.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else MAX_CELL / CELL_SHARE


def _table_at(stacks: list[Stack], n: int) -> tuple[int, list[tuple[list[int], TableGrid]]] | None:
    """The table starting at stack n, if one does: (stacks taken, [(source indexes, grid)])."""
    stack = stacks[n]
    heads_after = n + 1  # past stacks of heads of their own ('Amount: / Million / Dollars')
    while heads_after < len(stacks) and _head_stack(stacks[heads_after]):
        heads_after += 1
    of_labels = len(stack.texts) >= 2 and not any(stack.figures)
    figures_after = heads_after  # past the stacks of figures after them
    while figures_after < len(stacks) and _goes_on_figures(stacks, figures_after, figures_after == n + 1, of_labels):
        figures_after += 1
    if figures_after - heads_after < heads_after - n - 1:
        heads_after = figures_after = n + 1  # heads with no figures under them: no table
    labels = of_labels and figures_after > heads_after \
        and not any(is_division_line(t) for t in stack.texts)  # chapters over their pages: a contents list
    if _alternates(stack) or labels:
        grid = _columns_table(stack, stacks[heads_after:figures_after], stacks[n + 1:heads_after])
        after = stacks[figures_after] if figures_after < len(stacks) else None
        if grid is None and labels and after is not None and len(after.texts) <= MAX_LABELS_AFTER \
                and not any(after.figures):  # the last rows' labels, read after the columns of figures
            grid = _columns_table(Stack(stack.indexes + after.indexes, stack.texts + after.texts),
                                  stacks[heads_after:figures_after], stacks[n + 1:heads_after])
            figures_after += grid is not None
        if grid is None and labels and after is not None and _head_stack(stack) and len(after.texts) > MAX_LABELS_AFTER \
                and not any(after.figures):  # every label read after the columns of figures, the heads over them
            grid = _columns_table(after, stacks[heads_after:figures_after])
            if grid is not None:
                _heads_over_columns(grid, stacks[n:heads_after])
                figures_after += 1
        if grid is None and heads_after == n + 1:
            return _table_under_the_labels_end(stacks, n, figures_after)
        if grid is None and labels and (own := _labels_to_total(stack)) is not None:  # the next table's title after
            grid = _columns_table(own, stacks[heads_after:figures_after], stacks[n + 1:heads_after])
            return (figures_after - n, [(own.indexes + _indexes(stacks[n + 1:figures_after]), grid)]) if grid else None
        return (figures_after - n, [(_indexes(stacks[n:figures_after]), grid)]) if grid else None
    if not stack.figures_under(len(stack.texts)):  # a table read row by row may have a long head
        return None
    for m in range(figures_after, n, -1):  # row by row, over as many stacks as keep the rows counting up
        made = _rows_table(stacks[n:m])
        if made is not None:
            return m - n, [made]
    if (joint := _over_a_page_break(stacks, n, figures_after)) is not None:
        return joint
    keys, after = _keys_across_splits(stacks, n, figures_after)
    last_key = next(t for t in reversed(keys.texts) if t)
    same = after  # or columns of figures side by side, the first counting up (a year and its figures)
    while same < figures_after and any(stacks[same].figures) and abs(len(stacks[same].texts) - len(keys.texts)) <= 1 \
            and not _keys_go_on(last_key, stacks[same]):  # keys going on start the next page's part
        same += 1
    if same > after and len(keys.texts) >= MIN_ROWS and _counts_up([t.split()[0] for t in keys.texts if t]):
        grid = _columns_table(None, [keys, *stacks[after:same]])
        return (same - n, [(_indexes(stacks[n:same]), grid)]) if grid else None
    return None


def _goes_on_figures(stacks: list[Stack], k: int, first: bool, after_labels: bool) -> bool:
    """Stack k is one of a table's stacks of figures: mostly figures under at most a head, or figures
    alone however few (a column a wrapped label cut short), but as the first stack only after labels
    and with more figures after it."""
    if stacks[k].of_figures:
        return True
    if not all(stacks[k].figures):
        return False
    return not first or after_labels and k + 1 < len(stacks) and all(stacks[k + 1].figures)


def _heads_over_columns(grid: TableGrid, heads: list[Stack]) -> None:
    """The heads read before the columns of figures, a row of their own: one over the first column, or
    each over as many columns as the others where they share the columns evenly ('Exports' over
    two, 'Imports' over the next two); all in the first where they do not."""
    line = heads[0].indexes[0]
    cells = [Cell("", line) for _ in range(grid.columns)]
    span = (grid.columns - 1) // len(heads) if (grid.columns - 1) % len(heads) == 0 else 0
    for k, head in enumerate(heads):
        cell = cells[1 + k * span]
        cell.text = " ".join(filter(None, [cell.text, *head.texts]))
    grid.rows.insert(0, Row(cells, header=True))


def _labels_to_total(labels: Stack) -> Stack | None:
    """A column of labels read on past its 'Total' into the next table's title ('Grain Received,
    1913'): the labels up to the total; None unless a line or two in title case follow it."""
    totals = [m for m, text in enumerate(labels.texts) if TOTAL.match(text)]
    if not totals or not 0 < len(labels.texts) - totals[-1] - 1 <= MAX_LABELS_AFTER \
            or not is_title_case(labels.texts[totals[-1] + 1]):
        return None
    return Stack(labels.indexes[:totals[-1] + 1], labels.texts[:totals[-1] + 1])


def _table_under_the_labels_end(stacks: list[Stack], n: int, figures_after: int
                                ) -> tuple[int, list[tuple[list[int], TableGrid]]] | None:
    """A page's column of labels read whole, from the foot of one table into the next, set under it
    with its title: the first table's figures come next (as many rows as its labels, and its sums;
    columns taking turns where wrapped labels cut them), then the second's heads and figures. The
    second table, its title heading its labels; the first table too where its labels, heads and
    figures make one under its title (a table going on from the page before stays text: its rows
    are not sure). Where the labels split more than one way, the way that makes both tables."""
    labels = stacks[n]
    upper = stacks[n + 1:figures_after]
    rows = _rows_in_turns(upper)
    if rows is None or figures_after >= len(stacks) or not _head_stack(stacks[figures_after]):
        return None
    lower_only = []  # splits where only the second table is made
    for split, title in enumerate(labels.texts[:-MIN_ROWS]):
        sums = rows - len(_joined_labels(labels.texts[:split]))  # the first table's rows with no label
        if not split or not 0 <= sums <= MAX_KEYLESS or not is_title_case(title) or GROUP_NAME.match(title) \
                or TOTAL.match(title):
            continue
        made = _table_at([Stack(labels.indexes[split:], labels.texts[split:]), *stacks[figures_after:]], 0)
        if made is None or not _titled(made[1][0][1], title):
            continue
        taken, tables = made
        upper_labels = Stack(labels.indexes[:split], labels.texts[:split])
        upper_grid = _columns_table(upper_labels, upper)
        if upper_grid is not None and _titled(upper_grid, labels.texts[0]):
            return figures_after - n - 1 + taken, [(upper_labels.indexes + _indexes(upper), upper_grid), *tables]
        lower_only.append((figures_after - n - 1 + taken, tables))
    return lower_only[0] if lower_only else None


def _titled(grid: TableGrid, title: str) -> bool:
    """The title heads the table's column of labels."""
    return grid.rows[0].header and grid.rows[0].cells[0].text == title


def _rows_in_turns(figures: list[Stack]) -> int | None:
    """The rows of stacks of figures, each a column or, under heads over the first stacks, taking
    turns in the headed columns: None unless every column is as long."""
    headed = [_head_and_cells(s) for s in figures]
    with_heads = [m for m, (head, _) in enumerate(headed) if head]
    if not headed or with_heads and with_heads != list(range(len(with_heads))):
        return None
    turns = len(with_heads) or len(headed)
    lengths = {sum(len(cells) for _, cells in headed[t::turns]) for t in range(turns)}
    return lengths.pop() if len(lengths) == 1 else None


def _tables_in_turns(stacks: list[Stack], n: int) -> tuple[int, list[tuple[list[int], TableGrid]]] | None:
    """Two tables one over the other on a page, their columns in line, read column by column: the
    first's keys (years), the second's keys under their head, counting up anew, then each column in
    turn, the first table's part, then the second's under its head ('s.'). The first table's parts
    may run on by rows with no key (its sums), and so may the second's, at its keys' splits or after
    each part. Both tables, or None."""
    first = stacks[n]
    if n + 1 >= len(stacks) or not all(_is_key(t) for t in first.texts) or not _counts_up(first.texts):
        return None
    below = stacks[n + 1]
    head = list(takewhile(_is_head_line, below.texts[:MAX_HEAD]))
    keys = below.texts[len(head):]
    if not head or len(keys) < MIN_FIGURES or not all(_is_key(t) for t in keys) or not _counts_up(keys) \
            or _value(keys[0]) >= _value(first.texts[-1]) or len(keys[0]) != len(first.texts[0]):
        return None
    parts = [Stack(below.indexes[len(head):], keys)]
    k = n + 2
    while k < len(stacks) and _keys_go_on(parts[-1].texts[-1], stacks[k]):
        parts.append(stacks[k])
        k += 1
    turns: list[tuple[list[str], Stack]] = []  # (head lines, figures): upper part, lower part, upper, ...
    taken: list[int] = []  # parts each stack gave
    while k < len(stacks) and (segments := _segments(stacks[k])) is not None and _in_turns(turns + segments):
        turns.extend(segments)
        taken.append(len(segments))
        k += 1
    if len(turns) % 2:  # the last stack ended on an upper part: it is no part of these tables
        del turns[len(turns) - taken.pop():]
        k -= 1
    upper, lower = turns[0::2], turns[1::2]
    if len(lower) < 2:
        return None
    a_keyless = len(upper[0][1].texts) - len(first.texts)
    b_keys = _keys_with_keyless(parts, len(lower[0][1].texts))
    if not 0 <= a_keyless <= MAX_KEYLESS or b_keys is None:
        return None
    upper_grid = TableGrid(number="", caption=None, columns=len(upper) + 1)
    line = first.indexes[0]
    for r, key in enumerate(first.texts + [""] * a_keyless):
        upper_grid.rows.append(Row([Cell(key, line), *[Cell(f.texts[r], line) for _, f in upper]]))
    lower_grid = TableGrid(number="", caption=None, columns=len(lower) + 1)
    line = below.indexes[0]
    spanning = lower[0][0][:-1]  # lines over the first column's head head all the figures
    for text in spanning:
        lower_grid.rows.append(Row([Cell("", line), Cell(text, line), *[Cell("", line) for _ in lower[1:]]], header=True))
    lower_grid.rows.append(Row([Cell(" ".join(head), line), *[Cell(" ".join(h[len(spanning) if c == 0 else 0:]), line)
                                                               for c, (h, _) in enumerate(lower)]], header=True))
    for r, key in enumerate(b_keys):
        lower_grid.rows.append(Row([Cell(key, line), *[Cell(f.texts[r], line) for _, f in lower]]))
    upper_lines = first.indexes + [i for _, f in upper for i in f.indexes]
    lower_lines = sorted(set(_indexes(stacks[n + 1:k])) - set(upper_lines))
    return k - n, [(upper_lines, upper_grid), (lower_lines, lower_grid)]


def _in_turns(turns: list[tuple[list[str], Stack]]) -> bool:
    """Parts taking turns: the upper table's with no head, the lower's under one, each table's as long."""
    return all(bool(h) == (m % 2 == 1) and len(f.texts) == len(turns[m % 2][1].texts)
               for m, (h, f) in enumerate(turns))


def _is_key(text: str) -> bool:
    return len(text.split()) == 1 and _value(text) is not None


def _is_head_line(text: str) -> bool:
    """A line of a head among figures: no digit in it ('s.', '£', 'Price per ton')."""
    return not re.search(r"\d", text)


def _segments(stack: Stack) -> list[tuple[list[str], Stack]] | None:
    """A stack of figures cut where lines of words (a head) stand among them: (head lines, figures)
    for each part; None if the stack is not figures under heads."""
    out: list[tuple[list[str], Stack]] = []
    for index, text in zip(stack.indexes, stack.texts):
        if _is_head_line(text):
            if out and not out[-1][1].texts:
                out[-1][0].append(text)
            else:
                out.append(([text], Stack([], [])))
            continue
        if not out:
            out.append(([], Stack([], [])))
        out[-1][1].indexes.append(index)
        out[-1][1].texts.append(text)
    return None if any(not f.texts or len(h) > MAX_HEAD for h, f in out) else out


def _keys_with_keyless(parts: list[Stack], rows: int) -> list[str] | None:
    """The keys of parts split by blank lines laid over `rows` rows: rows with no key (sums) at each
    split, as many at each, or after each part; None if neither fits."""
    keys = [p.texts for p in parts]
    extra = rows - sum(len(k) for k in keys)
    if extra == 0:
        return [t for k in keys for t in k]
    for gaps in (len(keys) - 1, len(keys)):
        if gaps and extra % gaps == 0 and 1 <= extra // gaps <= MAX_KEYLESS:
            out: list[str] = []
            for m, part in enumerate(keys):
                out.extend(part)
                if m < gaps:
                    out.extend([""] * (extra // gaps))
            return out
    return None


def _keys_go_on(last: str, stack: Stack) -> bool:
    """A stack of keys counting on from the key `last` (years; a note's call may cling to one)."""
    width = len(last.split()[0])
    keys = [t.split()[0] for t in stack.texts]
    return all(is_figures(t) for t in stack.texts) and _counts_up([last.split()[0], keys[0]]) \
        and sum(len(k) == width for k in keys) >= 0.9 * len(keys)


def _headless(stack: Stack) -> bool:
    """Mostly figures, from the first line on (a sum shared by its years, '12)30', is no figure)."""
    return stack.figures[0] and stack.of_figures


def _runs_of_keyless(keys: list[str]) -> set[int]:
    """The lengths of the runs of rows with no key."""
    return {len(run) for run in "".join(" " if key else "-" for key in keys).split()}


def _key_parts_end(stacks: list[Stack], n: int, end: int) -> int:
    """The index past the parts of a column of keys from stack n, each counting on from the last."""
    k = n + 1
    while k < end and _keys_go_on(stacks[k - 1].texts[-1], stacks[k]):
        k += 1
    return k


def _laid_keys(parts: list[Stack], rows: int) -> Stack | None:
    """The keys of parts laid over `rows` rows as _keys_with_keyless lays them, empty cells on the rows
    with no key; None unless some row has no key."""
    texts = _keys_with_keyless(parts, rows)
    if texts is None or len(texts) == sum(len(p.texts) for p in parts):
        return None
    indexes = iter(_indexes(parts))
    last = parts[0].indexes[0]
    keys = Stack([], texts)
    for text in texts:
        last = next(indexes) if text else last
        keys.indexes.append(last)
    return keys


def _keys_across_splits(stacks: list[Stack], n: int, end: int) -> tuple[Stack, int]:
    """A column of keys counting up (years) that blank lines split, with the stack after it longer
    by a row or more at each split or after each part: rows with no key (a sum under the years it
    sums). The keys as one stack and the index of the stack after them; else stack n alone."""
    k = _key_parts_end(stacks, n, end)
    keys = _laid_keys(stacks[n:k], len(stacks[k].texts)) if 1 < k - n and k < end else None
    return (keys, k) if keys is not None else (stacks[n], n + 1)


def _over_a_page_break(stacks: list[Stack], n: int, end: int) -> tuple[int, list[tuple[list[int], TableGrid]]] | None:
    """A table read column by column whose next page's part follows it: keys counting on from this
    page's, then as many columns of figures. The rows with no key (sums) that the page break cut
    stand on both sides of it, so the two parts are laid as one, the break one more split of the
    keys. The table, or None."""
    if not all(_is_key(t) for t in stacks[n].texts):
        return None
    after = _key_parts_end(stacks, n, end)
    last_key = stacks[after - 1].texts[-1]
    next_keys = after
    while next_keys < end and _headless(stacks[next_keys]) and not _keys_go_on(last_key, stacks[next_keys]):
        next_keys += 1
    if next_keys == end or next_keys == after or not _keys_go_on(last_key, stacks[next_keys]):
        return None
    next_after = _key_parts_end(stacks, next_keys, end)
    this_page = stacks[after:next_keys]
    next_page = stacks[next_after:next_after + len(this_page)]
    if len(next_page) < len(this_page) or not all(map(_headless, next_page)) \
            or len({len(s.texts) for s in this_page}) != 1 or len({len(s.texts) for s in next_page}) != 1:
        return None
    alone = [_keys_with_keyless(stacks[n:after], len(this_page[0].texts)),
             _keys_with_keyless(stacks[next_keys:next_after], len(next_page[0].texts))]
    if None not in alone and len(_runs_of_keyless(alone[0]) | _runs_of_keyless(alone[1])) <= 1:
        return None  # each part laid alone, the sums of both as many rows
    keys = _laid_keys(stacks[n:after] + stacks[next_keys:next_after], len(this_page[0].texts) + len(next_page[0].texts))
    if keys is None:
        return None
    columns = [Stack(a.indexes + b.indexes, a.texts + b.texts) for a, b in zip(this_page, next_page)]
    grid = _columns_table(None, [keys, *columns])
    taken = next_after + len(next_page)
    return (taken - n, [(_indexes(stacks[n:taken]), grid)]) if grid else None


def _next_head_apart(stack: Stack) -> list[Stack]:
    """A column of figures read on into the head of the next table's column, set right under it
    ('… 4.8 / 100.0 / Percentage of / Total'): the figures and the head as two stacks."""
    figures = stack.figures
    end = len(figures)
    while end and not figures[end - 1]:
        end -= 1
    head = Stack(stack.indexes[end:], stack.texts[end:])
    if not 0 < len(head.texts) <= MAX_HEAD or end < MIN_ROWS or not all(figures[end - MIN_ROWS:end]) \
            or not _head_stack(head) or not all(_is_head_line(t) for t in head.texts):
        return [stack]
    return [Stack(stack.indexes[:end], stack.texts[:end]), head]


def _head_stack(stack: Stack) -> bool:
    """A column's head set apart from its figures: a few short lines of words."""
    return len(stack.texts) <= MAX_HEAD and not any(stack.figures) and all(len(t) <= MAX_HEAD_LINE for t in stack.texts)


def _indexes(stacks: list[Stack]) -> list[int]:
    return [k for s in stacks for k in s.indexes]


def table_goes_on(grid: TableGrid, following: TableGrid) -> bool:
    """A table's rows go on in the next one: as many columns, no heads, the first column counting on
    (years), or its groups' names counting on from the last one's ('I. Home ports:—' then 'II.
    Foreign ports:—')."""
    if grid.columns != following.columns or any(r.header for r in following.rows) or not grid.rows:
        return False
    keys = [r.cells[0].text for r in (grid.rows[-1], *following.rows) if r.cells and r.cells[0].text]
    before = next((g for g in [_group_number(r.cells[0].text) for r in reversed(grid.rows)] if g), None)
    after = next((g for g in [_group_number(r.cells[0].text) for r in following.rows] if g), None)
    return _counts_up(keys) or before is not None and after == before + 1


def _group_number(label: str) -> int | None:
    """The number of a group's name ('II. Foreign ports:—' 2)."""
    if not GROUP_NAME.match(label):
        return None
    token = label.split(".")[0]
    return int(token) if token.isdigit() else roman_value(token)


def _counts_up(keys: list[str]) -> bool:
    values = [_value(k) for k in keys]
    rising = sum(1 for a, b in zip(values, values[1:]) if a is not None and b is not None and b > a)
    return len(keys) >= 2 and rising >= 0.9 * (len(keys) - 1)


def _is_cell(line: SourceLine | None, longest: float) -> bool:
    """A short line that is no prose: well short of a full line, no sentence closing it (a word or two
    may close on a point: 'tons.', 'Furniture, etc.'), no lead-in, no note."""
    if line is None:
        return False
    text = line.text.strip()
    lead_in = CALLS_AT_END.sub("", text).endswith((":", ":—", ":-", ";", "—", "–")) \
        and not UNIT_HEAD.match(text) and not GROUP_NAME.match(text)
    note = NOTE_ITEM.match(text)
    if not text or len(text) > longest or note and re.search(r"[^\W\d_]", note.group(4)) or lead_in:
        return False  # a note's item holds words ('26)54' is a sum, 54 shared by 26)
    words = text.split()
    closes = re.search(r"[.!?][’”\"')]*$", text) and not is_figures(text)
    return not closes or len(words) <= 2 or words[-1].lower().rstrip(")]’”\"'") in ABBREVIATIONS


def _stacks_from(lines: list[SourceLine | None], k: int, longest: float) -> tuple[list[Stack], int]:
    """The stacks of cell lines from k on, split by blank or removed lines, and where they end."""
    stacks: list[Stack] = []
    current: Stack | None = None
    gap = 0
    while k < len(lines):
        line = lines[k]
        if line is None or not line.text.strip():
            gap += 1
            if gap > MAX_BREAK:
                break
            current = None
        elif _is_cell(line, longest):
            if current is None:
                current = Stack([], [])
                stacks.append(current)
            current.indexes.append(k)
            current.texts.append(line.text.strip())
            gap = 0
        else:
            break
        k += 1
    return stacks, k


def _alternates(stack: Stack) -> bool:
    """Labels and figures line by line ('North Basin' / '13,200,000'; 'East-Lowland 3,800,000')."""
    return _label_rows(stack.texts) is not None


def _label_rows(texts: list[str]) -> list[list[str | None]] | None:
    """Rows of a stack where each label starts a row and the figures after it fill it; a line of figures
    after a full row starts a row with no label (a total). None unless most rows have both."""
    rows: list[list[str | None]] = []
    for text in texts:
        label, figures = _split_figures(text)
        if label:
            rows.append([label, *figures])
        elif rows and len(rows[-1]) == 1:
            rows[-1].extend(figures)
        else:
            rows.append([None, *figures])
    both = sum(1 for r in rows if r[0] is not None and any(re.search(r"\d", f) for f in r[1:] if f))
    return rows if both >= MIN_ROWS and both * 3 >= len(rows) * 2 else None


def _split_figures(text: str) -> tuple[str | None, list[str]]:
    """A line's label and the figures after it ('East-Lowland 3,800,000')."""
    tokens = text.split()
    k = len(tokens)
    while k > 0 and FIGURE.match(tokens[k - 1]):
        k -= 1
    return (" ".join(tokens[:k]) or None), tokens[k:]


def _columns_table(labels: Stack | None, figures: list[Stack], head_stacks: list[Stack] = ()) -> TableGrid | None:
    """Labels in the first column (or the columns of a stack of alternating rows), then one column for
    each stack of figures, its head over it (or the heads set apart, in order); further stacks take
    turns in the headed columns. Stacks with no heads, cut short where a wrapped label stands, take
    turns as their lengths say (each run of as long stacks a row of them, one in each column), if
    only one number of columns makes a table."""
    grid = _columns_laid(labels, figures, head_stacks)
    if grid is None and not head_stacks and not any(_head_and_cells(s)[0] for s in figures):
        grids = [grid for turns in _turns_by_length(figures)
                 if (grid := _columns_laid(labels, [_in_one(figures[t::turns]) for t in range(turns)])) is not None]
        return grids[0] if len(grids) == 1 else None
    return grid


def _columns_laid(labels: Stack | None, figures: list[Stack], head_stacks: list[Stack] = ()) -> TableGrid | None:
    """_columns_table's grid, the stacks taking turns only under heads."""
    if labels is None:
        rows: list[list[str | None]] = []
    elif _alternates(labels):
        rows = _label_rows(labels.texts) or []
    else:
        rows = [[label] for label in _joined_labels(labels.texts)]
    width_before = max((len(r) for r in rows), default=0)
    columns: list[list[str | None]] = [[r[c] if c < len(r) else None for r in rows] for c in range(width_before)]
    heads: list[str | None] = [None] * width_before
    if head_stacks:
        headed = [(" ".join(h.texts), []) for h in head_stacks] + [(None, s.texts) for s in figures]
    else:
        headed = [_head_and_cells(s) for s in figures]
    with_heads = [n for n, (head, _) in enumerate(headed) if head]
    over_labels: list[str] | None = None  # lines of heads over the labels, above the first column's head
    if width_before == 1 and with_heads[:1] == [1]:  # the first column's head among the labels' first lines
        column_heads = [h for h, _ in headed if h]
        unit = next((r for r, label in enumerate(columns[0][:MAX_SPANNING + 2])
                     if any(h == label or h.endswith(f" {label}") for h in column_heads)), None)
        if unit is not None:  # it reads as another column's head or its last words ('Million Dollars')
            over_labels, head = columns[0][:unit], columns[0][unit]
            del columns[0][:unit + 1]
            headed[0] = (head, headed[0][1])
            with_heads.insert(0, 0)
    if with_heads and with_heads != list(range(len(with_heads))):
        return None  # heads stand only over the first stacks
    turns = len(with_heads) or len(headed)
    for n, (head, cells) in enumerate(headed):
        column = width_before + n % turns
        if column == len(columns):
            columns.append([])
            heads.append(head)
        columns[column].extend(cells)
    groups = [r for r, label in enumerate(columns[0]) if label and GROUP_NAME.match(label)] if width_before == 1 else []
    figure_rows = max((len(c) for c in columns[width_before:]), default=0)
    if width_before == 1 and not groups and not head_stacks:
        bands = [{len(cells) for _, cells in headed[b:b + turns]} for b in range(0, len(headed), turns)]
        if all(len(band) == 1 for band in bands):  # each run of `turns` stacks as long: a band of rows
            columns[0] = _wrapped_lone_rows(columns[0], [band.pop() for band in bands], figure_rows,
                                            headed=bool(any(heads)) and over_labels is None)
    labels_headed = bool(any(heads) and rows and over_labels is None)  # the labels' first line may head them
    order = _rows_with_sums(columns, groups, labels_headed, continued=not any(heads)) if width_before == 1 else None
    if order is not None:
        first, order = order
        if first:
            heads[0] = columns[0][0]
        figure_columns = columns[1:]
        columns = [[columns[0][first + i] if i is not None else "" for i, _ in order]]
        columns += [[c[j] if j is not None and j < len(c) else None for _, j in order] for c in figure_columns]
    else:
        if figure_rows > len(columns[0]) - len(groups) + (not groups and _foot_total(columns[1])):
            return None  # rows with no label that are no sums: the labels' rows are not sure
        # the labels' first line heads them: one label too many, or a line over the first group's name
        if labels_headed and (len(columns[0]) - len(groups) >= figure_rows or groups[:1] == [1]):
            heads[0] = columns[0].pop(0)
            groups = [r - 1 for r in groups]
        for r in groups:  # a group's name ('I. Raw materials:—') has no figures: the rows under it do
            for column in columns[1:]:
                column.insert(r, None)
        if width_before == 1 and not groups:
            columns[1:] = _blanks_by_sums(columns[1:], len(columns[0])) or columns[1:]
        if width_before == 1 and _sum_under_a_label(columns[0], columns[1]):
            return None  # the labels slip off their rows
    body = max((len(c) for c in columns), default=0)
    if len(columns) < 2 or body < MIN_ROWS or any(len(c) < body - 1 for c in columns[width_before:]) \
            or rows and 2 * len(rows) < body:
        return None  # stacks that do not line up
    line = (labels or figures[0]).indexes[0]
    grid = TableGrid(number="", caption=None, columns=len(columns))
    for text in over_labels or []:
        grid.rows.append(Row([Cell(text, line), *[Cell("", line) for _ in columns[1:]]], header=True))
    if any(heads):
        grid.rows.append(Row([Cell(h or "", line) for h in heads], header=True))
    for r in range(body):
        grid.rows.append(Row([Cell(c[r] if r < len(c) and c[r] is not None else "", line) for c in columns]))
    return grid


def _wrapped_lone_rows(labels: list[str | None], bands: list[int], rows: int, headed: bool) -> list[str | None]:
    """Labels a line too many for each row of figures set apart above and below (its stacks cut short
    before and after it, a band of one row: the row is taller than the rest, its label wrapped onto
    a second line): each such row's label joined to the line after it. The labels as they are unless
    the count fits (with a first line heading them, if `headed`)."""
    lone = [sum(bands[:b]) for b, length in enumerate(bands) if length == 1 and 0 < b < len(bands) - 1]
    first = len(labels) - rows - len(lone)  # lines heading the labels
    if not lone or first not in ((0, 1) if headed else (0,)):
        return labels
    out = list(labels)
    for row in lone:  # the rows before it joined already: its label's line is first + row
        out[first + row:first + row + 2] = [f"{out[first + row]} {out[first + row + 1]}"]
    return out


def _sum_under_a_label(labels: list[str | None], figures: list[str | None]) -> bool:
    """A sum to the penny above the last figure, on a row whose label says no total."""
    sums, _ = _sums([_value(t or "") for t in figures])
    return any(r < len(figures) - 1 and r < len(labels) and not TOTAL.match(labels[r] or "")
               for r in _to_the_penny(figures, sums))


def _to_the_penny(figures: list[str | None], sums: set[int]) -> set[int]:
    """The sums whose figures have decimals ('394.40'): only a total's label stands on them (whole
    numbers add up by chance, 1 and 1 to 2)."""
    return {r for r in sums if re.search(r"\.\d", figures[r] or "")}


def _turns_by_length(figures: list[Stack]) -> list[int]:
    """The numbers of columns stacks of figures may take turns in: each run of that many stacks as long."""
    return [turns for turns in range(2, len(figures) // 2 + 1) if len(figures) % turns == 0
            and all(len({len(s.texts) for s in figures[start:start + turns]}) == 1 for start in range(0, len(figures), turns))]


def _in_one(stacks: list[Stack]) -> Stack:
    return Stack([i for s in stacks for i in s.indexes], [t for s in stacks for t in s.texts])


def _rows_with_sums(columns: list[list[str | None]], groups: list[int], headed: bool, continued: bool = False
                    ) -> tuple[int, list[tuple[int | None, int | None]]] | None:
    """Labels (columns[0], its group names at `groups`) laid over more rows of figures than they have:
    each row with no label must be a sum (its figure adds up those above it since the last sum, or
    all those before it: a grand total), or a group's one row right under its name; a label saying
    'Total' stands on a sum, and no other label on a sum to the penny; no sum comes after a last
    label saying 'Total'. (The labels' first line, if `headed`, may head them instead.) A table's part
    `continued` from the page before (no heads) has sums whose first rows are there: its first sum
    and its grand total are more than all the figures they follow on this page. The first label used
    and the rows as (label, figures row) pairs, None for no label or no figures; None unless exactly
    one way fits."""
    if len({len(c) for c in columns[1:]}) != 1:
        return None
    values = [_value(t or "") for t in columns[1]]
    sums, summed = _sums(values, continued, closes_group_before=continued and 0 in groups)
    for first in ((1, 0) if headed and 0 not in groups else (0,)):
        labels, group_rows = columns[0][first:], {g - first for g in groups}
        if len(values) > len(labels) - len(group_rows):
            found = _lay_labels(labels, group_rows, sums, summed, len(values), _to_the_penny(columns[1], sums))
            if found is not None:
                return first, found
    return None


def _sums(values: list[float | None], continued: bool = False, closes_group_before: bool = False
          ) -> tuple[set[int], set[int]]:
    """The rows whose figure adds up those above it since the last sum, or all those before it (a
    grand total), under _rows_with_sums's terms; and the rows the sums add up, past each one's first
    (no group's name comes before them). The first row `closes_group_before` where a part going on
    from the page before opens with a group's name: it is the sum of the group on that page."""
    sums: set[int] = {0} if closes_group_before and values[:1] != [None] else set()
    summed: set[int] = set()
    since: list[int] = []
    items: list[float] = []
    for j, value in enumerate(values):
        if value is None or j in sums:
            continue
        if len(since) >= 2 and (_adds_up([values[k] for k in since], value)
                                or continued and not sums and value > sum(values[k] for k in since)):
            sums.add(j)
            summed.update(range(since[0] + 1, j + 1))
            since = []
        elif len(items) >= 2 and (_adds_up(items, value) or continued and j == len(values) - 1 and value > sum(items)):
            sums.add(j)
            since = []
        else:
            since.append(j)
            items.append(value)
    return sums, summed


def _lay_labels(labels: list[str | None], groups: set[int], sums: set[int], summed: set[int], rows: int,
                totals_only: set[int] = frozenset()
                ) -> list[tuple[int | None, int | None]] | None:
    """The one way to lay the labels over the rows under _rows_with_sums's terms, or None. Counted
    from the end (ways[i][j][after a group's name], at most two: two tell it is not one)."""
    def total(i: int) -> bool:
        return TOTAL.match(labels[i] or "") is not None

    L = len(labels)
    ways = [[[0, 0] for _ in range(rows + 1)] for _ in range(L + 1)]
    step: dict[tuple[int, int, int], tuple[int, int, int]] = {}  # the move of the one way on
    ways[L][rows] = [1, 1]
    for i in range(L, -1, -1):
        for j in range(rows, -1, -1):
            for after in (0, 1):
                moves = []
                if i < L and i in groups and j not in summed:
                    moves.append((i + 1, j, 1))  # the group's name, a row of its own
                elif i < L and i not in groups and j < rows and (j in sums or not total(i)) \
                        and (j not in totals_only or total(i)):
                    moves.append((i + 1, j + 1, 0))  # the label on its row
                lone = after and (i == L or i in groups or total(i))  # a group with no labels of its own
                total_above = i == L and L and total(L - 1)  # the last label a total: no sum comes under it
                if j < rows and (j in sums and not after or lone) and not total_above:  # a sum closes its group's rows
                    moves.append((i, j + 1, 0))
                if moves:
                    ways[i][j][after] = min(2, sum(ways[a][b][c] for a, b, c in moves))
                    step[i, j, after] = next((m for m in moves if ways[m[0]][m[1]][m[2]]), moves[0])
    if ways[0][0][0] != 1:
        return None
    order: list[tuple[int | None, int | None]] = []
    i, j, after = 0, 0, 0
    while (i, j) != (L, rows):
        a, b, c = step[i, j, after]
        order.append((i if a > i else None, j if b > j else None))
        i, j, after = a, b, c
    return order


def _blanks_by_sums(figures: list[list[str | None]], rows: int) -> list[list[str | None]] | None:
    """Stacks of figures cut short by empty cells (a stack holds only the cells printed), each laid
    on its rows where the last column is every row's total: the one way that makes every row add
    up, or None. Figures read as printed first; where no way fits, a figure may end in a note's call
    glued to it ('3105': 310 and call 5, '1,2503'), its cell kept as printed."""
    if len(figures) < 3 or len(figures[-1]) != rows or all(len(c) == rows for c in figures[:-1]) \
            or any(len(c) > rows for c in figures):
        return None
    totals = [_value(t or "") for t in figures[-1]]
    if None in totals:
        return None
    for with_calls in (False, True):
        readings = [[_readings(t or "", with_calls) for t in column] for column in figures[:-1]]
        ways = _ways_to_add_up(readings, totals)
        if ways is not None and len(ways) == 1:
            placed = [[None] * rows for _ in readings]
            for c, column_rows in enumerate(ways[0]):
                for figure, r in zip(figures[c], column_rows):
                    placed[c][r] = figure
            return [*placed, figures[-1]]
        if ways is None or ways:
            return None  # too many ways to try, or more than one: not sure
    return None


def _readings(text: str, with_calls: bool) -> list[float]:
    """The values a figure may stand for: as printed (a dash an empty cell), and `with_calls` without
    the one or two digits of a note's call glued to its end (where what is left is a figure)."""
    value = 0.0 if re.fullmatch(r"[—–-]+", text) else _value(text)
    values = [value] if value is not None else []
    if with_calls:
        for cut in (1, 2):
            rest = text[:-cut]
            if re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?", rest) and text[-cut:].isdigit() \
                    and text[-cut] != "0":
                values.append(_value(rest))
    return values


def _ways_to_add_up(readings: list[list[list[float]]], totals: list[float]) -> list[list[list[int]]] | None:
    """The ways (up to two) to lay each column's figures on rows, in order, so that every row's
    figures add up to its total; each way the rows of each column's figures. None past MAX_TRIES."""
    rows = len(totals)
    ways: list[list[list[int]]] = []
    tries = 0

    def lay(r: int, taken: tuple[int, ...], laid: list[list[int]]) -> bool:
        nonlocal tries
        if r == rows:
            if all(n == len(column) for n, column in zip(taken, readings)):
                ways.append([list(rows_of) for rows_of in laid])
            return len(ways) < 2
        choices: list[list[tuple[int, float]]] = []  # per column: (figures taken, value on this row)
        for c, column in enumerate(readings):
            options = [(0, 0.0)] if len(column) - taken[c] < rows - r else []  # the cell left empty
            if taken[c] < len(column):
                options += [(1, v) for v in column[taken[c]]]
            choices.append(options)
        for pick in product(*choices):
            tries += 1
            if tries > MAX_TRIES:
                return False
            if not _adds_up([v for _, v in pick], totals[r]):
                continue
            for c, (used, _) in enumerate(pick):
                if used:
                    laid[c].append(r)
            going_on = lay(r + 1, tuple(n + used for n, (used, _) in zip(taken, pick)), laid)
            for c, (used, _) in enumerate(pick):
                if used:
                    laid[c].pop()
            if not going_on:
                return False
        return True

    finished = lay(0, tuple(0 for _ in readings), [[] for _ in readings])
    return ways if finished or len(ways) >= 2 else None


def _foot_total(column: list[str | None]) -> bool:
    """The column's last figure is its largest: a total at its foot, if it does not add up exactly."""
    values = [v for v in map(_value, filter(None, column)) if v is not None]
    return len(values) >= MIN_ROWS and values[-1] == max(values)


def _adds_up(run: list[float], value: float) -> bool:
    """A sum of figures rounded each (a table's total may be off by the rounding of its parts)."""
    return abs(sum(run) - value) <= max(0.001 * value, 0.01)


def _joined_labels(texts: list[str]) -> list[str]:
    """Labels, a label wrapped onto the next line joined to it (the line goes on in lower case, or the
    label stops on a comma or with a bracket open)."""
    out: list[str] = []
    for text in texts:
        goes_on = text[:1].islower() or text.startswith("(") and not ITEM_MARK.match(text)
        if out and (goes_on or out[-1].endswith((",", " and", " of")) or out[-1].count("(") > out[-1].count(")")):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _head_and_cells(stack: Stack) -> tuple[str | None, list[str]]:
    """The text lines over a stack's first figure are its head; the rest are its cells."""
    figures = stack.figures
    first = figures.index(True)
    if DITTO.match(stack.texts[first]):
        return None, stack.texts  # a ditto mark repeats the cell above it: a unit, no head
    return " ".join(stack.texts[:first]) or None, stack.texts[first:]


def _rows_table(stacks: list[Stack]) -> tuple[list[int], TableGrid] | None:
    """Stacks read row by row: heads, then rows of figures one a line, each row starting a line with a
    figure that counts up and looks unlike the row's others (a year, then pounds and shillings)."""
    if any(all(len(t.split()) == 1 for t in s.texts) and _counts_up(s.texts) for s in stacks[1:]):
        return None  # a stack of keys alone: the next part, read column by column
    texts = [t for s in stacks for t in s.texts]
    indexes = _indexes(stacks)
    first = [is_figures(t) for t in texts].index(True)
    heads, body = texts[:first], texts[first:]
    rows = _keyed_rows(body)
    if rows is None:
        return None
    width = Counter(len(r) for r in rows).most_common(1)[0][0]
    column_heads: list[str] = []
    head_lines = 0  # lines of heads, from the bottom, that hold the column heads
    while head_lines < len(heads):  # a line of short heads ('s. d.') holds a head a column
        text = heads[-1 - head_lines]
        parts = text.split() if all(len(p) <= 3 for p in text.split()) else [text]
        if len(column_heads) + len(parts) > width:
            break
        column_heads = parts + column_heads
        head_lines += 1
    if len(column_heads) != width:
        column_heads, head_lines = [], 0
    spanning: list[str] = []  # heads over all the figures: short lines of no sentence right above
    for text in reversed(heads[:len(heads) - head_lines]):
        if len(spanning) == MAX_SPANNING or not text[:1].isupper() or re.search(r"[.:;,]$", text):
            break  # the text's (a caption)
        spanning.insert(0, text)
    taken = indexes[first - head_lines - len(spanning):]
    line = taken[0]
    grid = TableGrid(number="", caption=None, columns=width)
    for text in spanning:  # a head over the figures, past the first column
        grid.rows.append(Row([Cell("", line), Cell(text, line), *[Cell("", line) for _ in range(width - 2)]], header=True))
    if column_heads:
        grid.rows.append(Row([Cell(c, line) for c in column_heads], header=True))
    for row in rows:  # a row the damage cut short or ran on keeps its cells in order
        cells = [*(row + [""] * width)[:width - 1], " ".join(row[width - 1:])]
        grid.rows.append(Row([Cell(t, line) for t in cells]))
    return taken, grid


def _totals_apart(rows: list[list[str]], width: int) -> list[list[str]]:
    """A row run on by whole rows of figures with no key of their own is followed by those rows (a sum,
    an average: '26)54 0 6½' under the years it sums)."""
    out: list[list[str]] = []
    for row in rows:
        extra = row[width:]
        if width < 2 or not extra or len(extra) % (width - 1):
            out.append(row)
            continue
        out.append(row[:width])
        out.extend(["", *extra[k:k + width - 1]] for k in range(0, len(extra), width - 1))
    return out


def _keyed_rows(body: list[str]) -> list[list[str]] | None:
    """Rows of figures, each starting with a line whose first figure counts up from the last row's and
    has as many digits (a year), the lines after it in the row; None unless most rows have as many
    cells, two at least, and the keys look unlike the other figures. A key is a whole number: sums
    in decimals count up by chance ('204.15', '233.90', '315.35')."""
    first = body[0].split()[0]
    if not re.fullmatch(r"\d[\d,]*", first):
        return None
    rows: list[list[str]] = []
    last = None
    for text in body:
        tokens = text.split()
        value = _value(tokens[0])
        if value is not None and len(tokens[0]) == len(first) and (last is None or value > last):
            rows.append(tokens)
            last = value
        elif rows:
            rows[-1].extend(tokens)
    if len(rows) < MIN_ROWS:
        return None
    rows = _totals_apart(rows, Counter(len(r) for r in rows).most_common(1)[0][0])
    width, count = Counter(len(r) for r in rows).most_common(1)[0]
    others = [t for r in rows for t in r[1:]]
    unlike = sum(1 for t in others if len(t) != len(first))
    return rows if width >= 2 and count >= 0.8 * len(rows) and unlike >= 0.8 * len(others) else None


def _value(token: str) -> float | None:
    digits = token.replace(",", "").lstrip("$£€")
    return float(digits) if re.fullmatch(r"\d+(\.\d+)?", digits) else None


def find_sentence_stacks(lines: list[SourceLine | None]) -> list[tuple[list[int], TableGrid]]:
    """Tables of sentences read column by column: each column a stack under its head ('The Current
    Statement.'), its sentences wrapped to a narrow measure (well short of the text's lines, and going
    on in lower case), the stacks side by side holding as many sentences each: one row a sentence."""
    narrow = NARROW_SHARE * _full_line(lines)
    found: list[tuple[list[int], TableGrid]] = []
    k = 0
    while k < len(lines):
        columns: list[tuple[list[int], str, list[str]]] = []
        j = k
        while (column := _sentence_column(lines, j, narrow)) is not None:
            columns.append(column)
            j = column[0][-1] + 2  # past its blank line
        if not columns:  # or side by side, as pdftotext -layout keeps them
            columns, j = _side_by_side(lines, k)
        counts = {len(cells) for _, _, cells in columns}
        if len(columns) >= 2 and len(counts) == 1 and counts.pop() >= 2:
            grid = TableGrid(number="", caption=None, columns=len(columns))
            line = columns[0][0][0]
            grid.rows.append(Row([Cell(head, line) for _, head, _ in columns], header=True))
            for row in zip(*(cells for _, _, cells in columns)):
                grid.rows.append(Row([Cell(text, line) for text in row]))
            found.append((sorted({i for indexes, _, _ in columns for i in indexes}), grid))
            k = j
        else:
            k += 1
    return found


def _side_by_side(lines: list[SourceLine | None], k: int) -> tuple[list[tuple[list[int], str, list[str]]], int]:
    """Two columns of sentences side by side from k (their heads on one line, set wide apart), each
    split into its sentences; ([], k) if there are none."""
    if not _opens_column(lines, k):
        return [], k
    heads = [m for m in re.finditer(r"\S+(?: \S+)*", lines[k].text)]
    if len(heads) != 2 or not all(_reads_as_head(m.group(0)) for m in heads) or heads[1].start() - heads[0].end() < 3:
        return [], k
    split = heads[1].start()
    body: list[int] = []
    j = k + 1
    while j < len(lines) and lines[j] is not None and lines[j].text.strip():
        body.append(j)
        j += 1
    halves: list[list[str]] = [[], []]
    for i in body:
        text = lines[i].text
        gap = re.search(r"\s{3,}(?=\S)", text[:split + ALIGN_SPLIT])
        left, right = (text[:gap.start()], text[gap.end():]) if gap and abs(gap.end() - split) <= ALIGN_SPLIT \
            else (text, "") if len(text) - len(text.lstrip()) < split - ALIGN_SPLIT else ("", text)
        for half, part in zip(halves, (left.strip(), right.strip())):
            if part:
                half.append(part)
    columns = [([k, *body], m.group(0), _sentences(half)) for m, half in zip(heads, halves)]
    if any(c[2] is None for c in columns):
        return [], k
    return columns, j


def _opens_column(lines: list[SourceLine | None], k: int) -> bool:
    """A column opens after a blank or a lead-in."""
    if k >= len(lines) or lines[k] is None:
        return False
    before = lines[k - 1] if k > 0 else None
    return before is None or not before.text.strip() or before.text.rstrip().endswith(":")


def _reads_as_head(text: str) -> bool:
    return len(text) <= MAX_CELL and reads_as_title(text.rstrip("."), attached=True) and is_title_case(text)


def _sentence_column(lines: list[SourceLine | None], k: int, narrow: float) -> tuple[list[int], str, list[str]] | None:
    """A head line at k and the narrow lines under it up to a blank, split into sentences: (source
    indexes, head, sentences), or None."""
    if not _opens_column(lines, k):
        return None
    head = lines[k].text.strip()
    if not head or not _reads_as_head(head):
        return None
    body: list[int] = []
    j = k + 1
    while j < len(lines) and lines[j] is not None and lines[j].text.strip():
        body.append(j)
        j += 1
    texts = [lines[i].text.strip() for i in body]
    if any(len(t) > narrow for t in texts):
        return None
    sentences = _sentences(texts)
    return ([k, *body], head, sentences) if sentences else None


def _sentences(texts: list[str]) -> list[str] | None:
    """Lines of a column split into its sentences, or None unless they read as sentences wrapped to
    the column's measure (going on in lower case; verse starts each line with a capital)."""
    if len(texts) < 2:
        return None
    sentences: list[str] = []
    goes_on = 0  # lines that carry a sentence on in lower case
    for n, text in enumerate(texts):
        if n and not sentences[-1].endswith("."):
            goes_on += text[:1].islower()
            hyphen = sentences[-1].endswith(("\u2010", "-")) and text[:1].islower()  # a word broken at the line's end
            sentences[-1] = (sentences[-1][:-1] if hyphen else sentences[-1] + " ") + text
        else:
            sentences.append(text)
    carried = len(texts) - len(sentences)
    if not sentences[-1].endswith(".") or carried == 0 or goes_on * 2 < carried:
        return None
    return sentences
