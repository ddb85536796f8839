"""Flattened tables on crafted skeletons: the blank-line pattern tells the grid."""

import pytest

from bookbuild.errors import BookbuildError
from bookbuild.normalise.tables import Cell, lay_out
from conftest import codes, normalise_text, texts

P = "A paragraph of ordinary prose, long enough to read as one, and ending as sentences end."
NS = {"db": "http://docbook.org/ns/docbook"}


def grid_of(tree, number):
    table = tree.xpath(f"//db:table[@label='{number}']", namespaces=NS)[0]
    rows = []
    for row in table.xpath(".//db:row", namespaces=NS):
        rows.append([e.text if e.get("role") != "lost" else None for e in row])
    return table, rows


def test_full_row_then_rows_with_lost_cells_give_three_columns():
    # caption, 3 lost header cells, a full row, then labels each followed by two lost cells
    text = ("Title\n\n" + P + "\n\n(6.4) Living Standards\n\n\n\n\nMonthly wage\n\n96.5 rubles\n\n159.9 rubles\n\n"
            "Number of doctors\n\n\n\nFamilies with TV sets\n\n\n\n" + P)
    tree, state = normalise_text(text, kind="web")
    table, rows = grid_of(tree, "6.4")
    assert table.find("{*}tgroup").get("cols") == "3"
    assert table.findtext("{*}title") == "Living Standards"
    assert rows == [[None, None, None], ["Monthly wage", "96.5 rubles", "159.9 rubles"],
                    ["Number of doctors", None, None], ["Families with TV sets", None, None]]
    assert table.xpath("db:tgroup/db:thead/db:row", namespaces=NS)
    assert "flag.table-lost-cells" in codes(state)
    assert texts(tree, "//db:para")[-1] == P and "flag.lost-line" not in codes(state)


def test_group_rows_span_the_table():
    text = ("Title\n\n(1.2) Votes\n\nPeasant Parties\n\nRussian SRs\n\n\nUkrainian SRs\n\n\nWorkers Parties\n\n\n\n\n\n"
            "Other socialists\n\n\n" + P)
    tree, _ = normalise_text(text, kind="web")
    table, rows = grid_of(tree, "1.2")
    assert table.find("{*}tgroup").get("cols") == "2"
    assert rows == [["Peasant Parties"], ["Russian SRs", None], ["Ukrainian SRs", None], ["Workers Parties"],
                    [None, None], [None, None], ["Other socialists", None]]
    spanning = table.xpath(".//db:entry[@namest]", namespaces=NS)
    assert [e.text for e in spanning] == ["Peasant Parties", "Workers Parties"]


def test_two_tables_in_a_row_and_a_table_at_the_end_of_a_chapter():
    text = ("Title\n\nContents\n\n1. One\n\n2. Two\n\n1. One\n\n" + P + "\n\n(1.1) First\n\n\n\n\n\n\n\n"
            "(1.2) Second\n\nAlpha row\n\n\nBeta row\n\n\n2. Two\n\n" + P)
    tree, _ = normalise_text(text, kind="web", division="book")
    assert texts(tree, "//db:chapter[@label='1']//db:table/@label") == ["1.1", "1.2"]
    _, rows = grid_of(tree, "1.2")
    assert rows == [["Alpha row", None], ["Beta row", None]]
    assert texts(tree, "//db:chapter/db:title") == ["One", "Two"]


def test_open_column_count_is_reported_not_guessed_silently():
    grid = lay_out("6.1", "Trade", [Cell(None)] * 12 + [Cell("West Germany")] + [Cell(None)] * 5)
    assert not grid.column_count_fixed
    tree, state = normalise_text("Title\n\n(6.1) Trade\n" + "\n" * 13 + "West Germany\n" + "\n" * 6 + P, kind="web")
    assert "flag.table-columns" in codes(state)
    assert any("does not fix the number of columns" in r for r in texts(tree, "//db:remark"))


def test_no_caption_or_cell_left_as_stray_paragraph():
    text = "Title\n\n(2.1) Caption Here\n\nRow one\n\n\nRow two\n\n\n" + P
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:para") == [P]


def book_with_data(tmp_path, csv_text):
    folder = tmp_path / "book"
    (folder / "tables").mkdir(parents=True)
    (folder / "tables" / "1.2.csv").write_text(csv_text, encoding="utf-8")
    return folder


TABLE = "Title\n\n(1.2) Votes\n\nPeasant Parties\n\nRussian SRs\n\n\nUkrainian SRs\n\n\n" + P


def test_data_file_fills_lost_cells(tmp_path):
    folder = book_with_data(tmp_path, "Peasant Parties,\nRussian SRs,16500000\nUkrainian SRs,4400000\n")
    tree, state = normalise_text(TABLE, kind="web", folder=folder)
    _, rows = grid_of(tree, "1.2")
    assert rows == [["Peasant Parties"], ["Russian SRs", "16500000"], ["Ukrainian SRs", "4400000"]]
    supplied = tree.xpath("//db:entry[@role='supplied']", namespaces=NS)
    assert [e.get("revisionflag") for e in supplied] == ["added", "added"]
    assert "flag.table-lost-cells" not in codes(state)


@pytest.mark.parametrize("csv_text, message", [
    ("Peasant Parties,\nRussian SRs,1\n", "the data has 2 rows, the table has 3"),
    ("Peasant Parties,\nRussian SRs,1,2\nUkrainian SRs,3\n", "row 2: the data has 3 columns"),
    ("Peasant Parties,\nRussian Kadets,1\nUkrainian SRs,3\n", "row 2, column 1: the data says 'Russian Kadets'"),
    ("\n\n", "the data file is empty"),
])
def test_data_file_of_wrong_shape_or_contradicting_the_source_fails(tmp_path, csv_text, message):
    folder = book_with_data(tmp_path, csv_text)
    with pytest.raises(BookbuildError, match=message) as info:
        normalise_text(TABLE, kind="web", folder=folder)
    assert info.value.path.name == "1.2.csv" and "table 1.2" in str(info.value)


def test_data_file_that_is_not_utf8_fails_with_one_line(tmp_path):
    folder = book_with_data(tmp_path, "")
    (folder / "tables" / "1.2.csv").write_bytes(b"Peasant Parties,\n\xff\xfe\x00bad,1\n")
    with pytest.raises(BookbuildError, match="save it as UTF-8 CSV"):
        normalise_text(TABLE, kind="web", folder=folder)


PROSE = [" This is the text of the book, set in lines that run on to the full width of the page and",
         " on; the table below gives the figures, and the text goes on after it as it was before it."]


