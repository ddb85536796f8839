"""Tables a PDF extraction kept in columns (pdftotext -layout): rows of cells set apart by wide gaps,
the cells of each column starting at the same place from row to row.

A justified line of prose has wide gaps too, but between single words and at places that change
from line to line; a table's gaps line up. Two lines or more in a row whose cells fall into the
same columns start a table; it goes on over the rows whose cells fit those columns, across blank
lines and removed page furniture, and over lines of one cell between them (a group's name, a
label wrapped onto a second line). Each line is a row, each cell in the column it starts under;
a wrapped label is joined to its row. Narrow columns of figures ('s.' and 'd.' under '£') may stand
one space apart: a cell whose words each start under a column of their own is split into them.
"""

from __future__ import annotations

import re

from ..read import SourceLine
from .stacks import is_figures
from .tables import Cell, Row, TableGrid

CELL = re.compile(r"\S+(?: \S+)*")  # words one space apart; two spaces or more end a cell
LIST_MARK = re.compile(r"^(?:[•·▪◦‣*–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])$")
MIN_GAP = 3  # spaces between two cells
ALIGN = 4  # characters a column's cells may start apart (numbers set to the right)
MIN_ROWS = 2
MAX_BREAK = 8  # blank lines a table may run on over (past a page break, any: its margins')
MAX_FURNITURE = 3  # lines of a page's foot and head left in the text that a table may run on over
NOTE_CALL = re.compile(r"(?<=[^\W\d_])\d{1,3}\b")  # a call glued to a head's last word ('times221')
LEAD_IN_END = re.compile(r"(?:[:—]\d{0,3}|\.)$")  # 'as follows:', 'the following table:—5' (its note's call)
MAX_LABEL = 40  # characters of a cell alone on its line, a group's name or a column's head (a longer line is prose)


Cells = list[tuple[int, str]]  # (column where it starts, text) of each cell of a line


def cells_of(text: str) -> Cells:
    """(column where it starts, text) of each cell of a line, cells set MIN_GAP spaces apart or more."""
    out: list[tuple[int, str]] = []
    for match in CELL.finditer(text):
        if out and match.start() - (out[-1][0] + len(out[-1][1])) < MIN_GAP:
            start, _ = out.pop()
            out.append((start, text[start:match.end()]))
        else:
            out.append((match.start(), match.group(0)))
    return out


def find_column_tables(lines: list[SourceLine | None]) -> list[tuple[list[int], TableGrid]]:
    """The source indexes and the grid of each table laid out in aligned columns, in order."""
    rows_of = [cells_of(line.text) if line is not None and line.text.strip() else [] for line in lines]
    removed = frozenset(k for k, line in enumerate(lines) if line is None)
    found: list[tuple[list[int], TableGrid]] = []
    i = 0
    while i < len(lines):
        core = []
        while i + len(core) < len(lines) and len(rows_of[i + len(core)]) >= 2:
            core.append(i + len(core))
        columns = _columns([rows_of[k] for k in core]) if len(core) >= MIN_ROWS else None
        if columns is None:  # its first lines may be heads ('Per / cent'): try again from its first figures
            i = next((k for k in core[1:] if any(_has_figure(t) for _, t in rows_of[k])), i + max(1, len(core)))
            continue
        before = _rows_before(rows_of, core[0] - 1, columns, floor=found[-1][0][-1] + 1 if found else 0)
        figures = any(_figures(rows_of[k], columns) for k in core)
        rows = [(k, columns) for k in before + core] + _rows_after(rows_of, core[-1] + 1, columns, figures, removed)
        placed = [(lines[k].number, [(_column(cols, start), text) for start, text in _split_spanning(rows_of[k], cols)])
                  for k, cols in rows]
        found.append(([k for k, _ in rows], _grid(len(found) + 1, len(columns), placed)))
        i = rows[-1][0] + 1
    return found


