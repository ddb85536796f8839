"""Flattened tables: a caption line '(6.4) Title' (or a lead-in ending with a colon) and the cells one
a line, each followed by a blank.

Cells that were one token were lost with their line but left their blank, so the blank lines
still encode the grid: n blank lines between two surviving cells mean n - 1 lost cells. The
column count is the one that lays the cells out with row labels in the first column (a lone
label followed by another label is a group row spanning the table). Where several counts fit
equally, or the source has too few cells to tell, the table is reported as needing data; a
CSV in the manuscript's tables/ folder, named by the table number, supplies the lost cells.

Under a 'Table N' caption (or after a lead-in, heads ending alike and whole rows), a table may hold
sentences: its column heads, then one sentence a line, a row for each as many lines as there are
heads (flagged: where it ends is judged by the sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import BookbuildError
from ..read.manuscript import TableData
from .blocks import Block
from .headings import ABBREVIATIONS, CALLS_AT_END, SENTENCE_INSIDE, is_division_line, reads_as_title
from .patterns import item_number
from .state import State

CAPTION = re.compile(r"^\(\s*(?P<number>\d+(?:\.\d+)*)\s*\)\s+(?P<title>\S.*)$"
                     r"|^table\s+(?P<number2>\d+(?:\.\d+)*|[ivxlc]+)(?:[.:]?\s+(?P<title2>\S.*)|\.?)$", re.I)
MAX_COLUMNS = 12
SPAN_COST = 0.3  # a group row is allowed, but a plain row is preferred
HEADER_COST = 0.2  # a header row at the top may hold labels in every column
LOST_IN_HEADER = 0.3  # a head spanning columns, or the corner over the labels, leaves lost cells
MAX_GROUP_NAME = 40
GRID_LOST = 4  # lost cells under a caption that show a grid
MAX_HEAD = 40  # characters of a column's head over a table of sentences


@dataclass
class Cell:
    text: str | None  # None: lost
    line: int | None = None
    supplied: bool = False


@dataclass
class Row:
    cells: list[Cell]
    spanning: bool = False
    header: bool = False


@dataclass
class TableGrid:
    number: str
    caption: str | None  # None: the table had no caption (it followed a lead-in)
    columns: int
    rows: list[Row] = field(default_factory=list)
    column_count_fixed: bool = True
    data_file: str | None = None

    @property
    def lost(self) -> int:
        return sum(1 for r in self.rows for c in r.cells if c.text is None)

    @property
    def cells(self) -> int:
        return sum(len(r.cells) for r in self.rows)

    @property
    def surviving(self) -> int:
        return sum(1 for r in self.rows for c in r.cells if c.text is not None and not c.supplied)


def restore_tables(state: State) -> None:
    """A table flattened to its caption (or the lead-in before it) and its cells, one a line, becomes one
    table block: lost cells left their blank lines, which still encode the grid."""
    blocks = state.blocks
    out: list[Block] = []
    count = 0
    data_files = dict(state.table_data)
    i = 0
    while i < len(blocks):
        found = _table_at(blocks, i, state)
        if found is None:
            out.append(blocks[i])
            i += 1
            continue
        caption, first, end = found
        if caption is None:
            out.append(blocks[i])  # the lead-in stays text
        if end < len(blocks):  # lines lost over a note list may be its heading: they stay the list's
            trailing_lost = 0 if _first_note(blocks[end]) else blocks[end].lost_before
            blocks[end].lost_before -= trailing_lost
        else:
            trailing_lost = blocks[-1].lost_before if blocks[-1].kind == "lost-tail" else 0
        runs = _split_at_repeated_heads(blocks[first:end])
        for n, cells in enumerate(runs):
            count += 1
            number, title = (caption.group("number") or caption.group("number2"), caption.group("title") or caption.group("title2")) \
                if caption and n == 0 else (str(count), None)
            after = runs[n + 1][0].lost_before if n + 1 < len(runs) else trailing_lost
            if n + 1 < len(runs):
                runs[n + 1][0].lost_before = 0  # the next table's: lost cells at the end of this one
            sentence_heads = n == 0 and cells and not _is_cell(cells[0], state) \
                and _sentence_heads(blocks, first)
            if sentence_heads:
                grid = _sentence_grid(number, title, cells, sentence_heads)
                state.diagnostics.add("flag.table-sentences", cells[0].first, f"table {number}")
            else:
                grid = lay_out(number, title, _slots(cells, after))
            if number in data_files:
                _merge_data(grid, data_files.pop(number))
            head = blocks[i] if caption and n == 0 else cells[0]
            table = Block([f"({number}) {title}" if title else ""], head.first, cells[-1].last if cells else head.last,
                          kind="table", lost_before=head.lost_before)
            table.table = grid
            report_table(state, table, grid)
            out.append(table)
        i = end
    state.blocks = out
    for data in data_files.values():
        raise BookbuildError("a data file for a table the book does not have; name it after a table's number "
                             "(the build report lists the tables found) or remove it", data.path)


def _slots(cells: list[Block], trailing_lost: int) -> list[Cell]:
    """The grid's slots: each surviving cell, after a lost one for each line lost before it."""
    slots: list[Cell] = []
    for cell in cells:
        slots.extend(Cell(None) for _ in range(cell.lost_before))
        slots.append(Cell(cell.text, cell.first))
    return slots + [Cell(None) for _ in range(trailing_lost)]


