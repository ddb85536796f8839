"""Score a normalised book against the clean book it was damaged from.

Measures, each as found / expected (what the damage left findable; what it destroyed is counted
apart): division headings found as divisions, section headings found as headings, notes linked
to their own call (and notes linked wrongly), tables found and their surviving cells placed,
paragraphs a page break cut joined again, furniture lines left in the text, real words removed
from the book, and false headings (headings the clean book does not have).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, fields

from lxml import etree

from bookbuild.proof.accounting import words

from .book import Block, Heading, Table, plain
from .common import CONTEXT, Damaged, call_contexts, key

DB = "http://docbook.org/ns/docbook"
NS = {"db": DB}
DIVISIONS = {f"{{{DB}}}{t}" for t in ("chapter", "preface", "appendix", "part", "article", "dedication",
                                       "colophon", "acknowledgements")}
SKIP = {f"{{{DB}}}{t}" for t in ("remark", "info")}


@dataclass
class Score:
    name: str
    divisions: int = 0
    divisions_found: int = 0
    divisions_lost: int = 0  # headings whose every line the damage took away
    sections: int = 0
    sections_found: int = 0
    sections_lost: int = 0
    headings_out: int = 0
    false_headings: int = 0
    notes: int = 0
    notes_linked: int = 0
    notes_wrong: int = 0
    notes_lost: int = 0  # notes whose call the damage took away
    tables: int = 0
    tables_found: int = 0
    tables_out: int = 0
    false_tables: int = 0  # tables bookbuild made that the clean book does not have
    cells: int = 0
    cells_placed: int = 0
    split_paragraphs: int = 0
    paragraphs_joined: int = 0
    furniture_left: int = 0
    pages_dropped: int = 0
    pages_flagged: int = 0  # dropped pages the report says are lost, about where they were
    false_lost_pages: int = 0  # pages the report says are lost that were not
    pages: float = 0.0
    words: int = 0
    words_lost: int = 0  # taken by the damage itself
    words_removed: int = 0  # taken by bookbuild
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        for f in fields(self):
            if f.name not in ("name", "examples"):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        for key, values in other.examples.items():
            self.examples.setdefault(key, []).extend(values)

    def example(self, key: str, text: str) -> None:
        self.examples.setdefault(key, []).append(text)

    # the totals the thresholds are about
    def rates(self) -> dict[str, float]:
        def rate(a, b):
            return a / b if b else 1.0
        return {
            "chapters": rate(self.divisions_found, self.divisions),
            "sections": rate(self.sections_found, self.sections),
            "notes linked": rate(self.notes_linked, self.notes),
            "notes wrong": self.notes_wrong,
            "tables found": rate(self.tables_found, self.tables),
            "false tables": self.false_tables,
            "cells placed": rate(self.cells_placed, self.cells),
            "page joins": rate(self.paragraphs_joined, self.split_paragraphs),
            "words removed %": 100 * rate(self.words_removed, self.words - self.words_lost) if self.words else 0.0,
            "false headings %": 100 * (self.false_headings / self.headings_out if self.headings_out else 0.0),
            "furniture / 20 pp": 20 * self.furniture_left / self.pages if self.pages else 0.0,
            "lost pages flagged": rate(self.pages_flagged, self.pages_dropped),
            "false lost pages": self.false_lost_pages,
        }




def score(damaged: Damaged, tree: etree._Element, removed_lines: set[int] = frozenset(),
          lost_pages: list[tuple[int, int]] = ()) -> Score:
    """removed_lines: the source lines bookbuild's report says it removed; lost_pages: the pages it
    says the extraction lost (the line before them, how many)."""
    result = Score(damaged.name, pages=damaged.pages)
    _score_headings(damaged, tree, result)
    _score_notes(damaged, tree, result)
    _score_tables(damaged, tree, result)
    _score_paragraphs(damaged, tree, result)
    _score_words(damaged, tree, result, removed_lines)
    _score_lost_pages(damaged, result, lost_pages)
    return result


def _score_lost_pages(damaged: Damaged, result: Score, lost_pages: list[tuple[int, int]]) -> None:
    """A page reported lost is one the damage dropped when it stood after the line the report names,
    within the page that line is on and the pages lost (the number may head or foot that page)."""
    result.pages_dropped = len(damaged.dropped_at)
    page_lines = damaged.text.count("\n") / damaged.pages if damaged.pages else 0
    unmatched = list(damaged.dropped_at)
    for line, count in lost_pages:
        near = [at for at in unmatched if line <= at <= line + page_lines * (count + 1)][:count]
        for at in near:
            unmatched.remove(at)
        result.pages_flagged += len(near)
        result.false_lost_pages += count - len(near)
        if len(near) < count:
            result.example("page reported lost, not lost", f"line {line}: {count} page(s)")


# ---------------------------------------------------------------- headings

def _output_headings(tree: etree._Element) -> list[tuple[bool, str, etree._Element]]:
    out = []
    for title in tree.iter(f"{{{DB}}}title"):
        parent = title.getparent()
        if parent is tree or parent.tag in (f"{{{DB}}}info", f"{{{DB}}}table"):
            continue
        text = _text(title)
        label = parent.get("label")
        if not text and not label:
            continue
        out.append((parent.tag in DIVISIONS, f"{label} {text}" if label else text, title))
    return out


def _score_headings(damaged: Damaged, tree: etree._Element, result: Score) -> None:
    found = _output_headings(tree)
    result.headings_out = len(found)
    expected = [h for h in damaged.headings if h.survived]
    for heading in damaged.headings:
        if not heading.survived:
            result.divisions_lost += heading.division
            result.sections_lost += not heading.division
    accepted = [{key(t) for t in h.texts if key(t)} for h in expected]
    offered = [{key(text), key(_text(title))} for _, text, title in found]
    matches = _align(accepted, offered)
    for k, heading in enumerate(expected):
        if heading.division:
            result.divisions += 1
        else:
            result.sections += 1
        match = matches.get(k)
        if match is None:
            result.example("heading missed", heading.texts[0])
        elif heading.division and found[match][0]:
            result.divisions_found += 1
        elif heading.division:
            result.example("division found as a section", heading.texts[0])
        else:
            result.sections_found += 1
    used = set(matches.values())
    for j, (_, text, _) in enumerate(found):
        if j not in used:
            result.false_headings += 1
            result.example("false heading", text)


def _align(accepted: list[set[str]], offered: list[set[str]]) -> dict[int, int]:
    """The longest in-order matching of the clean book's headings with bookbuild's (dynamic programming)."""
    n, m = len(accepted), len(offered)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(m - 1, -1, -1):
            best = below[j] if below[j] > row[j + 1] else row[j + 1]
            if accepted[i] & offered[j] and below[j + 1] + 1 > best:
                best = below[j + 1] + 1
            row[j] = best
    matches: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if accepted[i] & offered[j] and table[i][j] == table[i + 1][j + 1] + 1:
            matches[i] = j
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return matches


# ---------------------------------------------------------------- notes

def _score_notes(damaged: Damaged, tree: etree._Element, result: Score) -> None:
    book = damaged.book
    expected: dict[str, list[tuple[int, str]]] = {}  # note text key -> [(note, call context)]
    contexts = call_contexts(damaged.book)
    for note, text in book.notes.items():
        expected.setdefault(_note_key(plain(text)), []).append((note, contexts.get(note, "")))
    lost = damaged.lost_calls & set(book.notes)  # the damage took the call or the note: unlinkable,
    for footnote in tree.iter(f"{{{DB}}}footnote"):  # unless linked all the same
        text_key = _note_key(_text(footnote))
        context = _context_before(footnote)
        matches = expected.get(text_key, [])
        hit = next((m for m in matches if _same_context(m[1], context)), None)
        if hit is None:  # the damage changed the note's first words (a garbled line, words set out of order)
            matches, hit = _damaged_match(expected, text_key, context)
        if hit is None:  # the extraction set the words before the call out of order: the word it is glued to
            matches = expected.get(text_key, [])  # and the number it shows tell its place
            hit = next((m for m in matches if m[1] and m[1].split()[-1:] == context.split()[-1:]
                        and str(damaged.numbering.get(m[0], (None, None))[1]) == footnote.get("label")), None)
        if hit is not None:
            result.notes_linked += 1
            matches.remove(hit)
            lost.discard(hit[0])
        else:
            result.notes_wrong += 1
            result.example("note linked wrongly", f"…{context} ⟶ {_text(footnote)[:60]}")
    result.notes = len(book.notes) - len(lost)
    result.notes_lost = len(lost)
    for matches in expected.values():
        for note, context in matches:
            if note not in lost:
                result.example("note not linked", f"{note} (shown as {damaged.numbering.get(note, ('?', '?'))[1]}) …{context}")


def _damaged_match(expected: dict[str, list[tuple[int, str]]], text_key: str,
                   context: str) -> tuple[list[tuple[int, str]], tuple[int, str] | None]:
    """The note at this call whose text shares most of its first words with the footnote's, or
    starts with them (the damage cut the note's end away from it)."""
    words = set(text_key.split())
    for key_, matches in expected.items():
        for match in matches:
            if _same_context(match[1], context) and match[1]:
                theirs = set(key_.split())
                prefix = len(text_key.split()) >= 2 and key_.startswith(text_key)  # the note's end cut off
                if prefix or len(words & theirs) >= 0.5 * max(len(words), len(theirs)):
                    return matches, match
    return [], None


def _note_key(text: str) -> str:
    return " ".join(key(text).split()[:12])


def _same_context(expected: str, found: str) -> bool:
    """The last three words before the call agree (fewer where the call stands near a paragraph's start
    on either side: one may have joined that paragraph to the one before)."""
    a, b = expected.split()[-3:], found.split()[-3:]
    k = min(len(a), len(b))
    return k > 0 and a[-k:] == b[-k:] or not expected and not found




def _context_before(footnote: etree._Element) -> str:
    """The words before a footnote in its block (other notes and remarks left out)."""
    block = footnote.getparent()
    while block.getparent() is not None and block.tag not in (f"{{{DB}}}para", f"{{{DB}}}entry",
                                                              f"{{{DB}}}literallayout", f"{{{DB}}}title"):
        block = block.getparent()
    text: list[str] = []
    hidden = (f"{{{DB}}}footnote", f"{{{DB}}}remark")

    def walk(node) -> bool:  # True once the footnote is reached
        if node is footnote:
            return True
        if node.tag in hidden:
            return False
        if node.text:
            text.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and walk(child):
                return True
            if child.tail:
                text.append(child.tail)
        return False

    walk(block)
    return " ".join(key("".join(text)).split()[-CONTEXT:])


# ---------------------------------------------------------------- tables

def _grid(table: etree._Element) -> list[list[str | None]]:
    rows = []
    for row in table.iter(f"{{{DB}}}row"):
        rows.append([None if e.get("role") == "lost" else _text(e) for e in row.findall(f"{{{DB}}}entry")])
    return rows


def _cells_placed(surviving: list[tuple[int, int, str]], grid: list[list[str | None]]) -> int:
    """Cells in their own column and in the row of their own row's other cells and its key (a label or
    a year in the first column: figures beside another row's key are misplaced, all of them): the
    clean table's rows matched in order with the grid's, each pair scoring the cells it places (so
    heads set in one row rather than three do not shift every row under them, but a row split in
    two places only one part)."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for r, c, k in surviving:
        rows.setdefault(r, []).append((c, k))
    expected = [rows[r] for r in sorted(rows)]
    found = [[key(t) if t else "" for t in row] for row in grid]

    def pair(i: int, j: int) -> int:
        """The cells row j places of row i: none if row i has a key (its first column) and row j another."""
        if expected[i][0][0] == 0 and found[j][:1] != [expected[i][0][1]]:
            return 0
        return sum(1 for c, k in expected[i] if c < len(found[j]) and found[j][c] == k)

    n, m = len(expected), len(found)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + pair(i, j))
    return best[0][0]


def _score_tables(damaged: Damaged, tree: etree._Element, result: Score) -> None:
    """A clean table is found in a grid holding at least half its surviving cells. Pairs are taken
    most alike first (cells in common over the larger of the two), so a grid goes to the table it
    is, not to a smaller table whose figures ('1', '2') it happens to hold."""
    grids = [_grid(t) for t in tree.iter(f"{{{DB}}}table", f"{{{DB}}}informaltable")]
    result.tables_out = len(grids)
    tables = []
    for expected in damaged.tables:
        surviving = [(r, c, key(t)) for r, row in enumerate(expected) for c, t in enumerate(row) if t and key(t)]
        if surviving:
            tables.append(surviving)
    haves = [Counter(key(t) for row in grid for t in row if t) for grid in grids]
    shares = []
    for e, surviving in enumerate(tables):
        wanted = Counter(k for _, _, k in surviving)
        for g, have in enumerate(haves):
            common = sum((wanted & have).values())
            if common >= 0.5 * len(surviving):
                shares.append((common / max(len(surviving), sum(have.values())), e, g))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, e, g in sorted(shares, key=lambda s: -s[0]):
        if e not in match and g not in used:
            match[e] = g
            used.add(g)
    for e, surviving in enumerate(tables):
        result.tables += 1
        result.cells += len(surviving)
        if e not in match:
            result.example("table missed", " | ".join(k for _, _, k in surviving[:4]))
            continue
        result.tables_found += 1
        placed = _cells_placed(surviving, grids[match[e]])
        result.cells_placed += placed
        if placed < len(surviving):
            result.example("cells misplaced", f"{placed}/{len(surviving)}: " + " | ".join(k for _, _, k in surviving[:3]))
    truth_cells = {key(t) for grid in damaged.tables for row in grid for t in row if t}
    for g, grid in enumerate(grids):
        cells = [key(t) for row in grid for t in row if t]
        if g not in used and not any(c in truth_cells for c in cells):
            result.false_tables += 1
            result.example("false table", " | ".join(cells[:4]) or "(no surviving cell)")


# ---------------------------------------------------------------- paragraphs cut by a page break

def _score_paragraphs(damaged: Damaged, tree: etree._Element, result: Score) -> None:
    if not damaged.split_paragraphs:
        return
    blocks = [key(_text(p)) for p in tree.iter(f"{{{DB}}}para", f"{{{DB}}}literallayout")]
    for opening, ending in damaged.split_paragraphs:
        opening, ending = key(opening), key(ending)
        result.split_paragraphs += 1
        if any(b.startswith(opening) and b.endswith(ending) or (opening in b and ending in b) for b in blocks):
            result.paragraphs_joined += 1
        else:
            result.example("paragraph not joined", f"{opening} … {ending}")


# ---------------------------------------------------------------- words

def _truth_words(damaged: Damaged) -> Counter:
    counts: Counter = Counter()
    for item in damaged.book.items:
        if isinstance(item, Heading):
            counts += words(" ".join(p for p in (item.ordinal, item.title_text) if p))
        elif isinstance(item, Table):
            counts += words(" ".join(plain(c) for row in item.rows for c in row))
        elif isinstance(item, Block) and item.kind != "break":
            counts += words(" ".join(plain(line) for line in item.lines))
    for text in damaged.book.notes.values():
        counts += words(plain(text))
    return counts


def _book_words(tree: etree._Element) -> Counter:
    """The reading text: everything but the info block, remarks and restored (added) text; labels count."""
    parts: list[str] = []

    def walk(node) -> None:
        skip = node.tag in SKIP or node.get("revisionflag") == "added"
        if not skip:
            if node.text:
                parts.append(node.text)
            if node.get("label") and node.tag != f"{{{DB}}}footnote":
                parts.append(node.get("label"))
            if node.get("override"):  # a list item's number
                parts.append(node.get("override"))
            for child in node:
                if isinstance(child.tag, str):
                    walk(child)
                if child.tail:
                    parts.append(child.tail)

    walk(tree)
    return words(" ".join(parts))


def _score_words(damaged: Damaged, tree: etree._Element, result: Score, removed_lines: set[int]) -> None:
    truth = _truth_words(damaged)
    book = _book_words(tree)
    result.words = sum(truth.values())
    lost = damaged.lost & truth
    result.words_lost = sum(lost.values())
    removed = truth - lost - book
    result.words_removed = sum(removed.values())
    if removed:
        result.example("words removed", " ".join(w for w, _ in removed.most_common(12)))
    # furniture left: a furniture line whose text is still in the block made from its source line
    spans = _blocks_by_source(tree)
    starts = [first for first, _, _ in spans]
    for number, line in damaged.furniture:
        k = key(line)
        if number in removed_lines:
            continue
        at = bisect.bisect_right(starts, number) - 1
        while k and at >= 0 and number - spans[at][0] < 2000:
            first, last, text = spans[at]
            if number <= last and f" {k} " in f" {text} ":
                result.furniture_left += 1
                result.example("furniture left", line)
                break
            at -= 1


def _blocks_by_source(tree: etree._Element) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of every block, from its provenance, in source order."""
    spans = []
    for pi in tree.iter(etree.ProcessingInstruction):
        if pi.target != "bb-source":
            continue
        block = pi.getnext()
        match = re.match(r"(\d+)(?:-(\d+))?", pi.text or "")
        if block is None or not match or any(a.tag in SKIP for a in block.iterancestors()):
            continue
        first = int(match.group(1))
        spans.append((first, int(match.group(2) or first), key(_text(block))))
    return sorted(spans)


def _text(element: etree._Element) -> str:
    """An element's own text, without its footnotes and remarks."""
    parts = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in (f"{{{DB}}}footnote", f"{{{DB}}}remark"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return re.sub(r"\s+", " ", "".join(parts)).strip()