def _rows_after(rows_of: list[Cells], k: int, columns: list[int], figures: bool,
                removed: frozenset[int]) -> list[tuple[int, list[int]]]:
    """The lines after a table's first rows that go on with it, each with the columns it is set in
    (past a page break the columns may stand elsewhere: a full row there sets them anew)."""
    rows: list[tuple[int, list[int]]] = []
    while k < len(rows_of):
        following = _next_text(rows_of, k, removed=removed)
        if following is None:
            break
        cells = rows_of[following]
        if figures and _heads(cells, columns):
            break  # a line of heads after rows of figures: the next table's
        if following > k:  # past a break: a page's head left in, the columns set anew
            row = _full_row(rows_of, following, len(columns), removed)
            if row is not None and not _fits(rows_of[row], columns) \
                    and not any(_lead_in(rows_of[j], columns) for j in range(following, row)):
                columns = [start for start, _ in _figure_words(rows_of[row])]
                if not all(_fits(rows_of[j], columns) for j in range(following, row) if rows_of[j]):
                    following = _labels_above(rows_of, row, columns)
                cells = rows_of[following]
            elif row is not None and not _fits(cells, columns):
                following, cells = row, rows_of[row]
        if not _fits(cells, columns):
            break
        carries_on = cells[0][1][:1].islower() and _column(columns, cells[0][0]) == 0  # a label's second line
        total = following == k and figures and _column(columns, cells[0][0]) != 0 and is_figures(cells[0][1])
        if len(cells) == 1 and not carries_on and not total and not _row_follows(rows_of, following + 1, columns, removed):
            break  # one cell: a row of the table only between rows of cells, or a sum right under its figures
        rows.append((following, columns))
        figures = figures or _figures(cells, columns)
        k = following + 1
    return rows


def _has_figure(text: str) -> bool:
    """A digit in the text, but for a note's call glued to a word ('times221'; not '¼222')."""
    calls_off = NOTE_CALL.sub(lambda m: "" if text[m.start() - 1].isalpha() else m.group(0), text)
    return bool(re.search(r"\d", calls_off))


def _figures(cells: Cells, columns: list[int]) -> bool:
    """A figure in a column past the first."""
    return any(_has_figure(text) for start, text in cells if _column(columns, start))


def _heads(cells: Cells, columns: list[int]) -> bool:
    """A line of column heads: words over the columns past the first, no figure in them."""
    past_first = [text for start, text in cells if _column(columns, start)]
    return any(re.search(r"[^\W\d_]", text) for text in past_first) \
        and not any(_has_figure(text) or len(text) > MAX_LABEL for text in past_first)


def _row_follows(rows_of: list[Cells], k: int, columns: list[int], removed: frozenset[int] = frozenset()) -> bool:
    """A row of cells fitting the columns comes within the next three lines, past lines of one cell
    that fit them (a group's name over a wrapped label) and a page break."""
    for _ in range(3):
        j = _next_text(rows_of, k, reach=2, removed=removed)
        cells = rows_of[j] if j is not None else []
        if not cells or not _fits(cells, columns):
            return False
        if len(cells) >= 2:
            return True
        k = j + 1
    return False


def _labels_above(rows_of: list[Cells], row: int, columns: list[int]) -> int:
    """The first of the lines right above a row that are labels alone (a label wrapped over its row)."""
    while row > 0 and len(rows_of[row - 1]) == 1 and _column(columns, rows_of[row - 1][0][0]) == 0 \
            and not _lead_in(rows_of[row - 1], columns):
        row -= 1
    return row


def _full_row(rows_of: list[Cells], k: int | None, width: int, removed: frozenset[int]) -> int | None:
    """The first of the next few text lines that holds a cell in every column (and is no prose), past a
    page's foot and head and a label wrapped over it."""
    for _ in range(MAX_FURNITURE + 3):
        if k is None:
            return None
        if len(_figure_words(rows_of[k])) == width and not _prose(rows_of[k]):
            return k
        k = _next_text(rows_of, k + 1, removed=removed)
    return None


def _figure_words(cells: Cells) -> Cells:
    """A row's cells with each figure of a cell of figures one space apart as a cell of its own
    (narrow columns whose places are not known yet)."""
    out: Cells = []
    for start, text in cells:
        if is_figures(text):
            out.extend((start + m.start(), m.group(0)) for m in re.finditer(r"\S+", text))
        else:
            out.append((start, text))
    return out


def _rows_before(rows_of: list[Cells], k: int, columns: list[int], floor: int) -> list[int]:
    """The lines set right above a table's first rows that belong to it: rows whose cells fit its
    columns, and short lines of one cell over them (a head, a label wrapped over its row)."""
    rows: list[int] = []
    while k >= floor:
        above = next((j for j in range(k, max(floor, k - MAX_BREAK) - 1, -1) if rows_of[j]), None)
        cells = rows_of[above] if above is not None else []
        label_goes_on = _label_goes_on(cells) and above > 0 and _fits(rows_of[above - 1], columns)
        if not cells or not _fits(cells, columns, heads=not any(_has_figure(t) for _, t in cells)) \
                or above < k and len(cells) < 2 and not label_goes_on:
            break  # across a break (a page's foot and head) only a row of cells goes on, or a label's last line
        if _lead_in(cells, columns) and not _group_name(cells[0][1], rows_of[above - 1] if above else [], columns):
            break  # a lead-in or a line of prose, not a cell
        rows.insert(0, above)
        k = above - 1
    return rows