def _split_at_repeated_heads(cells: list[Block]) -> list[list[Block]]:
    """A run of cells holding two tables in a row: the second starts where two column heads of the
    first stand again, side by side, with the cell right before them (its first column's head)."""
    heads = {(a.text, b.text): n for n, (a, b) in enumerate(zip(cells[:3], cells[1:4])) if not b.lost_before}
    for k in range(2, len(cells) - 1):
        if heads.get((cells[k].text, cells[k + 1].text), k) < k - 1 and not cells[k + 1].lost_before:
            start = k - 1 if not cells[k].lost_before else k
            return [cells[:start], *_split_at_repeated_heads(cells[start:])] if start > 0 else [cells]
    return [cells]


def _table_at(blocks: list[Block], i: int, state: State) -> tuple[re.Match | None, int, int] | None:
    """(caption, first cell, end) of a table starting at block i: a caption line and its cells, or a
    run of cells where lost cells stand between surviving ones, the mark of a flattened grid: after
    a lead-in (a line ending with a colon or a dash), or, with no lead-in, a longer run."""
    block = blocks[i]
    caption = CAPTION.match(block.text) if len(block.lines) == 1 else None
    if caption:
        end = _cells_end(blocks, i + 1, state)
        if end == i + 1 and caption.group("number2") is not None:  # 'Table 3' over no cells: sentences in columns?
            sentences_end = _sentence_rows_end(blocks, i + 1)
            if sentences_end:
                return caption, i + 1, sentences_end
        # '(6.4) Title' and 'Table 3' are captions by their form; '(2) Title' only with cells after it
        strong = "." in (caption.group("number") or "") or caption.group("number2") is not None
        title = caption.group("title") or caption.group("title2")
        listed = i + 1 < len(blocks) and CAPTION.match(blocks[i + 1].text) and not strong  # '(1) …', '(2) …'
        cells = end > i + 1 or end < len(blocks) and blocks[end].lost_before  # all lost: only blanks show them
        lost = sum(b.lost_before for b in blocks[i + 2:end]) + (blocks[end].lost_before if end < len(blocks) else 0)
        grid_shows = lost >= GRID_LOST  # many cells lost under it: a table, whatever its caption reads as
        if (title is None or reads_as_title(title, attached=True) or grid_shows) and not listed and cells \
                and (strong or end - i > 2 or grid_shows):  # a caption with no cell under it is no table
            return caption, i + 1, end
        return None
    lead_in = CALLS_AT_END.sub("", block.text.rstrip()[-40:]).endswith((":", "—", "–", ":-"))
    sentences_end = _sentence_rows_end(blocks, i + 1, whole=True) if lead_in else None
    if sentences_end:  # 'Compare the two:', the heads, the sentences
        return None, i + 1, sentences_end
    end = _cells_end(blocks, i + 1, state)
    cells = blocks[i + 1:end]
    lost_between = sum(c.lost_before for c in cells[1:])
    gaps = sum(1 for c in cells[1:] if c.lost_before)
    lost_after_lead_in = lost_between + (cells[0].lost_before if cells else 0)  # the first row's cells too
    if lead_in and len(cells) >= 2 and lost_after_lead_in >= 2 and (gaps or cells[0].lost_before) \
            or len(cells) >= 4 and lost_between >= 4 and gaps >= 2:  # no lead-in: the grid must show
        return None, i + 1, end
    return None


