"""Restoration on books bookbuild has never seen: the clean corpus damaged as web dumps and PDF
extractions (seeds 1 2 3), normalised, scored against the clean books. Each kind's totals must
hold today's floors (tests/damage/thresholds.py FLOORS); benchmarks/robustness.py prints the
table and the gap to the issue's thresholds."""

import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

from bookbuild.model.validate import validate_docbook
from damage.book import corpus_slugs
from damage.run import KINDS, damage, normalise_and_score, normalise_damaged, removed_lines
from damage.common import key
from damage.score import DB, Score, _cells_placed, _score_lost_pages, _score_notes, _score_tables
from damage.thresholds import FLOORS, below

SEEDS = (1, 2, 3)


def _score(job):
    """The run's score, and jing's messages on the book XML it made."""
    tree, score = normalise_and_score(damage(*job))
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "book.xml"
        path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
        return job, score, validate_docbook(path)


@pytest.fixture(scope="session")
def runs() -> tuple[dict[str, Score], dict[tuple, list[str]]]:
    """Each kind's totals, and jing's messages for each run whose XML is not valid DocBook."""
    jobs = [(slug, kind, seed) for slug in corpus_slugs() for kind in KINDS for seed in SEEDS]
    totals = {kind: Score(kind) for kind in KINDS}
    invalid = {}
    with ProcessPoolExecutor(2) as pool:
        for (slug, kind, seed), score, problems in pool.map(_score, jobs):
            totals[kind].add(score)
            if problems:
                invalid[slug, kind, seed] = problems[:3]
    return totals, invalid


@pytest.fixture(scope="session")
def scores(runs) -> dict[str, Score]:
    return runs[0]


@pytest.mark.slow
def test_every_damaged_book_normalises_to_valid_docbook(runs):
    """jing, the official schema: whatever a damaged book's structure, its XML is valid (two note
    lists in one chapter once gave their footnotes the same ids)."""
    assert runs[1] == {}


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_restoration_holds_its_floors_on_the_damaged_corpus(scores, kind):
    assert below(scores[kind], FLOORS[kind]) == []


@pytest.mark.slow
def test_the_damage_is_real(scores):
    """The corpus is whole and the print damage takes words away (garbled lines, lost pages), so the
    floors measure restoration of a damaged book, not of a clean copy."""
    for kind in KINDS:
        assert scores[kind].words > 100_000
    assert scores["pdf"].words_lost > 0


@pytest.mark.slow
def test_the_answer_key_names_each_furniture_line_where_it_stands(scores):
    """Where page breaks are kept, a form feed joins each page's first line to the line before it:
    the key's line numbers count that (the print-outs are built, and cached, by `scores`)."""
    for slug in corpus_slugs():
        for seed in SEEDS:
            damaged = damage(slug, "pdf", seed)
            lines = damaged.text.split("\n")
            assert [text for _, text in damaged.furniture] == [lines[n - 1].strip("\f").strip() for n, _ in damaged.furniture]


def test_cells_are_placed_in_their_column_and_with_their_row_not_at_a_fixed_row_index():
    clean = [["Trade", None, None], [None, "Million", "Per"], [None, "Dollars", "cent"],
             ["Britain", "359.65", "14.2"], ["India", "37.65", "1.5"]]
    surviving = [(r, c, key(t)) for r, row in enumerate(clean) for c, t in enumerate(row) if t]
    heads_in_one_row = [["Trade", "Million Dollars", "Per cent"], ["Britain", "359.65", "14.2"], ["India", "37.65", "1.5"]]
    assert _cells_placed(surviving, heads_in_one_row) == 7  # the body's six and the label over them
    rows_split = [["Trade", "Million Dollars", "Per cent"], ["Britain", None, None], [None, "359.65", "14.2"],
                  ["India", "1.5", "37.65"]]
    assert _cells_placed(surviving, rows_split) == 3  # Trade; Britain, its figures away from it; India alone
    clean.append(["Egypt", "10.85", "0.4"])
    surviving = [(r, c, key(t)) for r, row in enumerate(clean) for c, t in enumerate(row) if t]
    keys_slipped = [["Trade", "Million Dollars", "Per cent"], ["Britain", "37.65", "1.5"], ["India", "10.85", "0.4"],
                    ["Egypt", None, None]]
    assert _cells_placed(surviving, keys_slipped) == 4  # Trade and the three keys: figures beside another key are misplaced


def test_a_grid_goes_to_the_clean_table_it_is_not_to_a_smaller_one_whose_figures_it_holds():
    years = [[str(1600 + n), "2", str(n % 3), "0"] for n in range(12)]
    small = [["2", "1"], ["2", "0"]]  # a table of small figures, all of them in the years' grid too
    book = etree.Element(f"{{{DB}}}book")
    for grid in (years, small):
        table = etree.SubElement(book, f"{{{DB}}}informaltable")
        for cells in grid:
            row = etree.SubElement(table, f"{{{DB}}}row")
            for text in cells:
                etree.SubElement(row, f"{{{DB}}}entry").text = text
    result = Score("pdf")
    _score_tables(SimpleNamespace(tables=[small, years]), book, result)
    assert (result.tables_found, result.cells_placed) == (2, 4 + 48)