def _lead_in(cells: Cells, columns: list[int]) -> bool:
    """A line of one cell, under the first column, that is a lead-in or a line of prose, not a cell."""
    return len(cells) == 1 and _column(columns, cells[0][0]) == 0 \
        and (len(cells[0][1]) > MAX_LABEL or LEAD_IN_END.search(cells[0][1]) is not None)


def _label_goes_on(cells: Cells) -> bool:
    """A label's wrapped line ('motorcars)'): it goes on in lower case or closes a bracket it did not open."""
    return len(cells) == 1 and (cells[0][1][:1].islower() or cells[0][1].count(")") > cells[0][1].count("("))


def _group_name(text: str, above: Cells, columns: list[int]) -> bool:
    """A group's name closing on a colon ('I. Raw materials:—') right under the heads or a row of the
    table (a lead-in stands under prose)."""
    return len(text) <= MAX_LABEL and text.rstrip("—-").endswith(":") and _fits(above, columns) \
        and (len(above) >= 2 or _column(columns, above[0][0]) != 0)


def _next_text(rows_of: list[Cells], k: int, reach: int = MAX_BREAK, removed: frozenset[int] = frozenset()) -> int | None:
    """The next line with text within reach, blank lines between; past a page break (removed furniture
    between), however many blank lines its margins left."""
    j = next((j for j in range(k, len(rows_of)) if rows_of[j]), None)
    if j is None or j - k > reach and not any(i in removed for i in range(k, j)):
        return None
    return j


def _fits(cells: Cells, columns: list[int], heads: bool = False) -> bool:
    """Every cell starts under a column, one cell a column, and no cell goes on as a sentence does
    (column heads may: 'Per / cent')."""
    places = [_column(columns, start) for start, _ in cells]
    return bool(cells) and None not in places and len(set(places)) == len(places) and (heads or not _prose(cells))


def _prose(cells: Cells) -> bool:
    """A cell going on as a sentence does (in lower case, or after a comma) into words, not figures."""
    return any((text[:1].islower() or text.endswith(",")) and not is_figures(following)
               for (_, text), (_, following) in zip(cells, cells[1:]))


def _columns(rows: list[Cells]) -> list[int] | None:
    """The columns' start places, where every row's cells fall on them; None for prose (its gaps
    between single words fall anywhere). Starts close together are one column's unless a row has a
    cell at both (narrow columns of figures stand closer than numbers set to the right shift)."""
    columns: list[int] = []
    starts = [{start for start, _ in cells} for cells in rows]
    for start in sorted(set().union(*starts)):
        if not columns or start - columns[-1] > ALIGN \
                or any(start in row and any(columns[-1] <= s < start for s in row) for row in starts):
            columns.append(start)
    columns = _narrow_columns(rows, columns)
    filled = [sum(1 for cells in rows if any(_column(columns, s) == k for s, _ in _split_spanning(cells, columns)))
              for k in range(len(columns))]
    if any(n * 2 < len(rows) for n in filled[1:]) or not all(_fits(cells, columns) for cells in rows):
        return None
    if len(columns) > 4 and all(len(text.split()) == 1 for cells in rows for _, text in cells) \
            and not all(is_figures(text) for cells in rows for _, text in cells[1:]):
        return None  # single words in many columns: justified prose (not a row label and its figures)
    if all(LIST_MARK.match(cells[0][1]) for cells in rows):
        return None  # a bullet or an item's number before each line: a list
    return columns