def _sentence_rows_end(blocks: list[Block], j: int, whole: bool = False) -> int | None:
    """Where a table of sentences under a 'Table N' caption ends: column heads (short lines that read as
    titles, a full stop allowed), then rows of one sentence a cell, as many rows as the lines of one
    sentence fill; a line holding two sentences (a paragraph) is past it. None unless two rows.
    With no caption (`whole`), the heads must end alike and the sentences fill whole rows."""
    heads = _sentence_heads(blocks, j)
    sentences = 0
    while j + heads + sentences < len(blocks) and _one_line(blocks[j + heads + sentences]) \
            and not SENTENCE_INSIDE.search(blocks[j + heads + sentences].text.strip()):
        sentences += 1
    if heads < 2 or sentences < 2 * heads:
        return None
    if whole and (sentences % heads or len({blocks[j + h].text.rstrip()[-1] == "." for h in range(heads)}) > 1):
        return None
    return j + heads + sentences // heads * heads


def _sentence_heads(blocks: list[Block], j: int) -> int:
    """The column heads over a table of sentences: short lines from j that read as titles."""
    heads = 0
    while j + heads < len(blocks) and _one_line(blocks[j + heads]) and len(blocks[j + heads].text) <= MAX_HEAD \
            and reads_as_title(blocks[j + heads].text.rstrip("."), attached=True) and heads < MAX_COLUMNS:
        heads += 1
    return heads


def _sentence_grid(number: str, caption: str | None, cells: list[Block], columns: int) -> TableGrid:
    """Heads, then rows of sentences, `columns` a row."""
    grid = TableGrid(number, caption, columns)
    for start in range(0, len(cells), columns):
        grid.rows.append(Row([Cell(c.text, c.first) for c in cells[start:start + columns]], header=not start))
    return grid


def _one_line(block: Block) -> bool:
    return block.kind == "para" and len(block.lines) == 1


def _cells_end(blocks: list[Block], j: int, state: State) -> int:
    """Where the run of cells from j ends: at a line that is no cell, or at the heading of a note list.
    Inside the run, a group's name closing on a colon ('I. Raw materials:—') with cells after it is one."""
    start = j
    while j < len(blocks) and (_is_cell(blocks[j], state) or j > start and _group_name(blocks, j, state)) \
            and not _heads_notes(blocks, j):
        j += 1
    return j


def _group_name(blocks: list[Block], j: int, state: State) -> bool:
    text = blocks[j].text.strip()
    return len(blocks[j].lines) == 1 and blocks[j].kind == "para" and len(text) <= MAX_GROUP_NAME \
        and text.endswith((":", ":—", ":-")) and j + 1 < len(blocks) and _is_cell(blocks[j + 1], state)


def _heads_notes(blocks: list[Block], j: int) -> bool:
    """The line right over the first note of a list heads it; lines lost between them are cells the
    grid goes on with (a head over figures the damage took)."""
    return j + 1 < len(blocks) and not blocks[j + 1].lost_before and _first_note(blocks[j + 1])


def _first_note(block: Block) -> bool:
    return item_number(block.text) == 1


def _is_cell(block: Block, state: State) -> bool:
    """A short line that is no sentence (an abbreviation may close it: 'Furniture, etc.')."""
    text = block.text.strip()
    last = text.split()[-1].lower() if text else ""
    return (len(block.lines) == 1 and len(text) <= 80 and block.kind == "para" and not CAPTION.match(text)
            and not SENTENCE_INSIDE.search(text) and (not re.search(r"[.!?:;—–]$", text) or last in ABBREVIATIONS)
            and not is_division_line(text) and not re.match(r"^\d+\.\s", text)
            and all(text != entry for _, entry in state.contents))


def lay_out(number: str, caption: str | None, slots: list[Cell]) -> TableGrid:
    """Choose the column count and lay the slots out in rows."""
    surviving = sum(1 for s in slots if s.text is not None)
    results = []
    for columns in range(2, MAX_COLUMNS + 1):
        parsed = _parse(slots, columns)
        if parsed is not None:
            results.append((parsed[0], columns, parsed[1]))
    if not results:  # nothing fits exactly: one column, every cell in its own row
        return TableGrid(number, caption, 1, [Row([s]) for s in slots], column_count_fixed=False)
    results.sort(key=lambda r: (r[0], r[1]))
    best_cost, columns, rows = results[0]
    ties = [r for r in results if abs(r[0] - best_cost) < 1e-9]
    fixed = len(ties) == 1 and surviving >= 2
    if rows and not rows[0].header and rows[0].cells[0].text is None and not rows[0].spanning and \
            any(r.cells[0].text is not None for r in rows[1:]) and \
            all(c.text is None or not re.search(r"\d", c.text) for c in rows[0].cells):
        rows[0].header = True
    return TableGrid(number, caption, columns, rows, column_count_fixed=fixed)