def test_the_answer_key_takes_one_running_head_a_page_at_its_edge_not_a_title_that_reads_the_same():
    from damage.pdf import STAMP, _Print

    settings = {"head_bottom": False, "folio": "outer", "url": True}  # the head at the top, URL and folio at the foot
    printing = SimpleNamespace(heads=["Song of Myself", "Inscriptions"], book=SimpleNamespace(title="Leaves of Grass"),
                               settings=settings)
    url = "http://www.example.org/lib/p01.htm"
    page = ["      Song of Myself", "", "", "    Song of Myself", " 1", "  I celebrate myself, and sing myself,", "",
            f"{url} (16 of 319) {STAMP}   16"]
    assert _Print._furniture_lines(printing, page, url, 16, 319) == {0, 7}
    page[0] = "      Leaves of Grass"  # the verso's head, over a part's title
    page[3] = "    Inscriptions"
    assert _Print._furniture_lines(printing, page, url, 16, 319) == {0, 7}
    settings.update(head_bottom=True, folio="centre")  # with the heads at the foot, a title at the top is the page's text
    assert _Print._furniture_lines(printing, page, url, 16, 319) == {7}


def test_the_answer_key_takes_a_row_of_boxes_one_of_which_is_broken_over_the_next_line():
    from damage.pdf import STAMP, _Print

    settings = {"head_bottom": True, "folio": "centre", "url": True}  # everything at the foot
    printing = SimpleNamespace(heads=["The Treaty"], book=SimpleNamespace(title="Some Book"), settings=settings)
    url = "http://www.example.org/lib/p01.htm"
    date, time = STAMP.split()
    page = ["  the text of the page, running on to its foot and on", "", "                 The Treaty",
            f"60              {url} (60 of 223) {date}", f"{' ' * 60}{time}"]
    assert _Print._furniture_lines(printing, page, url, 60, 223) == {2, 3, 4}


def test_a_note_at_its_call_counts_linked_when_the_extraction_set_the_words_before_it_out_of_order():
    """The clean text reads 'be spoiled, if not totally dissolved.[92]'; pdftotext set the line's words
    out of order ('society must' / 'dissolved.92' / 'be' / 'spoiled,'): the note stands after the word its
    call is glued to and shows its number, so it is linked, not linked wrongly. Shown at another word or
    with another number, it is linked wrongly."""
    from damage.book import Block as CleanBlock, Book, Call
    from damage.common import Damaged

    book = Book("a-book", "A Book", "An Author",
                items=[CleanBlock("para", [["the society must be spoiled, if not totally dissolved.", Call(7)]])],
                notes={7: ["Pp. 427–8 in the second edition."]})

    def scored(before: str, label: str) -> tuple[int, int]:
        tree = etree.fromstring(f'<book xmlns="{DB}"><para>{before}<footnote label="{label}"><para>'
                                "Pp. 427–8 in the second edition.</para></footnote></para></book>")
        result = Score("pdf")
        _score_notes(Damaged("a-book", "pdf", 1, "", book, {}, numbering={7: (0, 92)}), tree, result)
        return result.notes_linked, result.notes_wrong

    assert scored("the moment evil ceases the society must dissolved.", "92") == (1, 0)
    assert scored("the moment evil ceases the society must be spoiled,", "92") == (0, 1)
    assert scored("the moment evil ceases the society must dissolved.", "93") == (0, 1)


def test_a_page_reported_lost_counts_only_where_the_damage_dropped_one():
    """Pages of 50 lines; the damage dropped the pages that stood before lines 500 and 1200. The report
    names the line before a gap (a page's number, at its head or foot): 460 is right, 900 is not."""
    damaged = SimpleNamespace(dropped_at=[500, 1200], text="\n" * 2000, pages=40)
    result = Score("pdf")
    _score_lost_pages(damaged, result, [(460, 1), (900, 1)])
    assert (result.pages_dropped, result.pages_flagged, result.false_lost_pages) == (2, 1, 1)


@pytest.mark.slow
def test_a_poems_section_number_at_a_page_foot_between_two_folios_stays(scores):
    """On a print-out of Leaves of Grass (built by `scores`), section '10' of a poem stands alone at a
    page's foot over its first line, between folios 6 and 7: within a few pages of their count, but no
    page between them can hold a third number, so it is text, not a folio."""
    damaged = damage("walt-whitman_leaves-of-grass", "pdf", 1)
    lines = damaged.text.split("\n")
    number = next(n for n, (line, after) in enumerate(zip(lines, lines[1:]), start=1)
                  if line.strip() == "10" and after.strip() == "Of these States the poet is the equable man,")
    _, state = normalise_damaged(damaged)
    assert number not in removed_lines(state)