def _narrow_columns(rows: list[Cells], columns: list[int]) -> list[int]:
    """The columns with narrow columns of figures that no row sets apart by more than a space ('16 8'
    under 's. d.' on every row) each split in as many: a column whose figures all stand in n ≥ 2 groups
    one space apart, not all thousands ('3 800 000'), is n columns, each starting where its group
    starts first."""
    out = list(columns)
    for k in range(len(columns)):
        figures = [[(start + m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]
                   for cells in rows for start, text in cells if _column(columns, start) == k and is_figures(text)]
        if len(figures) >= MIN_ROWS and len({len(groups) for groups in figures}) == 1 and len(figures[0]) > 1 \
                and any(not re.fullmatch(r"\d{3}", group) for groups in figures for _, group in groups[1:]):
            out.extend(min(groups[j][0] for groups in figures) for j in range(1, len(figures[0])))
    return sorted(out)


def _column(columns: list[int], start: int) -> int | None:
    """The column a cell starting here stands under: the nearest start within ALIGN."""
    near = [(abs(c - start), k) for k, c in enumerate(columns) if abs(c - start) <= ALIGN]
    return min(near)[1] if near else None


def _split_spanning(cells: Cells, columns: list[int]) -> Cells:
    """A row's cells with a cell over narrow columns split into them: pdftotext -layout sets the cells
    of columns of figures one space apart ('13 5' under 's.' and 'd.'), where each word starts under a
    column of its own that the row leaves empty (each part is set at its column's start). Only figures and
    short heads ('s.', '£') are split: the words of a longer head may fall under the next column."""
    taken = {_column(columns, start) for start, _ in cells}
    out: Cells = []
    for start, text in cells:
        words = [(start + m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]
        first = _column(columns, start)
        under = list(range(first + 1, first + len(words))) if first is not None else []
        if first is not None and len(words) > 1 and under[-1] < len(columns) and not taken & set(under) \
                and all(is_figures(word) or len(word) <= 3 for _, word in words) \
                and all(abs(columns[k] - at) <= ALIGN for k, (at, _) in zip(under, words[1:])):
            out.append((start, words[0][1]))
            out.extend((columns[k], word) for k, (_, word) in zip(under, words[1:]))
        elif first is not None and len(words) > 1 and first + 1 < len(columns) and first + 1 not in taken \
                and is_figures(words[-1][1]) and abs(columns[first + 1] - words[-1][0]) <= ALIGN \
                and not is_figures(words[-2][1]):  # a label run on into the figure beside it, one space apart
            out.append((start, text[:words[-1][0] - start].rstrip()))
            out.append(words[-1])
        else:
            out.append((start, text))
    return out


def _grid(number: int, width: int, lines: list[tuple[int, list[tuple[int, str]]]]) -> TableGrid:
    """Rows from the lines, each cell in its column: a label alone over a row with none joins it, a
    lower-case line under a row carries its label on (so does a label alone under such a joined row,
    over a labelled one: 'Northern' / figures / 'Harbours'), a label alone over a full row is a group row
    spanning the table; the lines above the first row of figures make one row of heads (two, where
    the last of them heads every column under heads of groups of columns)."""
    rows: list[list[Cell | None]] = []
    centred = False  # the last row's label stood alone over its figures: it may go on under them
    for n, (line_number, cells) in enumerate(lines):
        row: list[Cell | None] = [None] * width
        for column, text in cells:
            row[column] = Cell(text, line_number)
        previous = rows[-1] if rows else None
        label_only = previous is not None and previous[0] is not None and not any(previous[1:])
        label_alone = row[0] is not None and not any(row[1:])
        labelled_next = n + 1 == len(lines) or any(column == 0 for column, _ in lines[n + 1][1])
        if previous is not None and label_only and row[0] is None:
            rows[-1] = [previous[0], *row[1:]]
            centred = True
            continue
        if previous is not None and label_alone and (row[0].text[:1].islower() or centred and labelled_next
                                                     and not row[0].text.rstrip("—-").endswith(":")):
            # a label wrapped: in lower case, or set on two lines with its row's figures between them
            previous[0] = Cell(f"{previous[0].text} {row[0].text}" if previous[0] else row[0].text, line_number)
        else:
            rows.append(row)
        centred = False
    grid = TableGrid(number=str(number), caption=None, columns=width)
    first = next((k for k, row in enumerate(rows) if any(c and _has_figure(c.text) for c in row[1:])), 0)
    while first and rows[first - 1][0] is not None and not any(rows[first - 1][1:]) \
            and rows[first - 1][0].text.rstrip("—-").endswith(":"):
        first -= 1  # a group's name under the heads ('I. Raw materials:—') is a row of its own
    if first:  # heads over groups of columns above a line of the columns' own heads ('£ s. d.') make a row each
        units = first - 1 if first > 1 and all(rows[first - 1]) else first
        for head_rows in (rows[:units], rows[units:first]):
            if head_rows:
                heads = [" ".join(row[n].text for row in head_rows if row[n]) for n in range(width)]
                grid.rows.append(Row([Cell(text, lines[0][0]) for text in heads], header=True))
        rows = rows[first:]
    for row in rows:
        spanning = row[0] is not None and not any(row[1:]) and width > 1
        grid.rows.append(Row([row[0]] if spanning else [cell or Cell("") for cell in row], spanning=spanning))
    return grid