def test_a_table_kept_in_columns_in_a_pdf_extraction():
    text = "\n".join([*PROSE, " It is estimated that the coal was employed as follows:—", "",
                      "     Railways                                   18,000,000         tons.",
                      "     Gas, water, and electricity                12,500,000         ”",
                      "     House-fuel, small industry and",
                      "                                                24,000,000         ”",
                      "     agriculture",
                      "",  # a page break: the columns stand elsewhere on the next page
                      "",
                      "  Industry                                         78,000,000           ”",
                      "                                                   139,000,000          ”",
                      "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    rows = [[("".join(e.itertext())) for e in row.xpath("db:entry", namespaces={"db": tree.nsmap[None]})]
            for row in tree.xpath("//db:row", namespaces={"db": tree.nsmap[None]})]
    assert rows == [["Railways", "18,000,000", "tons."], ["Gas, water, and electricity", "12,500,000", "”"],
                    ["House-fuel, small industry and agriculture", "24,000,000", "”"],
                    ["Industry", "78,000,000", "”"], ["", "139,000,000", "”"]]
    assert "restore.table" in codes(state)
    assert not any("Railways" in p for p in texts(tree, "//db:para"))


def test_a_layout_table_whose_label_runs_into_its_figure_and_whose_sum_stands_alone_under_its_figures():
    """A long label one space from its figure is two cells where the figure starts under the column of
    figures; a lone figure right under the figures (a sum with no label) is the table's last row."""
    text = "\n".join([*PROSE, " The wealth of the province was reckoned as follows:", "",
                      "     North-Westerland $2,400,000",
                      "     Lakes             13,100,000",
                      "     Upper Valley      41,750,000",
                      "                      $57,250,000",
                      "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["North-Westerland", "$2,400,000"], ["Lakes", "13,100,000"], ["Upper Valley", "41,750,000"],
                              ["", "$57,250,000"]]


def test_justified_prose_and_two_columns_of_text_are_no_table():
    text = "\n".join([" This    comparison,     however,    requires    substantial    changes",
                      " to   make   it   accurate.   On   the   one   hand,   it   is   certain",
                      " that   the   figures   of   prewar   output   cannot   be   relied   on.", "",
                      " an ordinary party politician,        but a man of force,",
                      " personality, and importance.         What, then, was his", "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    assert not tree.xpath("//db:informaltable | //db:table", namespaces={"db": tree.nsmap[None]})
    assert "restore.table" not in codes(state)


def test_a_table_after_a_lead_in_whose_first_row_was_lost():
    # 'Belgium', '$2,500,000,000', 'France' ... were one token a line: lost, blanks left
    text = ("Title\n\n" + P + "\n\nWe are finally left with the following—\n\n\n\n\n\n\nGreat Britain\n\n\n"
            "Other Allies\n\n\n\n\n" + P)
    tree, state = normalise_text(text, kind="web")
    assert tree.xpath("//db:informaltable", namespaces=NS)
    assert not {"Great Britain", "Other Allies"} & set(texts(tree, "//db:title | //db:para"))
    assert "restore.table" in codes(state)


def pdf_rows(tree) -> list[list[str]]:
    return [["".join(e.itertext()) for e in row.xpath("db:entry", namespaces=NS)] for row in tree.xpath(".//db:row", namespaces=NS)]


def test_a_table_read_in_stacks_labels_then_each_column_of_figures():
    text = "\n".join([*PROSE, "It is estimated that this total was employed as follows:—",
                      "Railways", "Gas, water, and electricity", "House-fuel, small industry and agriculture", "Industry", "",
                      "18,000,000", "12,500,000", "24,000,000", "78,000,000", "139,000,000", "",
                      "tons.", "”", "”", "”", "”", "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["Railways", "18,000,000", "tons."], ["Gas, water, and electricity", "12,500,000", "”"],
                              ["House-fuel, small industry and agriculture", "24,000,000", "”"],
                              ["Industry", "78,000,000", "”"], ["", "139,000,000", "”"]]
    assert "restore.table" in codes(state)
    assert "It is estimated that this total was employed as follows:—" in " ".join(texts(tree, "//db:para"))


def test_a_table_that_would_drop_a_line_of_its_own_is_left_as_text(monkeypatch):
    """A table reader that takes a line into a table and sets it in no cell ('Industry' dropped here,
    as a head the reader did not place once was): the table is not made, and every line stays text."""
    import bookbuild.normalise.paragraphs as paragraphs
    found = paragraphs.find_stacked_tables

    def dropping(lines):
        tables = found(lines)
        for _, grid in tables:
            grid.rows = [row for row in grid.rows if row.cells[0].text != "Industry"]
        return tables

    monkeypatch.setattr(paragraphs, "find_stacked_tables", dropping)
    text = "\n".join([*PROSE, "It is estimated that this total was employed as follows:—",
                      "Railways", "Gas, water, and electricity", "House-fuel, small industry and agriculture", "Industry", "",
                      "18,000,000", "12,500,000", "24,000,000", "78,000,000", "139,000,000", "",
                      "tons.", "”", "”", "”", "”", "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [] and "Industry" in " ".join(texts(tree, "//db:para"))
    assert "flag.figures-as-text" in codes(state)


def test_stacks_with_heads_take_turns_and_labels_and_figures_line_by_line():
    text = "\n".join([*PROSE, "in the following table:—", "German Exports, 1913", "Iron goods", "Woolen goods (including raw and",
                      "combed wool)", "Sugar", "Furs", "", "Amount: Million", "Dollars", "330.65", "147.00", "",
                      "Percentage of Total", "Exports", "13.2", "5.9", "", "66.00", "58.75", "", "2.6", "2.2", "",
                      *PROSE, "The diminution of production is:—", "Alsace-Lorraine 3,800,000", "Saar Basin", "13,200,000",
                      "Upper Silesia", "43,800,000", "60,800,000", "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["German Exports, 1913", "Amount: Million Dollars", "Percentage of Total Exports"],
                              ["Iron goods", "330.65", "13.2"], ["Woolen goods (including raw and combed wool)", "147.00", "5.9"],
                              ["Sugar", "66.00", "2.6"], ["Furs", "58.75", "2.2"],
                              ["Alsace-Lorraine", "3,800,000"], ["Saar Basin", "13,200,000"], ["Upper Silesia", "43,800,000"],
                              ["", "60,800,000"]]


def test_a_table_read_row_by_row_each_row_opening_on_a_year():
    rows = [("1595", "2", "0 0"), ("1596", "2", "8 0"), ("1597", "3", "9 6"), ("1598", "2", "16 8")]
    text = "\n".join([*PROSE, "the price of each year being the medium between the highest prices.",
                      "Wheat per quarter", "Years", "£", "s. d.", *[line for row in rows for line in row], "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["", "Wheat per quarter", "", ""], ["Years", "£", "s.", "d."],
                              *[[year, pounds, *rest.split()] for year, pounds, rest in rows]]


def test_verse_lists_and_numbered_lines_are_no_stacked_table():
    text = "\n".join([*PROSE, "", "I heard the bells toll in the night,", "And the voice of a nation mourning,", "",
                      "1595", "1596", "1597", "1598", "", "Chapter One", "Chapter Two", "", "1", "15", "", *PROSE,
                      "", "Abraham Lincoln, Born Feb. 12, 1809", "(Publish’d Feb. 12, 1888)", "To-day, from each and all", "",
                      *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    assert not tree.xpath("//db:informaltable | //db:table", namespaces=NS)
    assert "restore.table" not in codes(state)


def test_a_caption_that_reads_as_a_sentence_heads_a_grid_of_lost_cells():
    caption = "(2) Prices of the quarter of wheat at Windsor Market; the price of each year being the medium."
    text = "Title\n\n" + P + "\n\n" + caption + "\n\n\nWheat per quarter" + "\n" * 14 + "\n" + P
    tree, state = normalise_text(text, kind="web")
    assert tree.xpath("//db:table[@label='2']", namespaces=NS)
    assert "Wheat per quarter" not in texts(tree, "//db:para | //db:title")


def test_two_tables_in_one_run_of_cells_part_where_the_heads_stand_again():
    heads = ["Amount: Million Dollars", "Percentage of Total Exports"]
    lost = ""  # a cell of one token, lost with its line: its blank line stays
    cells = ["German Exports, 1913", *heads, "Iron goods", lost, lost, "Machinery and parts", lost, lost,
             "German Imports, 1913", *heads, "I. Raw materials:—", "Hides and skins", lost, lost, "Iron ore", lost, lost]
    text = "\n\n".join(["Title", "Chapter I", "Europe Before the War", *[P] * 80, "It is shown in the following tables:", *cells, P])
    tree, state = normalise_text(text, kind="web")
    tables = tree.xpath("//db:informaltable", namespaces=NS)
    assert len(tables) == 2
    assert ["".join(e.itertext()) for e in tables[1].xpath(".//db:entry", namespaces=NS)][:4] == \
        ["German Imports, 1913", *heads, "I. Raw materials:—"]
    assert not {"Hides and skins", "I. Raw materials:—"} & set(texts(tree, "//db:para | //db:title"))


def test_a_list_set_out_with_bullets_in_a_layout_extraction_is_no_table():
    text = "\n".join([*PROSE, " Mr. Washington distinctly asks that black people give up three things—", "",
                      "   •    First, political power,", "   •    Second, insistence on civil rights,",
                      "   •    Third, higher education of Negro youth—", "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    assert not tree.xpath("//db:informaltable | //db:table", namespaces=NS)
    assert "restore.table" not in codes(state)


def test_layout_tables_one_after_another_each_with_its_heads_wrapped_labels_and_group_rows():
    # the heads are set around the middle line of the head; a long label wraps over and under its figures;
    # a page break falls inside each table (in the second, the page's head is left in and the columns
    # stand elsewhere); the second table's heads follow the first's last row
    def heads(what: str) -> list[str]:
        return [" " * 37 + "Amount:", " " * 51 + "Percentage of", f"  German {what}, 1913".ljust(37) + "Million",
                " " * 51 + "Total Exports", " " * 37 + "Dollars"]
    text = "\n".join([*PROSE, " It is shown in the following tables:—", "", *heads("Exports"),
                      "  Iron goods (including tin plates,",
                      "                                     330.65        13.2",
                      "  etc.)",
                      "  Machinery and parts (including",
                      "                                     187.75        7.5",
                      "  motorcars)", "", "", "",
                      "  Coal, coke, and briquettes          176.70        7.0",
                      "  Sugar                               66.00         2.6",
                      "  Total                               2,524.15      100.0",
                      *heads("Imports"),
                      "  I. Raw materials:—",
                      "  Cotton                              151.75        5.6",
                      "  Hides and skins                     124.30        4.6", "", "",
                      "                        The Book: A Running Head Left In", "",  # set anew on the next page
                      "  Wool                                      118.35              4.4", "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    tables = tree.xpath("//db:informaltable | //db:table", namespaces=NS)
    assert len(tables) == 2
    head = ["Amount: Million Dollars", "Percentage of Total Exports"]
    assert pdf_rows(tables[0]) == [["German Exports, 1913", *head], ["Iron goods (including tin plates, etc.)", "330.65", "13.2"],
                                   ["Machinery and parts (including motorcars)", "187.75", "7.5"],
                                   ["Coal, coke, and briquettes", "176.70", "7.0"], ["Sugar", "66.00", "2.6"],
                                   ["Total", "2,524.15", "100.0"]]
    assert pdf_rows(tables[1]) == [["German Imports, 1913", *head], ["I. Raw materials:—"],
                                   ["Cotton", "151.75", "5.6"], ["Hides and skins", "124.30", "4.6"], ["Wool", "118.35", "4.4"]]
    assert "It is shown in the following tables:—" in " ".join(texts(tree, "//db:para"))
    assert "The Book: A Running Head Left In" in texts(tree, "//db:para")


def test_layout_table_labels_on_two_lines_with_their_figures_set_between_them_are_one_label():
    """-layout sets a row's figures on the middle of its label's lines: 'United' / figures / 'Kingdom'
    is one row, its label whole, though the label's second line opens in capitals; a group's name
    under such a row ('Other Allies:') stays a row of its own."""
    text = "\n".join([*PROSE, "",
                      "                   By United         By United",
                      "  Loans to                                                   Total",
                      "                   States            Kingdom",
                      "                   Million           Million                 Million",
                      "                   Dollars           Dollars                 Dollars",
                      "  United",
                      "                   4,210                                     4,210",
                      "  Kingdom",
                      "  France           2,750             2,540                   5,290",
                      "  Serbia and",
                      "                   100               100                     200",
                      "  Yugoslavia",
                      "  Other Allies:",
                      "  Italy            1,625             2,335                   3,960", "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["Loans to", "By United States Million Dollars", "By United Kingdom Million Dollars",
                               "Total Million Dollars"], ["United Kingdom", "4,210", "", "4,210"], ["France", "2,750", "2,540", "5,290"],
                              ["Serbia and Yugoslavia", "100", "100", "200"], ["Other Allies:"],
                              ["Italy", "1,625", "2,335", "3,960"]]


def test_layout_table_heads_that_read_like_prose_and_a_label_over_the_first_row_of_the_next_page():
    text = "\n".join([*PROSE, "",
                      "  German Trade",
                      "                          Destination of      Origin of",
                      "                          Germany’s           Germany’s",
                      "                          Exports             Imports",
                      "                                    Per       Million       Per",
                      "                          Million",
                      "                                    cent      Dollars       cent",
                      "  Great Britain           359.65    14.2      219.00        8.1",
                      "  India                   37.65     1.5       135.20        5.0", "", "",
                      "                    The Book: A Running Head Left In", "",
                      "  Total: British",
                      "  France                      197.45      7.8       146.65       5.4",
                      "  Belgium                     137.75      5.5       86.15        3.2", "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["German Trade", "Destination of Germany’s Exports Million", "Per cent",
                               "Origin of Germany’s Imports Million Dollars", "Per cent"],
                              ["Great Britain", "359.65", "14.2", "219.00", "8.1"], ["India", "37.65", "1.5", "135.20", "5.0"],
                              ["Total: British"], ["France", "197.45", "7.8", "146.65", "5.4"],
                              ["Belgium", "137.75", "5.5", "86.15", "3.2"]]
    assert "The Book: A Running Head Left In" in texts(tree, "//db:para")


def test_stacks_with_heads_of_their_own_and_figures_taking_turns_in_their_columns():
    # a group's name has no figures; a label wrapped over two lines sets its row's figures apart, one a stack, in turn; rows of one
    # line each keep their figures together, a stack a column
    text = "\n".join([*PROSE, "as is shown in the following table:—", "",
                      "German Exports, 1913", "I. Manufactures:—", "Iron goods (including tin", "plates, etc.)", "Machinery and parts",
                      "(including motorcars)", "Sugar", "Paper, etc.", "Furs", "Total", "",
                      "Amount:", "Million", "Dollars", "", "Percentage of", "Total Exports", "",
                      "330.65", "", "13.2", "", "187.75", "", "7.5", "", "66.00", "65.50", "58.75", "2,524.15", "",
                      "2.6", "2.6", "2.2", "100.0", "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["German Exports, 1913", "Amount: Million Dollars", "Percentage of Total Exports"],
                              ["I. Manufactures:—", "", ""], ["Iron goods (including tin plates, etc.)", "330.65", "13.2"],
                              ["Machinery and parts (including motorcars)", "187.75", "7.5"],
                              ["Sugar", "66.00", "2.6"], ["Paper, etc.", "65.50", "2.6"], ["Furs", "58.75", "2.2"],
                              ["Total", "2,524.15", "100.0"]]


def test_a_table_of_sentences_under_a_table_caption_ends_where_the_lines_of_one_sentence_end():
    rows = [("Rent depends on the margin of cultivation, rising as it falls.", "Rent depends on the margin too."),
            ("Wages depend upon the ratio of laborers to capital.", "Wages depend on the margin of cultivation.")]
    after = "In the current statement the laws have no common center. In ours they spring from one point."
    text = "\n\n".join(["Title", P, "Let us state them side by side:", "Table 1", "The Current Statement.", "The True Statement.",
                        *[cell for row in rows for cell in row], after, P])
    tree, state = normalise_text(text, kind="web")
    assert pdf_rows(tree) == [["The Current Statement.", "The True Statement."], *[list(row) for row in rows]]
    assert after in texts(tree, "//db:para")
    assert "flag.table-sentences" in codes(state)


@pytest.mark.parametrize("heads, table", [(("The Current Statement.", "The True Statement."), True),
                                          (("The Current Statement.", "The True Statement"), False)])
def test_a_table_of_sentences_after_a_lead_in_with_no_caption_fills_whole_rows(heads, table):
    rows = [("Rent depends on the margin of cultivation, rising as it falls.", "Rent depends on the margin too."),
            ("Wages depend upon the ratio of laborers to capital.", "Wages depend on the margin of cultivation.")]
    after = "In the current statement the laws have no common center. In ours they spring from one point."
    cells = [cell for row in rows for cell in row]
    text = "\n\n".join(["Title", P, "Let us state them side by side:", *heads, *cells, after, P])
    tree, state = normalise_text(text, kind="web")
    assert (pdf_rows(tree) == [list(heads), *[list(row) for row in rows]]) is table
    assert ("flag.table-sentences" in codes(state)) is table
    tree, _ = normalise_text(text.replace(after, "One more sentence alone.\n\n" + after), kind="web")
    assert not tree.xpath("//db:informaltable", namespaces=NS)  # five sentences fill no whole rows


def test_columns_of_sentences_one_after_the_other_or_side_by_side_make_a_table_and_verse_does_not():
    left = ["The Current Statement.", "Rent depends on the margin of", "cultivation, rising as it falls.",
            "Wages depend upon the ratio", "between laborers and capital."]
    right = ["The True Statement.", "Rent depends on the margin", "of cultivation, rising as it falls.",
             "Wages depend on the margin of", "cultivation, falling as it falls."]
    verse = ["A Song of Joys", "O to make the most jubilant song!", "Full of music—full of manhood.", "",
             "The Answerer", "Now list to my morning’s romanza.", "To the cities and farms I sing."]
    text = "\n".join([*PROSE, "the current political economy. Let us state them side by side:", *left, "", *right, "",
                      *PROSE, "and it ends here.", "", *verse, "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["The Current Statement.", "The True Statement."],
                              ["Rent depends on the margin of cultivation, rising as it falls.",
                               "Rent depends on the margin of cultivation, rising as it falls."],
                              ["Wages depend upon the ratio between laborers and capital.",
                               "Wages depend on the margin of cultivation, falling as it falls."]]
    assert len(tree.xpath("//db:informaltable | //db:table", namespaces=NS)) == 1
    side_by_side = [f"{a:<42}{b}".rstrip() for a, b in zip(left, right)]  # as pdftotext -layout keeps them
    text = "\n".join([*PROSE, "the current political economy. Let us state them side by side:", "", *side_by_side, "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree)[1] == ["Rent depends on the margin of cultivation, rising as it falls.",
                                 "Rent depends on the margin of cultivation, rising as it falls."]


def test_a_year_table_over_pages_with_sums_under_the_years_they_sum():
    """Row by row on its first page, a sum ('26)54', shared by 26 years) under the years; column by
    column on the next pages, the years split where the rows of sums stand, a page's foot between."""
    first_page = ["1594", "2", "2 0", "1595", "2", "0 0", "1596", "2", "8 0", "1597", "3", "9 6",
                  "4)9", "19 6", "2", "9 10½"]
    second_page = [["1598", "1599", "", "1600", "1601"], ["2", "1", "2)3", "1", "2", "1"],
                   ["16", "19", "15", "17", "17", "14"], ["8", "2", "10", "11", "8", "10"]]
    third_page = [["1602", "1603", "1604"], ["1", "1", "1"], ["9", "15", "10"], ["4", "4", "8"]]
    foot = [""] * 11
    text = "\n".join([*PROSE * 4, "the price of each year being the medium between the highest prices.",
                      "Wheat per quarter", "Years", "£", "s. d.", *first_page, *foot,
                      *["\n".join(stack) + "\n" for stack in second_page], *foot,
                      *["\n".join(stack) + "\n" for stack in third_page], *PROSE * 4])
    tree, state = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["", "Wheat per quarter", "", ""], ["Years", "£", "s.", "d."],
                              ["1594", "2", "2", "0"], ["1595", "2", "0", "0"], ["1596", "2", "8", "0"],
                              ["1597", "3", "9", "6"], ["", "4)9", "19", "6"], ["", "2", "9", "10½"],
                              ["1598", "2", "16", "8"], ["1599", "1", "19", "2"], ["", "2)3", "15", "10"],
                              ["", "1", "17", "11"], ["1600", "2", "17", "8"], ["1601", "1", "14", "10"],
                              ["1602", "1", "9", "4"], ["1603", "1", "15", "4"], ["1604", "1", "10", "8"]]
    assert sum(1 for code in codes(state) if code == "restore.table") == 1


def test_years_split_where_two_rows_of_sums_stand_after_each_part_of_the_years():
    """A table's last page read column by column: the years split by a blank line, and two rows of
    sums after each part (the split's and the table's foot's): each part's sums on their own rows."""
    stacks = [["1731", "1732", "1733"], ["1734", "1735", "1736"], ["1", "1", "2", "3)4", "1", "1", "2", "2", "3)5", "1"],
              ["12", "6", "8", "7", "9", "18", "3", "0", "1", "13"], ["10", "8", "4", "10", "8", "10", "0", "4", "2", "9"]]
    tree, _ = normalise_text(_stacked(stacks), kind="pdf")
    assert pdf_rows(tree) == [["1731", "1", "12", "10"], ["1732", "1", "6", "8"], ["1733", "2", "8", "4"],
                              ["", "3)4", "7", "10"], ["", "1", "9", "8"], ["1734", "1", "18", "10"],
                              ["1735", "2", "3", "0"], ["1736", "2", "0", "4"], ["", "3)5", "1", "2"], ["", "1", "13", "9"]]


def test_figures_set_with_a_fraction_or_as_a_long_division_are_a_columns_cells():
    """'9⁹⁄₁₃' (a fraction in super- and subscript digits) heading a column's stack is its first cell,
    not its head; '26)54' (a sum over the years it is shared by) is a figure as '54' is."""
    stacks = [["1731", "1732", "1733"], ["1734", "1735", "1736"], ["1", "1", "2", "26)54", "1", "1", "2", "2", "3)5", "1"],
              ["12", "6", "8", "7", "9", "18", "3", "0", "1", "13"],
              ["10⁹⁄₁₃", "8", "4", "10", "8", "10", "0", "4", "2", "9⅛"]]
    tree, _ = normalise_text(_stacked(stacks), kind="pdf")
    assert pdf_rows(tree) == [["1731", "1", "12", "10⁹⁄₁₃"], ["1732", "1", "6", "8"], ["1733", "2", "8", "4"],
                              ["", "26)54", "7", "10"], ["", "1", "9", "8"], ["1734", "1", "18", "10"],
                              ["1735", "2", "3", "0"], ["1736", "2", "0", "4"], ["", "3)5", "1", "2"], ["", "1", "13", "9⅛"]]


def test_rows_of_sums_a_page_break_cut_stand_on_both_sides_of_it():
    """Two rows of sums under each group of years; the page breaks between the second group's two
    rows of sums. Laid alone, the first page would put three rows at its split and the second page
    its one row at its foot; laid as one table over the break, two rows stand at each split."""
    first_page = [["1601", "1602", "1603", "1604"], ["1605", "1606", "1607"],
                  ["1", "1", "2", "1", "4)5", "1", "2", "2", "1", "3)5"], ["10", "12", "8", "6", "16", "4", "3", "9", "15", "7"],
                  ["4", "0", "8", "2", "2", "0", "6", "0", "4", "6"]]
    second_page = [["1608", "1609", "1610"], ["1", "2", "1", "1"], ["2", "11", "4", "18"], ["2", "0", "8", "4"]]
    text = "\n".join([*PROSE * 4, "The prices of the years are set out below.", "",
                      *["\n".join(stack) + "\n" for stack in first_page], *[""] * 11,
                      *["\n".join(stack) + "\n" for stack in second_page], *PROSE * 4])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["1601", "1", "10", "4"], ["1602", "1", "12", "0"], ["1603", "2", "8", "8"],
                              ["1604", "1", "6", "2"], ["", "4)5", "16", "2"], ["", "1", "4", "0"],
                              ["1605", "2", "3", "6"], ["1606", "2", "9", "0"], ["1607", "1", "15", "4"],
                              ["", "3)5", "7", "6"], ["", "1", "2", "2"], ["1608", "2", "11", "0"],
                              ["1609", "1", "4", "8"], ["1610", "1", "18", "4"]]


def test_stacks_whose_first_column_has_its_head_among_the_labels_lines_and_a_head_of_four_lines():
    """The labels' stack opens with the table's title, a head over two columns and the first column's
    unit, which reads as another column's head; the third column's head takes four lines."""
    labels = ["Coal Trade (1913) by Port", "Shipped Outward", "Million Tons", "Hull", "Leith", "Cardiff", "Other ports"]
    text = "\n".join([*PROSE * 4, "The trade of the ports is set out below.", *labels, "",
                      "12.50", "3.25", "20.75", "5.00", "", "Received", "Inward", "Per", "cent", "30.1", "7.9", "50.0", "12.0", "",
                      "Million Tons", "4.10", "1.35", "0.85", "2.20", "", *PROSE * 4])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["Coal Trade (1913) by Port", "", "", ""], ["Shipped Outward", "", "", ""],
                              ["", "Million Tons", "Received Inward Per cent", "Million Tons"],
                              ["Hull", "12.50", "30.1", "4.10"], ["Leith", "3.25", "7.9", "1.35"],
                              ["Cardiff", "20.75", "50.0", "0.85"], ["Other ports", "5.00", "12.0", "2.20"]]


def test_stacks_whose_labels_are_read_after_every_column_of_figures():
    """The first column's head stands over the figures; its unit ('Million Tons') heads the labels,
    read last, and ends the third column's head of six lines. A total's label wrapped onto two lines
    makes its row taller: its figures stand apart, one row a stack. '…' is an empty cell's mark."""
    stacks = [["Shipped to", "Foreign", "Ports"], ["12.50", "3.25", "20.75"], ["Per", "cent", "30.1", "7.9", "50.0"],
              ["Received", "from", "Foreign", "Ports", "Million", "Tons", "4.10", "1.35", "0.85"],
              ["Per", "cent", "41.0", "13.5", "8.5"], ["36.50"], ["88.0"], ["6.30"], ["63.0"],
              ["2.10", "0.40", "1.00"], ["5.1", "1.0", "2.4"], ["1.25", "2.45", "…"], ["12.5", "24.5", "…"],
              ["Million Tons", "Hull", "Leith", "Cardiff", "Total: Home", "Ports", "Hamburg", "Antwerp", "Rotterdam"]]
    tree, _ = normalise_text(_stacked(stacks), kind="pdf")
    assert pdf_rows(tree) == [["", "Shipped to Foreign Ports", "", "", ""],
                              ["", "Million Tons", "Per cent", "Received from Foreign Ports Million Tons", "Per cent"],
                              ["Hull", "12.50", "30.1", "4.10", "41.0"], ["Leith", "3.25", "7.9", "1.35", "13.5"],
                              ["Cardiff", "20.75", "50.0", "0.85", "8.5"], ["Total: Home Ports", "36.50", "88.0", "6.30", "63.0"],
                              ["Hamburg", "2.10", "5.1", "1.25", "12.5"], ["Antwerp", "0.40", "1.0", "2.45", "24.5"],
                              ["Rotterdam", "1.00", "2.4", "…", "…"]]


def test_stacks_whose_labels_are_read_last_under_two_heads_sharing_the_columns():
    """Two heads read before the figures, each over two columns (its figures and their share): each
    stands over its own columns, and neither is lost."""
    stacks = [["Shipped to", "Foreign", "Ports"], ["Received from", "Foreign", "Ports"], ["12.50", "3.25", "20.75", "2.10"],
              ["Per", "cent", "30.1", "7.9", "50.0", "5.1"], ["Million", "Tons", "4.10", "1.35", "0.85", "1.25"],
              ["Per", "cent", "41.0", "13.5", "8.5", "12.5"], ["Million Tons", "Hull", "Leith", "Cardiff", "Hamburg"]]
    tree, _ = normalise_text(_stacked(stacks), kind="pdf")
    assert pdf_rows(tree)[:3] == [["", "Shipped to Foreign Ports", "", "Received from Foreign Ports", ""],
                                  ["", "Million Tons", "Per cent", "Million Tons", "Per cent"],
                                  ["Hull", "12.50", "30.1", "4.10", "41.0"]]


@pytest.mark.parametrize("mark", ["[{}]", "({})"])
def test_a_table_whose_one_surviving_cell_stands_over_lost_lines_and_the_note_list(mark):
    notes = f"{mark.format(1)} The first note of the chapter.\n\n{mark.format(2)} The second note of the chapter.\n"
    text = f"Title\n\n{P}{mark.format(1)} And more.{mark.format(2)}\n\nTable 3\n\n\nWheat per quarter\n" + "\n" * 12 + notes
    tree, _ = normalise_text(text, kind="web")
    table = tree.xpath("//db:informaltable[@xml:id='table-3']", namespaces=NS)[0]
    assert "Wheat per quarter" in texts(table, ".//db:entry")
    assert "Wheat per quarter" not in texts(tree, "//db:para")
    assert len(tree.xpath("//db:footnote", namespaces=NS)) == 2


def test_two_tables_one_over_the_other_read_column_by_column_in_turns():
    """A page ends one year table (its last rows and two sums) and sets another under it, columns in
    line: pdftotext reads the first's years, the second's years under their head (split by a blank),
    then each column's upper part, the lower table's head over its part, and so on."""
    upper_keys = ["1762", "1763", "1764"]
    upper = [["2", "1", "2", "6)12", "2"], ["4", "14", "13", "5", "0"], ["8", "0", "10", "6", "6⅓"]]
    lower_keys = [["1731", "1732", "1733"], ["1734", "1735", "1736"]]
    lower = [["1", "1", "2", "3)4", "1", "2", "1", "1", "3)4", "1"],
             ["12", "18", "1", "4", "11", "6", "8", "18", "3", "1"],
             ["10", "8", "4", "10", "0", "4", "0", "6", "6", "8"]]
    heads = [["Wheat per quarter", "£"], ["s."], ["d."]]
    stacks = [upper_keys, ["Years", *lower_keys[0]], lower_keys[1], [*upper[0], *heads[0], *lower[0]],
              [*upper[1], *heads[1], *lower[1]], upper[2], [*heads[2], *lower[2]]]
    text = "\n".join([*PROSE * 4, "", *["\n".join(stack) + "\n" for stack in stacks], "Notes to this chapter",
                      "(1) A note of the chapter, long enough to read as one and ending as sentences end.",
                      *PROSE * 2])
    tree, _ = normalise_text(text, kind="pdf")
    tables = tree.xpath("//db:informaltable", namespaces=NS)
    assert [pdf_rows(t) for t in tables] == [
        [["1762", "2", "4", "8"], ["1763", "1", "14", "0"], ["1764", "2", "13", "10"], ["", "6)12", "5", "6"],
         ["", "2", "0", "6⅓"]],
        [["", "Wheat per quarter", "", ""], ["Years", "£", "s.", "d."],
         ["1731", "1", "12", "10"], ["1732", "1", "18", "8"], ["1733", "2", "1", "4"], ["", "3)4", "4", "10"],
         ["", "1", "11", "0"], ["1734", "2", "6", "4"], ["1735", "1", "8", "0"], ["1736", "1", "18", "6"],
         ["", "3)4", "3", "6"], ["", "1", "1", "8"]]]


def test_figures_no_rule_lines_up_stay_text_and_are_flagged_for_the_proofreader():
    """Years with sub-rows (a price table's rows spanning several prices): the stacks do not line up,
    so the figures stay as they stand and the report says where."""
    stacks = [["Years", "1202", "1205", "1223"], ["£", "1", "2", "1", "4", "6", "3", "2"], ["s.", "12", "13", "15", "2", "16"]]
    text = "\n".join([*PROSE * 4, "", *["\n".join(stack) + "\n" for stack in stacks], *PROSE * 4])
    tree, state = normalise_text(text, kind="pdf")
    assert not tree.xpath("//db:informaltable", namespaces=NS)
    flags = [d for d in state.diagnostics.items if d.code == "flag.figures-as-text"]
    assert [(f.text, f.count) for f in flags] == [("Years", 15)]
    assert "1205" in texts(tree, "//db:para")


def test_a_paragraphs_last_line_right_over_a_table_stays_the_paragraphs():
    """'… of minor im‐' / 'portance individually.': two words closing on a point may be a cell
    ('Furniture, etc.'), but not the end of a sentence the line above breaks off."""
    labels = ["German Exports, 1913", "Iron goods", "Machinery and parts", "Coal and coke", "Sugar"]
    text = "\n".join([*PROSE * 4, "the remaining one-third, which is composed of commodities of minor im\u2010",
                      "portance individually.", *labels, "", "Amount:", "Million", "Dollars", "",
                      "330.65", "187.75", "176.70", "66.00", "", *PROSE * 4])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["German Exports, 1913", "Amount: Million Dollars"], ["Iron goods", "330.65"],
                              ["Machinery and parts", "187.75"], ["Coal and coke", "176.70"], ["Sugar", "66.00"]]
    assert any(p.endswith("minor importance individually.") for p in texts(tree, "//db:para"))


def test_a_stack_of_words_as_long_as_a_column_of_counting_figures_is_no_column():
    """Figures counting up, then three words ('Total' / 'Average' / 'Price'), then figures one a stack:
    the words are no column of the figures' table (taking them for one stopped the build)."""
    stacks = [["2", "8", "10"], ["Total", "Average", "Price"], ["28"], ["9"], ["4"]]
    text = "\n".join([*PROSE * 4, "", *["\n".join(stack) + "\n" for stack in stacks], *PROSE * 4])
    tree, _ = normalise_text(text, kind="pdf")
    assert not tree.xpath("//db:informaltable", namespaces=NS)
    assert {"Total", "Average", "Price", "28", "10"} <= set(" ".join(texts(tree, "//db:para")).split())


def test_layout_columns_of_figures_one_space_apart_sub_rows_and_a_page_that_sets_them_anew():
    # narrow columns ('s.', 'd.') stand one space apart on some rows and further apart on others, closer to each
    # other than ALIGN; a year has sub-rows with no label; a head carries a note's call, and heads over groups of
    # columns stand over a line heading each column (two rows of heads); past a page break the
    # columns stand elsewhere, a label wraps around its figures and the first full row sets its figures one space apart
    text = "\n".join([*PROSE, "",
                      "            Price of the           Mean of the",
                      "            bushel7                prices8",
                      "Years       £      s.  d.          £    s. d.",
                      "1401        —      12  —           —    — —",
                      "1405        —      12  —           —    13 5",
                      "            —      13  4",
                      "1423        —      12  —           —    —    —",
                      "1437        1      3   4           —    17   —",
                      "Total                              1    11   5", "", "", "",
                      "Mean",
                      "                        —   10 9",
                      "Price",
                      "1441     —   3    4     —   10 —",
                      "1448     1   2    —     1   1  6", "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["", "Price of the bushel7", "", "", "Mean of the prices8", "", ""],
                              ["Years", "£", "s.", "d.", "£", "s.", "d."],
                              ["1401", "—", "12", "—", "—", "—", "—"], ["1405", "—", "12", "—", "—", "13", "5"],
                              ["", "—", "13", "4", "", "", ""], ["1423", "—", "12", "—", "—", "—", "—"],
                              ["1437", "1", "3", "4", "—", "17", "—"], ["Total", "", "", "", "1", "11", "5"],
                              ["Mean Price", "", "", "", "—", "10", "9"],
                              ["1441", "—", "3", "4", "—", "10", "—"], ["1448", "1", "2", "—", "1", "1", "6"]]


def test_a_column_of_figure_pairs_one_space_apart_on_every_row_is_two_columns_but_thousands_are_one():
    def table(cells: list[str]) -> str:
        return "\n".join([*PROSE, "", " Years     £        s. d.", *(f" {1601 + n}      {n + 1}        {c}" for n, c in enumerate(cells)),
                          "", *PROSE])
    tree, _ = normalise_text(table(["0 0", "16 8", "9 4"]), kind="pdf")
    assert pdf_rows(tree) == [["Years", "£", "s.", "d."], ["1601", "1", "0", "0"], ["1602", "2", "16", "8"], ["1603", "3", "9", "4"]]
    tree, _ = normalise_text(table(["3 800", "12 500", "1 250"]), kind="pdf")
    assert [row[2] for row in pdf_rows(tree)] == ["s. d.", "3 800", "12 500", "1 250"]


def _stacked(stacks: list[list[str]]) -> str:
    return "\n".join([*PROSE * 4, "The trade of the ports is set out below.", "",
                      *["\n".join(stack) + "\n" for stack in stacks], *PROSE * 4])


PORT_HEADS = [["Amount:", "Million", "Tons"], ["Percentage of", "Total"]]
PORT_LABELS = ["Grain Received, 1913", "I. Home ports:—", "Hull", "Leith", "Cardiff", "II. Foreign ports:—", "Hamburg", "Antwerp"]
PORT_FIGURES = [["151.75", "124.30", "118.35", "394.40"], ["5.6", "4.6", "4.4", "14.6"],
                ["73.10", "54.75", "127.85"], ["2.8", "2.0", "4.8"]]
PORT_ROWS = [["Grain Received, 1913", "Amount: Million Tons", "Percentage of Total"], ["I. Home ports:—", "", ""],
             ["Hull", "151.75", "5.6"], ["Leith", "124.30", "4.6"], ["Cardiff", "118.35", "4.4"], ["", "394.40", "14.6"],
             ["II. Foreign ports:—", "", ""], ["Hamburg", "73.10", "2.8"], ["Antwerp", "54.75", "2.0"], ["", "127.85", "4.8"]]


def test_rows_with_no_label_in_a_table_read_in_stacks_are_its_sums_told_by_their_figures():
    """Each group's sum has no label: the figure that adds up those above it closes its group, so
    the labels stay on their own rows. A group with no labels of its own has its one row under its
    name; a grand total sums every row; the last labels may come after the columns of figures."""
    tree, _ = normalise_text(_stacked([PORT_LABELS, *PORT_HEADS, *PORT_FIGURES]), kind="pdf")
    assert pdf_rows(tree) == PORT_ROWS
    figures = [[*PORT_FIGURES[0], *PORT_FIGURES[2], "80.00", "602.25"], [*PORT_FIGURES[1], *PORT_FIGURES[3], "3.0", "22.4"]]
    tree, _ = normalise_text(_stacked([PORT_LABELS, *PORT_HEADS, *figures, ["III. Other ports:—", "Total"]]), kind="pdf")
    assert pdf_rows(tree) == [*PORT_ROWS, ["III. Other ports:—", "", ""], ["", "80.00", "3.0"], ["Total", "602.25", "22.4"]]


def test_rows_with_no_label_that_add_up_nothing_leave_the_figures_as_text():
    """Two rows too many and no sum among them: which label stands on which row is not sure."""
    figures = [["151.75", "124.30", "118.35", "300.00"], ["5.6", "4.6", "4.4", "9.9"], ["73.10", "54.75", "100.00"], ["2.8", "2.0", "3.3"]]
    tree, state = normalise_text(_stacked([PORT_LABELS, *PORT_HEADS, *figures]), kind="pdf")
    assert not tree.xpath("//db:informaltable", namespaces=NS)
    assert "flag.figures-as-text" in codes(state)


def test_a_column_of_labels_running_on_from_one_table_into_the_next_under_its_title():
    """pdftotext reads a page's column of labels whole: the foot of one table, the title of the next,
    its labels; then the first table's figures (a row more: its sum), then the second's heads and
    figures. The second table is rebuilt under its title; the first one's last rows stay text."""
    upper = [["Other ports", "Total"], ["711.70", "829.69", "1,541.39"], ["67.2", "32.8", "100.0"]]
    stacks = [[*upper[0], *PORT_LABELS], *upper[1:], *PORT_HEADS, *PORT_FIGURES]
    tree, state = normalise_text(_stacked(stacks), kind="pdf")
    assert pdf_rows(tree) == PORT_ROWS
    kept = " ".join(tree.xpath("//text()[not(ancestor::db:table or ancestor::db:informaltable)]", namespaces=NS))
    assert all(text in kept for text in ("Other ports", "711.70", "100.0"))


def test_a_whole_table_over_the_next_one_its_figures_cut_by_a_wrapped_label_is_rebuilt_too():
    """The column of labels runs from one table into the next, and the first table's wrapped label
    cuts its columns of figures short: the cut stacks take turns under the two heads. The first
    table, its heads over it, is rebuilt as well as the second."""
    upper_labels = ["Coal Shipped, 1913", "Newcastle", "Hexham", "Sunderland (with the upper", "river wharves)", "Blyth", "Total"]
    upper = [["Amount:", "Million", "Tons", "10.50", "4.25", "14.75"], ["Percentage of", "Total", "25.0", "10.1", "35.1"],
             ["16.00"], ["38.1"], ["11.25", "42.00"], ["26.8", "100.0"]]
    tree, _ = normalise_text(_stacked([[*upper_labels, *PORT_LABELS], *upper, *PORT_HEADS, *PORT_FIGURES]), kind="pdf")
    assert pdf_rows(tree) == [["Coal Shipped, 1913", "Amount: Million Tons", "Percentage of Total"],
                              ["Newcastle", "10.50", "25.0"], ["Hexham", "4.25", "10.1"], ["", "14.75", "35.1"],
                              ["Sunderland (with the upper river wharves)", "16.00", "38.1"], ["Blyth", "11.25", "26.8"],
                              ["Total", "42.00", "100.0"], *PORT_ROWS]


def test_a_column_of_labels_read_on_into_the_next_tables_title_and_figures_into_its_head():
    """The labels run past 'Total' into the next table's title, the last column of figures into the
    next table's head: both stay text, and the table is laid under its own labels (no label but a
    total stands on a sum to the penny: 'Other ports' on the 27.25 that sums the two rows above it
    would slip every label after it off its row)."""
    labels = ["Coal Shipped, 1913", "Newcastle", "Hexham", "Sunderland (with the upper", "river wharves)", "Blyth",
              "Other ports", "Total", "Grain Received, 1913"]
    figures = [["10.50", "4.25", "14.75"], ["22.3", "9.0", "31.4"], ["16.00"], ["34.0"], ["11.25", "27.25", "5.00", "47.00"],
               ["23.9", "58.0", "10.6", "100.0", "Percentage of", "Total"]]
    tree, _ = normalise_text(_stacked([labels, *PORT_HEADS, *figures]), kind="pdf")
    assert pdf_rows(tree) == [["Coal Shipped, 1913", "Amount: Million Tons", "Percentage of Total"],
                              ["Newcastle", "10.50", "22.3"], ["Hexham", "4.25", "9.0"], ["", "14.75", "31.4"],
                              ["Sunderland (with the upper river wharves)", "16.00", "34.0"], ["Blyth", "11.25", "23.9"],
                              ["", "27.25", "58.0"], ["Other ports", "5.00", "10.6"], ["Total", "47.00", "100.0"]]
    kept = " ".join(tree.xpath("//text()[not(ancestor::db:informaltable)]", namespaces=NS))
    assert "Grain Received, 1913" in kept and "Percentage of" in kept


def test_a_table_going_on_over_a_page_break_under_its_next_groups_name_is_one_table():
    """The second page's part opens with the next group's name, over the sum of the group on the
    page before (a lone figure in each column): that sum is its first row, and the part goes on
    from the table before it, its groups counting on (I., then II.)."""
    first = [PORT_LABELS[:5], *PORT_HEADS, PORT_FIGURES[0][:3], PORT_FIGURES[1][:3]]
    second = [["II. Foreign ports:—", "Hamburg", "Antwerp", "Total"], ["394.40"], ["14.6"],
              ["73.10", "54.75", "127.85", "522.25"], ["2.8", "2.0", "4.8", "19.4"]]
    page = _stacked(first).split("\n")
    text = "\n".join([*page[:-len(PROSE) * 4], "\f" + "\n".join(second[0]), "", *["\n".join(s) + "\n" for s in second[1:]],
                      *PROSE * 4])
    tree, _ = normalise_text(text, kind="pdf")
    assert len(tree.xpath("//db:informaltable", namespaces=NS)) == 1
    assert pdf_rows(tree) == [*PORT_ROWS, ["Total", "522.25", "19.4"]]


def test_whole_numbers_adding_up_by_chance_are_no_sums():
    """1 and 1 over 2: no sum (a sum is told only to the penny), so the labels stand on their rows
    as they come."""
    stacks = [["Hull", "Leith", "Cardiff", "Dover"], ["1", "1", "2", "5"], ["4", "6", "0", "3"]]
    tree, _ = normalise_text(_stacked(stacks), kind="pdf")
    assert pdf_rows(tree) == [["Hull", "1", "4"], ["Leith", "1", "6"], ["Cardiff", "2", "0"], ["Dover", "5", "3"]]


@pytest.mark.parametrize("group_sum, table", [("994.40", True), ("300.00", False)])
def test_a_tables_part_going_on_from_the_page_before_has_sums_of_rows_found_there(group_sum, table):
    """A part with no heads: its columns cut where a group's name or a wrapped label stands take
    turns as their lengths pair up, and its first group's sum adds up rows on the page before too,
    so it is more than the figures over it here (a smaller figure is no such sum: the rows are not
    sure and the figures stay text); so is its grand total."""
    labels = ["Hull", "Leith", "Cardiff (with the Barry", "docks)", "II. Foreign ports:—", "Hamburg", "Antwerp", "Total"]
    figures = [["151.75", "124.30"], ["5.6", "4.6"], ["118.35", group_sum], ["4.4", "36.6"],
               ["73.10", "54.75", "1,122.25"], ["2.8", "2.0", "41.4"]]
    tree, state = normalise_text(_stacked([labels, *figures]), kind="pdf")
    assert bool(tree.xpath("//db:informaltable", namespaces=NS)) is table
    if table:
        assert pdf_rows(tree) == [["Hull", "151.75", "5.6"], ["Leith", "124.30", "4.6"],
                                  ["Cardiff (with the Barry docks)", "118.35", "4.4"], ["", "994.40", "36.6"],
                                  ["II. Foreign ports:—", "", ""], ["Hamburg", "73.10", "2.8"], ["Antwerp", "54.75", "2.0"],
                                  ["Total", "1,122.25", "41.4"]]
    else:
        assert "flag.figures-as-text" in codes(state)


@pytest.mark.parametrize("last, table", [("45.00", True), ("6.00", False)])
def test_one_row_with_no_label_is_a_total_at_the_foot_only_if_its_figure_is_the_largest(last, table):
    """A total that does not add up (a figure left out of the source) still stands at the foot; a
    row with no label anywhere else may be any row: the labels would slip off their figures."""
    stacks = [["Hull", "Leith", "Cardiff", "Dover"], ["Tons", "10.50", "20.25", "3.50", "7.00", last]]
    tree, state = normalise_text(_stacked(stacks), kind="pdf")
    rows = [["", "Tons"], ["Hull", "10.50"], ["Leith", "20.25"], ["Cardiff", "3.50"], ["Dover", "7.00"], ["", last]]
    assert (pdf_rows(tree) == rows) is table
    assert bool(tree.xpath("//db:informaltable", namespaces=NS)) is table


def test_a_layout_table_runs_on_past_a_page_break_however_many_blank_lines_its_margins_left():
    # the page's foot (its address) is removed as furniture; the blank lines around it are more than a
    # table may run on over within a page
    rows = [f"{1401 + n}        {n % 3}      {12 - n}  {n % 7}" for n in range(12)]
    text = "\n".join([*PROSE, "", "Years       £      s.  d.", *rows[:6], "", "", "",
                      " http://www.example.org/lib/book/p01.htm (48 of 90) [22/08/2000 01:01:05]",
                      "", "", "", "", "", *rows[6:], "", *PROSE])
    tree, state = normalise_text(text, kind="pdf")
    assert len(tree.xpath("//db:table | //db:informaltable", namespaces=NS)) == 1
    assert pdf_rows(tree)[1:] == [row.split() for row in rows]
    assert not any("1407" in p for p in texts(tree, "//db:para"))


def test_a_title_row_and_two_rows_of_heads_spanning_columns_over_labels_whose_figures_were_lost():
    # the title spans five columns, each group head two: their spans and the corner cells left blanks
    cells = ["Harbour Traffic (1910) by Port", None, None, None, None,
             None, "Goods Landed", None, "Goods Shipped", None,
             None, "Tons Weight", "Per cent", "Tons Weight", "Per cent",
             "North Harbour", None, None, None, None,
             None, None, None, None, None,  # a one-word label ('Docks'), lost with its figures
             "South Harbour", None, None, None, None,
             "East Basin", None, None, None, None,
             "West Basin", None, None, None, None,
             "Total: All Ports", None, None, None, None]
    text = ("Title\n\nCHAPTER I\n\n" + f"{P}\n\n" * 60 + "(4) Traffic\n\n"  # past where a contents list may stand
            + "".join(f"{c}\n\n" if c else "\n" for c in cells) + P)
    tree, _ = normalise_text(text, kind="web")
    table, rows = grid_of(tree, "4")
    assert table.find("{*}tgroup").get("cols") == "5"
    assert rows == [cells[start:start + 5] for start in range(0, len(cells), 5)]


def test_a_table_split_by_a_page_break_is_one_table():
    """A long table read row by row, its rows going on after the page's folio and the page break:
    each part is found on its own, and the second goes on from the first (as many columns, no heads,
    its years counting on): one table."""
    prices = [("2", "0 0"), ("2", "8 0"), ("3", "9 6"), ("2", "16 8"), ("1", "19 2"), ("1", "17 8"), ("1", "14 10"),
              ("1", "9 4"), ("1", "15 4"), ("1", "10 8"), ("1", "15 10"), ("1", "13 0")]
    rows = [[str(1595 + n), pounds, rest] for n, (pounds, rest) in enumerate(prices)]
    second = [line for row in rows[6:] for line in row]
    text = "\n".join([*PROSE, "the price of each year being the medium between the highest prices.",
                      "Wheat per quarter", "Years", "£", "s. d.", *[line for row in rows[:6] for line in row], "", "210", "",
                      "\f" + second[0], *second[1:], "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert len(tree.xpath("//db:table | //db:informaltable", namespaces=NS)) == 1
    assert pdf_rows(tree) == [["", "Wheat per quarter", "", ""], ["Years", "£", "s.", "d."],
                              *[[year, pounds, *rest.split()] for year, pounds, rest in rows]]


def test_a_numbered_label_read_after_its_tables_figures_over_the_total_is_no_heading():
    """The last rows' labels of a table read column by column come after its figures ('IV. Other
    goods', then 'Total'): right under the table, over a total's label, no chapter IV."""
    chapter = [*PROSE, *PROSE, *PROSE, ""]
    text = "\n".join(["I. The First", "", *chapter, "II. The Second", "", *PROSE,
                      "It is estimated that this total was employed as follows:—",
                      "Railways", "Gas, water, and electricity", "House-fuel, small industry and agriculture", "Industry", "",
                      "18,000,000", "12,500,000", "24,000,000", "78,000,000", "139,000,000", "",
                      "tons.", "”", "”", "”", "”", "", "IV. Other goods", "Total", "", *chapter,
                      "III. The Third", "", *chapter])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["The First", "The Second", "The Third"]
    assert "IV. Other goods" in texts(tree, "//db:para")


def test_a_layout_table_of_one_word_cells_after_a_lead_in_with_its_call_and_a_label_wrapped_over_a_page_break():
    """Cells of one word each in five columns are a table, not justified prose, where the columns past
    the first hold figures; the lead-in over it (its note's call glued to ':—') stays text; a label set
    on two lines around its figures at a page's foot is one label, and the table goes on past the break."""
    text = "\n".join([*PROSE, "the tonnage is set out in the following table:—3",
                      "                    Coal        Iron        Grain       Total",
                      "  Ports             Tons        Tons        Tons        Tons",
                      "  Leith             410         120         75          605",
                      "  Hull              380         95          60          535",
                      "  Dundee            150         40          25          215",
                      "  Bristol and",
                      "                    220         85          50          355",
                      "  Avonmouth", "", "", "",
                      " http://www.example.org/lib/book/p07.htm (7 of 90) [22/08/2000 01:01:05]", "", "", "",
                      "  Total             1,160       340         210         1,710", "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["", "Coal", "Iron", "Grain", "Total"], ["Ports", "Tons", "Tons", "Tons", "Tons"],
                              ["Leith", "410", "120", "75", "605"], ["Hull", "380", "95", "60", "535"],
                              ["Dundee", "150", "40", "25", "215"], ["Bristol and Avonmouth", "220", "85", "50", "355"],
                              ["Total", "1,160", "340", "210", "1,710"]]
    assert any(p.endswith("following table:—3") for p in texts(tree, "//db:para"))


def test_stacks_cut_short_by_empty_cells_are_laid_on_the_rows_their_totals_add_up():
    """A stack holds only the cells printed: where the last column totals every row, each short stack's
    figures go on the one set of rows that adds up (a figure with its note's call glued on, '4307',
    read as 430 where only that reading adds up; its cell kept as printed)."""
    labels = ["Leith", "Hull", "Dundee", "Bristol and Avonmouth", "Total"]
    text = "\n".join([*PROSE, "the tonnage is set out in the following table:—", *labels, "",
                      "1,200", "640", "95", "210", "2,145", "",  # a figure on every row
                      "125", "4307", "605", "1,160", "",  # none on Leith's row
                      "310", "315", "625", "",  # none on Dundee's nor Bristol's
                      "1,510", "1,080", "525", "815", "3,930", "", *PROSE])
    tree, _ = normalise_text(text, kind="pdf")
    assert pdf_rows(tree) == [["Leith", "1,200", "", "310", "1,510"], ["Hull", "640", "125", "315", "1,080"],
                              ["Dundee", "95", "4307", "", "525"], ["Bristol and Avonmouth", "210", "605", "", "815"],
                              ["Total", "2,145", "1,160", "625", "3,930"]]


def test_columns_of_decimals_whose_first_figures_rise_by_chance_are_not_read_row_by_row():
    """A table read row by row opens each row on a whole number (a year); sums in decimals that
    happen to rise ('204.15' … '233.90' … '315.35') make no keys: the figures stay text, flagged."""
    stacks = [["204.15", "131.60", "96.30", "72.45", "233.90", "42.10", "95.75", "61.20", "315.35", "21.40", "88.10", "19.30"],
              ["8.1", "5.2", "3.8", "2.9", "9.3", "1.7", "3.8", "2.4", "12.5", "0.8", "3.5", "0.7"]]
    tree, state = normalise_text(_stacked(stacks), kind="pdf")
    assert not tree.xpath("//db:informaltable", namespaces=NS)
    assert "flag.figures-as-text" in codes(state)


def test_a_columns_head_opening_figures_left_as_text_is_no_heading():
    """A table the stacks reader cannot lay (as many labels as rows of neither column) stays text,
    flagged; the column's head at the top of its run ('Percentage of / Total Exports') is a line of
    that table, no section, though nothing but its own labels stands near it."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, "and it ends here.", "", line, line, "and it ends here.", ""]
    text = "\n".join(["\fI", "Of the Harbour", *body, line, "and it ends here.", "", "Percentage of", "Total Exports", "",
                      "\fAmount:", "Million", "Dollars", "I. Raw materials:—", "Cotton", "Hides and skins", "Wool", "Copper",
                      "Coal", "Timber", "", "2.0", "1.9", "1.3", "1.0", "0.9", "0.8", "0.6", "0.5", "",
                      "151.75", "124.30", "118.35", "83.75", "68.30", "58.00", "56.75", "", *body])
    tree, state = normalise_text(text, kind="pdf")
    assert codes(state).count("flag.figures-as-text") == 1
    assert texts(tree, "//db:chapter/db:title") == ["Of the Harbour"] and not texts(tree, "//db:section/db:title")


def test_a_poems_section_numbers_over_its_stanzas_are_no_figures_left_as_text():
    """A poem in numbered sections, each number over its stanza: the numbers are no table's figures
    (a stack counts where most of its lines are figures), so nothing is flagged and the sections stand."""
    line = "a line of prose running on to the full width of the printed page, and on it goes, and on again"
    stanza = ["When lamps last in the harbour shone,", "And the great star droop’d in the west,",
              "I mourn’d, and yet shall mourn,", "And thought of him I love.", ""]
    text = "\n".join(["\fI", "Of the Harbour", *[line] * 60, "and it ends here.", "",
                      "\fWhen Lamps Last in the Harbour Shone", *[x for n in range(1, 9) for x in (str(n), *stanza)]])
    tree, state = normalise_text(text, kind="pdf")
    assert "flag.figures-as-text" not in codes(state)
    assert texts(tree, "//db:section/db:title") == [str(n) for n in range(1, 9)]


def test_pdf_a_head_over_narrow_lines_closing_the_text_is_read_without_error():
    """A short head after a blank, narrow lines under it to the very end of the text: the reader of
    columns of sentences looked past the text's last line (an IndexError, a traceback for the user)."""
    text = "\n".join(["The line of development of the economy is far from an uninterrupted and evenly rising curve in",
                      "", "Notes", "paid", "its dues in full, the lamps would burn."])
    tree, _ = normalise_text(text, kind="pdf")
    assert "its dues in full, the lamps would burn." in " ".join(texts(tree, "//db:para"))