def _parse(slots: list[Cell], columns: int) -> tuple[float, list[Row]] | None:
    """The cheapest split of the slots into header rows, body rows of `columns` cells, and one-cell
    group rows.

    Header rows stand first and may hold heads in any column (words, a year among them: 'Trade in
    1913'); each costs HEADER_COST, and LOST_IN_HEADER for each lost cell. In the body, a label
    (text with no digit) outside the first column costs 1, a group row SPAN_COST, and 1 more right
    over another group row (a group with no row of its own).
    """
    n = len(slots)
    # best[h][i]: the cheapest layout of slots[i:], h = 1 while header rows may still come
    best: list[list[tuple[float, list[Row]] | None]] = [[None] * (n + 1), [None] * (n + 1)]
    best[0][n] = best[1][n] = (0.0, [])
    for start in range(n - 1, -1, -1):
        end = start + columns
        cells = slots[start:end]
        for header in (0, 1):
            options = []
            if _is_label(slots[start]) and best[0][start + 1] is not None:
                cost, rows = best[0][start + 1]
                empty = bool(rows) and rows[0].spanning  # a group with no rows of its own
                options.append((cost + SPAN_COST + empty, [Row([slots[start]], spanning=True), *rows]))
            if end <= n and best[0][end] is not None:
                cost, rows = best[0][end]
                options.append((cost + sum(1 for c in cells[1:] if _is_label(c)), [Row(list(cells)), *rows]))
            if header and end <= n and best[1][end] is not None and any(_is_head(c) for c in cells):
                cost, rows = best[1][end]
                lost = sum(1 for c in cells if c.text is None)
                options.append((cost + HEADER_COST + LOST_IN_HEADER * lost, [Row(list(cells), header=True), *rows]))
            if options:
                best[header][start] = min(options, key=lambda o: o[0])
    return best[1][0]


def _is_head(cell: Cell) -> bool:
    """Text with a word in it: a column's head."""
    return cell.text is not None and bool(re.search(r"[^\W\d]{3}", cell.text))


def _is_label(cell: Cell) -> bool:
    return cell.text is not None and not re.search(r"\d", cell.text)


def _merge_data(grid: TableGrid, table_data: TableData) -> None:
    """Fill lost cells from the table's data file, after checking it against the skeleton."""
    where = f"table {grid.number}"
    data, path = table_data.rows, table_data.path
    if not data:
        raise BookbuildError(f"{where}: the data file is empty", path)
    if not grid.column_count_fixed:
        columns = len(data[0])
        if any(len(row) != columns for row in data):
            raise BookbuildError(f"{where}: every row needs the same number of columns", path)
        relaid = _parse(_slots_of(grid), columns)
        if relaid is None:
            raise BookbuildError(f"{where}: the source's cells do not fit {columns} columns", path)
        grid.columns, grid.rows, grid.column_count_fixed = columns, relaid[1], True
    if len(data) != len(grid.rows):
        raise BookbuildError(f"{where}: the data has {len(data)} rows, the table has {len(grid.rows)}", path)
    for r, (row, values) in enumerate(zip(grid.rows, data), start=1):
        expected = 1 if row.spanning else grid.columns
        values = values[:1] if row.spanning and not any(values[1:]) else values
        if len(values) != expected:
            raise BookbuildError(f"{where}, row {r}: the data has {len(values)} columns, the table has {expected}",
                                 path, r)
        for c, (cell, value) in enumerate(zip(row.cells, values), start=1):
            if cell.text is not None and cell.text != value:
                raise BookbuildError(f"{where}, row {r}, column {c}: the data says {value!r} but the source has "
                                     f"{cell.text!r}", path, r)
            if cell.text is None and value:
                cell.text, cell.supplied = value, True
    grid.data_file = table_data.name


def _slots_of(grid: TableGrid) -> list[Cell]:
    return [c for r in grid.rows for c in r.cells]


def report_table(state: State, block: Block, grid: TableGrid) -> None:
    """The report's line for a restored table, and its flags."""
    shape = f"{grid.columns} columns × {len(grid.rows)} rows"
    name = f"({grid.number}) {grid.caption}" if grid.caption else f"table {grid.number} (no caption)"
    text = f"{name}: {shape}, {grid.lost} of {grid.cells} cells lost"
    text += f", data from {grid.data_file}" if grid.data_file else ", no data file"
    state.diagnostics.add("restore.table", block.first, text)
    if not grid.column_count_fixed:
        state.diagnostics.add("flag.table-columns", block.first, name)
        block.notes.append(f"Table {grid.number}: the source does not fix the number of columns "
                           f"(laid out in {grid.columns}); supply tables/{grid.number}.csv.")
    elif grid.lost:
        code = "flag.table-blank-cells" if grid.data_file else "flag.table-lost-cells"
        state.diagnostics.add(code, block.first, name, count=grid.lost)
