"""Furniture rules, each run alone on a crafted input."""

from collections import Counter

import pytest

from bookbuild.config import FurnitureRules
from bookbuild.diagnostics import Diagnostics
from bookbuild.normalise.pages import _stray_numbers
from bookbuild.normalise.state import State
from bookbuild.read import SourceLine, TextKind
from conftest import NS, apply_rules, codes, kept, make_config, normalise_text, texts

PROSE = ("The line of development of the Soviet economy is far from an uninterrupted and evenly rising curve in\n"
         "the first years of the new regime, and you can clearly distinguish several stages marked by sharp\n")
FULL = "crises. The history of recent decades very clearly shows that, in the conditions of capitalist world"


def page(n: int, *, head: str | None = "Some Book: Chapter 2", url: bool = True, last: str = FULL,
         total: int = 13) -> list[str]:
    """One page of a print-out: text, then (like the seeds) the running head and the URL below it."""
    lines = [PROSE + last, ""]
    if head:
        lines += [head, ""]
    if url:
        lines += [f"http://example.org/book/ch02.htm ({n} of {total}) [22/08/2000 01:00:39]", "", ""]
    return lines


def test_page_urls_and_the_running_head_above_them_go_and_the_paragraph_is_joined():
    text = "\n".join([*page(1), *page(2), *page(3), *page(4), "decline, backward countries are unable to catch up."])
    tree, state = normalise_text(text, kind="pdf")
    paras = texts(tree, "//db:para")
    assert not any("Chapter 2" in p or "http" in p for p in paras)
    assert any("capitalist world the line of development" in p.lower() for p in paras)
    assert any("capitalist world decline, backward countries" in p for p in paras)
    assert codes(state).count("furniture.page-edge") == 8


def test_the_last_text_line_above_a_page_url_is_kept():
    # a text line (not standing alone) is never taken for a running head, whatever its length
    text = "\n".join([*page(1, head=None, last="short last line"), *page(2, head=None, last="another short one"),
                      *page(3, head=None, last="and a third")])
    state = apply_rules(text, ["page-furniture"], kind="pdf")
    assert "short last line" in " ".join(kept(state)) and "and a third" in " ".join(kept(state))
    assert codes(state).count("furniture.page-edge") == 3


def test_a_running_head_wrapped_on_two_lines_set_against_the_text_over_the_url_goes_the_text_stays():
    head = ["Anne Writer — Some Book: The Inquiry Narrowed to the Laws of Distribution—The", "Necessary Relation"]
    lasts = ["so have only made existing facts seem more inexplicable.", "It is as though, while the theory was yet in its",
             "strength, it had been proved simply that the sun and", "stars do not revolve about the earth, and so on"]
    pages = [[PROSE + last, *head, f"http://example.org/book/ch02.htm ({n} of 13) [22/08/2000 01:00:39]", "", "\f"]
             for n, last in enumerate(lasts, start=1)]
    state = apply_rules("\n".join(line for p in pages for line in p), ["page-breaks", "page-furniture"], kind="pdf")
    assert [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"].count(head[0]) == 4
    assert all(last in kept(state) for last in lasts) and not any(line in kept(state) for line in head)


def test_a_wrapped_running_head_set_against_the_text_of_a_full_page_goes_as_it_does_standing_alone():
    """The wrapped head stands alone over the folio on most pages; on a full page it is set right under
    the last text line, a blank between it and the folio: the same two lines by the same mark go too."""
    head = ["Anne Writer — Some Book: The Inquiry Narrowed to the Laws of", "Distribution"]
    lines: list[str] = []
    for n in range(1, 9):
        full = n in (4, 7)
        lines += [*(PROSE * 6).splitlines(), f"{FULL} {n}", *([] if full else [""]), *head, "", f"- {n} -", "", "\f"]
    state = apply_rules("\n".join(lines), ["page-breaks", "page-furniture"], kind="pdf")
    removed = [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]
    assert removed.count(head[0]) == 8 and removed.count(head[1]) == 8
    assert all(f"{FULL} {n}" in kept(state) for n in range(1, 9))


def test_a_line_standing_alone_once_at_a_page_edge_is_kept():
    text = "\n".join([*page(1, head="Some Book: Chapter 2"), *page(2, head="A heading of its own"),
                      *page(3, head="Some Book: Chapter 2"), *page(4, head="Some Book: Chapter 2")])
    state = apply_rules(text, ["page-furniture"], kind="pdf")
    assert "A heading of its own" in kept(state)
    assert "Some Book: Chapter 2" not in kept(state)


def test_folios_that_count_up_and_a_running_head_at_the_top_go():
    pages = []
    for n in range(5, 11):
        pages += ["Author Name — A Book: Its Chapter", "", (PROSE * 10).rstrip("\n"), FULL, "", str(n), ""]
    state = apply_rules("\n".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert not any(line.strip().isdigit() or line.startswith("Author Name") for line in kept(state))
    assert len(state.page_starts) == 6  # each page's first text line (the first page's too, after its head)


def test_form_feeds_are_page_breaks():
    text = "A heading\n\nText on the first page that runs on\fto the second page.\n\fThird page."
    state = apply_rules(text, ["page-breaks"], kind="pdf")
    assert kept(state) == ["A heading", "Text on the first page that runs on to the second page.", "Third page."]
    assert state.page_starts == {4}


def test_control_characters_are_removed_and_reported():
    state = apply_rules("A title\n\nA bell\x07 rang\ufffe here.", ["stray-characters"])
    assert kept(state) == ["A title", "A bell rang here."]
    assert [d.text for d in state.diagnostics.items] == ["U+0007, U+FFFE"]


def test_navigation_lines_are_opt_in():
    text = PROSE + "the end.\n\nBack to CHAPTER 3  —  On to CHAPTER 5\n" + PROSE + "the end."
    assert "Back to CHAPTER 3  —  On to CHAPTER 5" in kept(apply_rules(text, [], kind="pdf"))
    state = apply_rules(text, ["navigation"], kind="pdf")
    assert not any("Back to" in line for line in kept(state))
    assert state.navigation == [(5, "CHAPTER 5")]


def test_repeated_title_block_before_each_chapter_removed():
    block = ["The Site", "Archive", "", " The Author's", "Book Title", "", "What is the book about?", ""]
    chapter = lambda n: [*block, f"Chapter {n}", f"TITLE OF CHAPTER {n}", "", PROSE + "the end.", ""]
    tree, state = normalise_text("\n".join([*chapter(1), *chapter(2), *chapter(3)]), kind="pdf")
    assert texts(tree, "//db:chapter/@label") == ["1", "2", "3"]
    body = " ".join(texts(tree, "//db:chapter"))
    assert "Archive" not in body and "Book Title" not in body and "What is the book about" not in body
    assert codes(state).count("furniture.title-block") == 3 * 5


def test_a_short_line_that_recurs_is_no_title_block():
    # '[...]' recurs in a quotation, and short last lines of paragraphs stand next to it
    quote = [PROSE + "during this time?", "", "[...]", "", PROSE + "international revolution? No!", "", "[...]", ""]
    state = apply_rules("\n".join([*quote, "Chapter 2", "", *quote, "Chapter 3", "", *quote, "Chapter 4"]),
                        ["title-blocks"], kind="pdf")
    assert "furniture.title-block" not in codes(state)


def test_site_tag_is_opt_in_and_named_boilerplate_and_trailer_go():
    text = "\n\n".join(["[Book] A Title", "A first paragraph that says something of substance here.",
                       "Leave a comment", "A second paragraph that says something else entirely.",
                       "Join us", "Sign up to our newsletter today and never miss a post."])
    furniture = FurnitureRules(lines=("Leave a comment",), trailer_from=("Join us",))
    state = apply_rules(text, ["site-tag", "boilerplate"], furniture=furniture)
    lines = kept(state)
    assert lines == ["A Title", "A first paragraph that says something of substance here.",
                     "A second paragraph that says something else entirely."]
    assert codes(state) == ["furniture.site-tag", *["furniture.boilerplate"] * 3]
    assert "[Book] A Title" in kept(apply_rules(text, ["boilerplate"], furniture=furniture))


@pytest.mark.parametrize("ending, flagged", [
    (["Print this page", "Related articles"], ("Print this page", 2)),
    (["Back to top of page", "© 2021 The Site. All rights reserved."], ("Back to top of page", 2)),
    (["© 2021 The Site. All rights reserved."], ("© 2021 The Site. All rights reserved.", 1)),
    (["Lynn, Mass., April 28, 1845."], None),  # a dateline closes the book
    (["The End", "Print this page", "Related articles"], ("Print this page", 2)),
    (["The Last Poem", "And the night is still\nUnder the hill"], None),  # a stanza is one block of lines
    (["Printed in Great Britain"], None),  # one short line alone may be the book's own
])
def test_a_web_dumps_last_short_lines_that_read_as_the_sites_are_flagged_and_kept(ending, flagged):
    text = "\n\n".join(["A Title", "A first paragraph that says something of substance here.", *ending])
    state = apply_rules(text, ["site-trailer"])
    assert kept(state) == ["A Title", "A first paragraph that says something of substance here.",
                           *"\n".join(ending).split("\n")]
    flags = [(d.text, d.count) for d in state.diagnostics.items if d.code == "flag.site-trailer"]
    assert flags == ([flagged] if flagged else [])


def test_a_section_number_over_its_lines_is_kept_among_folios():
    # folios count up at the page foot; a poem's section numbers stand over their first lines
    pages = []
    for n in range(5, 11):
        pages += [(PROSE * 4).rstrip("\n"), FULL, "", str(n - 4), "the lines of the section, set close under its number,",
                  "and going on in lower case.", "", (PROSE * 4).rstrip("\n"), FULL, "", str(n), ""]
    state = apply_rules("\n".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert [line for line in kept(state) if line.strip().isdigit()] == ["1", "2", "3", "4", "5", "6"]
    assert codes(state).count("furniture.page-edge") == 6


@pytest.mark.parametrize("title", ["A Longer Book", "Memoir"])  # a one-word short title is a stem too
def test_a_running_head_seen_on_a_few_pages_only_goes_by_its_stem(title):
    # the book's running head 'Some Book: <chapter>' marks every page; a short chapter's shows twice
    heads = [f"{title}: Chapter 2"] * 4 + [f"{title}: Letter from a Friend"] * 2 + [f"{title}: Chapter 3"] * 4
    pages = [line for n, head in enumerate(heads, start=1)
             for line in [head, "", (PROSE * 10).rstrip("\n"), FULL, "", str(n), ""]]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert not any(line.startswith(f"{title}:") for line in kept(state))
    assert codes(state).count("furniture.page-edge") == 20  # the heads and the folios


def test_a_running_head_on_the_first_line_of_the_text_goes_by_its_stem():
    """The first page's head ('A Longer Book: Preface', seen once) stands over the text's first line,
    with no page's foot above it: it goes by the stem the book's other heads share."""
    heads = ["A Longer Book: Preface"] + ["A Longer Book: Chapter 2"] * 4 + ["A Longer Book: Chapter 3"] * 4
    pages = [line for n, head in enumerate(heads, start=1)
             for line in [head, "", (PROSE * 10).rstrip("\n"), FULL, "", str(n), ""]]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert not any(line.startswith("A Longer Book:") for line in kept(state))


def test_a_chapter_number_where_the_folios_stand_is_kept_and_flagged():
    pages = []
    for n in range(1, 11):
        top = ["II", "", "A Chapter Title"] if n == 9 else [str(n)]  # a chapter's opening page: its number, no folio
        pages += ["Author Name — A Book: Its Chapter", "", *top, "", (PROSE * 10).rstrip("\n"), FULL, ""]
    state = apply_rules("\n".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert "II" in kept(state)
    assert [d.text for d in state.diagnostics.items if d.code == "flag.possible-folio"] == ["II"]
    assert not any(line.strip().isdigit() for line in kept(state))


def test_a_running_head_wrapped_onto_two_lines_goes_a_title_under_a_head_that_reads_the_same_stays():
    head = ["Anne Writer — Some Book: Of the Principle Which Gives Occasion to the Division of", "Labour"]
    pages = [PROSE + FULL, "", "- 1 -", "", ""]
    for n in range(2, 7):
        pages += [*head, "", PROSE + FULL, "", f"- {n} -", "", ""]
    part = ["Sands at Seventy", "", "Sands at Seventy", "(First Annex)", "", PROSE + "the end of it.", "", "- 7 -", "", ""]
    other = [["Sands at Seventy", "", PROSE + FULL, "", f"- {n} -", "", ""] for n in range(8, 11)]
    text = "\n".join([*pages, *part, *[line for p in other for line in p], "decline, backward countries are unable."])
    state = apply_rules(text, ["page-furniture"], kind="pdf")
    removed = [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]
    assert removed.count(head[0]) == 5 and removed.count("Labour") == 5
    lines = kept(state)
    assert lines[lines.index("(First Annex)") - 1] == "Sands at Seventy"  # the part's title, under a head that reads the same


def test_a_chapters_title_wrapped_as_a_running_head_every_other_page_goes_a_letters_heading_and_greeting_stay():
    """A long chapter title as the recto's running head, wrapped onto a second line, with no author or
    book title to tell it is one: the pair recurs together every other page, so it goes. A letter's
    heading and its greeting stand alone together at each letter's start too, but pages apart."""
    head = ["Of Restraints Upon the Importation from Foreign Countries of Goods", "at Home"]
    body = [PROSE + "crises.", ""] * 8  # a page's text: 24 lines
    text: list[str] = []
    letter = lambda n: ["Letter " + "I" * (n // 10), "To Mrs. Saville, England.", ""]
    for n in range(1, 41):
        top = [*head, ""] if n % 2 and n < 10 else letter(n) if n % 10 == 0 else []
        text += [*top, *body, PROSE + FULL, "", f"http://example.org/book/ch04.htm ({n} of 40) [22/08/2000 01:00:39]", "", ""]
    state = apply_rules("\n".join([*text, "decline, backward countries are unable."]), ["page-furniture"], kind="pdf")
    removed = [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]
    assert removed.count(head[0]) == 4 and removed.count("at Home") == 4  # pages 3 to 9; the first opens the text
    assert kept(state).count("To Mrs. Saville, England.") == 4 and "Letter III" in kept(state)


def test_a_tables_figures_among_the_folios_are_strays_not_folios():
    # every line the page edges suggest: folios 1-10 a page (40 lines) apart, and on page 5 a table's
    # figures one a line, many of them, so that they are one another's neighbours
    folios = {40 * n: str(n) for n in range(1, 11)}
    figures = {190 + 3 * k: text for k, text in enumerate(["190", "400", "450", "100", "100", "300", "175"])}
    numbers = {**folios, **figures}
    lines = [SourceLine(i + 1, numbers.get(i, "text")) for i in range(440)]
    state = State(config=make_config(), kind=TextKind.PDF, lines=lines, diagnostics=Diagnostics())
    strays = _stray_numbers(state, sorted(numbers))
    assert sorted(lines[i].text for i in strays) == sorted(figures.values())


def test_a_tables_figure_repeating_a_folio_already_counted_is_a_stray():
    """Folios at the top of pages of 40 lines; page 8 holds a table (110 lines), too long for the count
    to go from 8 to 9, so it counts 5 to 9. A figure '5' in the table stands between those folios but
    repeats one already counted: a stray, no page 5 again (else pages 6-8 would be reported lost)."""
    folios = {40 * n: str(n) for n in range(1, 9)} | {320 + 110 + 40 * (n - 9): str(n) for n in range(9, 13)}
    numbers = {**folios, 360: "5"}
    lines = [SourceLine(i + 1, numbers.get(i, "text")) for i in range(600)]
    state = State(config=make_config(), kind=TextKind.PDF, lines=lines, diagnostics=Diagnostics())
    assert _stray_numbers(state, sorted(numbers)) == {360}


def test_note_items_recurring_at_page_tops_are_kept():
    """A note list runs over pages, each page's foot a URL: four pages open on an item reading the
    same but for its number ('[12] Above, here.'), the next item under it counting on. Items of a
    list, not a running head, however they recur where heads stand: they stay."""
    pages, n = [], 10
    for page_number in range(1, 6):
        items = [f"[{n}] Above, here.", f"[{n + 1}] A note of its own, on the harbour dues of page {page_number}.",
                 f"[{n + 2}] Another note, on the lamps kept along the quay in that year."]
        pages += [line for item in items for line in (item, "")] + [
            f"http://example.org/book/notes.htm ({page_number} of 5) [22/08/2000 01:00:39]", "", ""]
        n += 3
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert [line for line in kept(state) if line.endswith("Above, here.")] == [f"[{k}] Above, here." for k in range(10, 25, 3)]


def test_a_page_the_extraction_lost_is_flagged_where_the_page_numbers_skip_it():
    """Pages 4 and 5 are gone: the URLs go from 3 to 6 with a page of lines between. Page 8 has no
    URL of its own (a chapter's opening): two pages of lines between 7 and 9, nothing lost there."""
    long = PROSE * 6 + FULL  # a page of some lines: its furniture is a small part of it
    pages = [page(n, last=long, total=10) for n in (1, 2, 3, 6, 7)] + [page(8, head=None, url=False, last=long)[:2],
                                                                         page(9, last=long, total=10),
                                                                         page(10, last=long, total=10)]
    text = "\n".join([line for p in pages for line in p] + ["decline, backward countries are unable to catch up."])
    tree, state = normalise_text(text, kind="pdf")
    lost = [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"]
    assert lost == ["2 page(s) between pages 3 and 6 (the page numbers skip them)"]


def unnumbered_facing_pages(chapters: list[str], lost: set[int] = frozenset()) -> str:
    """Pages with no number, each under its head: the book's on versos, the chapter's on rectos (odd
    pages); each chapter opens a page under its title. The pages in `lost` are left out."""
    out = []
    for n, chapter in enumerate(chapters, start=1):
        opening = n == 1 or chapters[n - 2] != chapter
        if n not in lost:
            out += [chapter if n % 2 else "A Book of Days", "", "", *([chapter] if opening else []),
                    (PROSE * 10).rstrip("\n"), FULL + f" {n}.", ""]
    return "\n".join([*out, "decline, backward countries are unable to catch up."])


def test_a_page_lost_where_the_heads_of_facing_pages_stop_taking_turns_is_flagged_and_its_chapter_restored():
    """No page numbers: the heads of facing pages take turns, so that two versos' heads in a row stand
    either side of a recto lost, here the opening page of 'Of the Lamps'. The gap is flagged, and the
    chapter, which the rectos' heads after it name, opens at the top of the page after it."""
    chapters = ["Of the Harbour"] * 6 + ["Of the Lamps"] * 6 + ["Of the Towers"] * 6
    tree, state = normalise_text(unnumbered_facing_pages(chapters, lost={7}), kind="pdf")
    lost = [d for d in state.diagnostics.items if d.code == "flag.lost-page"]
    assert len(lost) == 1 and "stop taking turns" in lost[0].text
    assert texts(tree, "//db:chapter/db:title") == ["Of the Harbour", "Of the Lamps", "Of the Towers"]
    harbour, lamps = (tree.xpath(f"string(//db:chapter[db:title='{title}']/db:para)", namespaces=NS) for title in chapters[5:7])
    assert harbour.rstrip().endswith("world 6.") and lamps.split("world")[1].startswith(" 8.")  # page 8: after the gap
    _, state = normalise_text(unnumbered_facing_pages(chapters), kind="pdf")
    assert "flag.lost-page" not in codes(state)


def test_a_page_count_set_on_one_line_with_the_running_head_goes_and_counts_the_pages():
    """-layout sets a page's margin boxes on one line: 'Some Book      Page 3 of 6' on a recto,
    'Page 2 of 6      Some Book' on a verso. The page count marks the line as furniture by itself,
    however few pages recur, and its numbers show page 4 lost."""
    long = PROSE * 6 + FULL
    book = "Progress of Some Book"

    def footer(n: int) -> str:
        return f"{book}{' ' * 60}Page {n} of 6" if n % 2 else f"Page {n} of 6{' ' * 60}{book}"

    lines = [line for n in (1, 2, 3, 5, 6) for line in (long, "", footer(n), "", "")]
    tree, state = normalise_text("\n".join([*lines, "decline, backward countries are unable to catch up."]), kind="pdf")
    assert not any("Page" in p or book in p for p in texts(tree, "//db:para"))
    assert codes(state).count("furniture.page-edge") == 5
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == \
        ["1 page(s) between pages 3 and 5 (the page numbers skip them)"]


def test_two_page_counts_a_line_set_in_turns_count_the_pages_as_one():
    """-layout sets 'Page 2 of 6' and the browser's footer '(2 of 6)' on one line, the page count first
    on a verso and last on a recto: each count of the line counts, so page 4's loss is reported and the
    book's last page, a verso, is there (the recto's count stopping at 5 of 6 does not lose it)."""
    long = PROSE * 6 + FULL
    url = "http://example.org/book/p01.htm"

    def footer(n: int) -> str:
        stamp = f"{url} ({n} of 6) [22/08/2000 01:01:05]"
        return f"{stamp}{' ' * 8}Page {n} of 6" if n % 2 else f"Page {n} of 6{' ' * 8}{stamp}"

    lines = [line for n in (1, 2, 3, 5, 6) for line in (long, "", footer(n), "", "")]
    tree, state = normalise_text("\n".join([*lines, "decline, backward countries are unable to catch up."]), kind="pdf")
    assert codes(state).count("furniture.page-edge") == 5
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == \
        ["1 page(s) between pages 3 and 5 (the page numbers skip them)"]


def test_a_chapters_number_as_the_running_head_of_its_rectos_goes_a_sections_number_over_its_text_stays():
    """The book's title heads each verso, the chapter's number each recto ('I', 'I', 'II', 'II'):
    numbers outside the folios' count, but the same again a page or two on, set apart from the text
    under them. A poem's section number '2' set right over its lines on two pages stays."""
    pages = []
    for n in range(1, 13):
        head = "A Book" if n % 2 else ("I" if n <= 6 else "II")
        body = ["2", "the lines of the section, set close under its number,"] if n in (5, 9) else []
        pages += [head, "", *body, (PROSE * 10).rstrip("\n"), FULL, "", f"- {n} -", ""]
    state = apply_rules("\n".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert [line for line in kept(state) if len(line.strip()) <= 6] == ["2", "2"]
    assert codes(state).count("furniture.page-edge") == 24


def test_a_chapters_number_as_the_running_foot_of_its_rectos_goes_and_the_chapters_count_holds():
    """The heads at the page's foot, over its URL and folio: the book's title on each verso, the
    chapter's number on each recto ('I', 'I', 'II'), set apart from the text above. They go, and the
    chapters' numbers opening pages ('I', 'II') are the chapters, not the numbers closing pages."""
    pages = []
    for n in range(1, 13):
        foot = "A Book" if n % 2 else ("I" if n <= 6 else "II")
        opening = ["I"] if n == 1 else ["II"] if n == 7 else []
        pages += [*opening, (PROSE * 10).rstrip("\n"), FULL, "", foot, f"http://example.org/book.htm ({n} of 12)", f"{n}", ""]
    tree, state = normalise_text("\n".join(pages), kind="pdf")
    assert codes(state).count("furniture.page-edge") == 36
    assert "flag.possible-folio" not in codes(state)
    assert texts(tree, "//db:chapter/@label") == ["I", "II"]


def test_a_chapters_number_at_the_foot_of_its_rectos_a_blank_line_over_the_folio_goes():
    """The heads at the page's foot, a blank line between them and the outer folio, which stands
    first on a verso and last on a recto: the chapter's name or number on each recto ('Preface', 'I',
    'I', 'II') goes, and the chapters' numbers opening pages are the chapters."""
    names = ["Preface", "I", "II", "III"]
    pages = []
    for n in range(1, 25):
        name = names[(n - 1) // 6]
        foot = [str(n), "", "A Book"] if n % 2 == 0 else [name, "", str(n)]
        opening = [name] if n % 6 == 1 else []
        pages += [*opening, (PROSE * 10).rstrip("\n"), FULL, "", *foot, "", ""]
    tree, state = normalise_text("\n".join(pages), kind="pdf")
    assert codes(state).count("furniture.page-edge") == 48
    assert "flag.possible-folio" not in codes(state)
    assert texts(tree, "//db:chapter/@label") == ["I", "II", "III"]


def test_a_running_foot_every_other_page_goes_though_chapters_opening_a_page_shift_it():
    """The book's title at the foot of each verso, no folios: where a chapter opens a page of its own
    the next verso comes a page or a page and a half on rather than two, and the foot still goes."""
    text_lines = (PROSE * 48).splitlines()
    gaps = [96, 46, 96, 70, 96, 46, 96, 70, 96, 96]  # text lines from one foot to the next
    lines = [line for gap in gaps for line in ("\n".join(text_lines[:gap]), "", "A Book of Tales", "", "")]
    tree, state = normalise_text("\n".join([*lines, FULL]), kind="pdf")
    assert not any("A Book of Tales" in p for p in texts(tree, "//db:para"))
    assert codes(state).count("furniture.page-edge") == len(gaps)


def test_pages_lost_at_the_start_or_end_of_a_part_printed_as_a_document_of_its_own():
    """Each part printed alone, its pages counted 'Page 1 of 3' anew: the third part's count starts
    at 2 (its first page is gone) and the second's stops at 3 of 4 (its last page is gone); the last
    part's stops at 2 of 3, the book's last page gone."""
    long = PROSE * 6 + FULL

    def document(pages: int, kept: list[int]) -> list[str]:
        return [line for n in kept for line in (long, "", f"Page {n} of {pages}", "", "")]

    lines = document(3, [1, 2, 3]) + document(4, [1, 2, 3]) + document(3, [2, 3]) + document(2, [1, 2]) + document(3, [1, 2])
    tree, state = normalise_text("\n".join([*lines, "decline, backward countries are unable to catch up."]), kind="pdf")
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == \
        ["2 page(s) between page 3 of 4 and page 2 of 3 (parts printed alone, their counts stop short or start past 1)",
         "1 page(s) after page 2 of 3, the last (the count stops short of its total)"]
    assert not any("Page" in p for p in texts(tree, "//db:para"))


def test_a_part_whose_folios_start_past_1_where_the_others_start_at_1_lost_its_first_page():
    """Each part printed alone, its folios from 1 anew (no total to count against): the third part's
    folios start at 2, so its first page is lost; the others' start at 1. A part's last page may be
    short, before the part whose first page is lost as before any."""
    long = PROSE * 6 + FULL

    def part(kept: list[int], short_last: bool = False) -> list[str]:
        return [line for n in kept for line in ("the end." if short_last and n == kept[-1] else long, "", "", f"{n}", "", "")]

    for short_last in (False, True):
        text = "\n".join([*part([1, 2, 3]), *part([1, 2, 3, 4], short_last), *part([2, 3, 4]), *part([1, 2]), FULL])
        tree, state = normalise_text(text, kind="pdf")
        assert codes(state).count("furniture.page-edge") == 12
        second_parts_last = text.split("\n").index("4") + 1
        assert [(d.line, d.text) for d in state.diagnostics.items if d.code == "flag.lost-page"] == \
            [(second_parts_last, "1 page(s) before page 2 (its part's page numbers start past 1)")]


def test_a_print_footer_set_beside_the_folio_with_its_stamp_wrapped_goes_and_counts_the_pages():
    """-layout sets the verso's folio and the browser's footer on one line, the footer's stamp wrapped
    under it ('60     http://… (60 of 70) [22/08/2000' / '01:01:05]'); the recto has the folio after the
    footer. Every footer goes, the paragraphs are joined across them, and page 4's loss is reported."""
    long = PROSE * 6 + FULL
    url = "http://example.org/book/p01.htm"

    def footer(n: int) -> list[str]:
        row = f"{n}{' ' * 14}{url} ({n} of 7) [22/08/2000" if n % 2 == 0 else f"{url} ({n} of 7) [22/08/2000{' ' * 3}{n}"
        return ["Some Book: Chapter 2", row, " " * 70 + "01:01:05]", ""]

    lines = [line for n in (1, 2, 3, 5, 6, 7) for line in (long, "", *footer(n))]
    tree, state = normalise_text("\n".join([*lines, "decline, backward countries are unable to catch up."]), kind="pdf")
    assert not any("http" in p or "01:01:05" in p or "Chapter 2" in p for p in texts(tree, "//db:para"))
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == \
        ["1 page(s) between pages 3 and 5 (the page numbers skip them)"]
    assert any("capitalist world the line of development" in p.lower() for p in texts(tree, "//db:para"))


def test_a_tables_figures_counting_1_2_3_where_long_table_pages_break_the_folios_count_are_strays():
    """Folios 1-10 and 14-24 a page (40 lines) apart; pages 11-13 hold a table set a figure a line, 200
    lines each, so their folios stand too far apart to run on as a count. Among them the figures 1, 2, 3,
    4 stand 40 lines apart, as a count would: they are amid the book's count (between 10 and 14), so
    they are strays, and the folios 11-13 are not."""
    folios = {40 * n: str(n) for n in range(1, 11)} | {400 + 200 * k: str(11 + k) for k in range(3)} \
        | {1000 + 40 * k: str(14 + k) for k in range(11)}
    figures = {440 + 40 * k: str(k + 1) for k in range(4)}
    numbers = {**folios, **figures}
    lines = [SourceLine(i + 1, numbers.get(i, "text")) for i in range(1500)]
    state = State(config=make_config(), kind=TextKind.PDF, lines=lines, diagnostics=Diagnostics())
    strays = _stray_numbers(state, sorted(numbers))
    assert sorted(strays) == sorted(figures)


def test_a_tables_figures_counting_up_past_a_parts_last_folio_are_strays_where_running_heads_mark_the_pages():
    """Parts printed alone, each counted from 1, a running head over every page (40 lines). The first
    part's last pages hold a table set a figure a line, 200 lines a page, so its folios 11 and 12 do not
    run on as a count; among them the figures 2, 3, 5, 6 stand a page apart, as a count would, but with
    no running head between them: they are strays. A part of two pages (1, 2, too short to count) starts
    over beside its heads: its folios are no strays, nor is 12, going on from 11, nor the folio of a last
    part of one page, its head at the top and its folio at the foot, the text's end."""
    folios = {40 * n: str(n) for n in range(1, 11)} | {440: "11", 640: "12", 680: "1", 720: "2"} \
        | {760 + 40 * k: str(1 + k) for k in range(5)}
    figures = {470: "2", 510: "3", 590: "5", 630: "6"}
    heads = {i + 2: "A Book — A Part" for i in folios} | {962: "A Book — The Last Part"}
    numbers = {**folios, 998: "1", **figures}
    page_edges = {i + 1: "" for i in folios} | numbers | heads
    lines = [SourceLine(i + 1, page_edges.get(i, "text")) for i in range(999)]  # the last: the folio 1
    state = State(config=make_config(), kind=TextKind.PDF, lines=lines, diagnostics=Diagnostics())
    strays = _stray_numbers(state, sorted([*numbers, *heads]))
    assert sorted(strays) == sorted(figures)


def test_section_numbers_counting_up_a_few_pages_apart_are_no_folios_where_running_heads_tell_the_page():
    """A running head every page (14 lines of text); sections numbered I, II, III, IV one to four pages
    apart. The numbers count up standing alone, as folios do, but far more lines apart than a page: they
    stay, sections' numbers over their titles."""
    body = [f"Line {n} of the text, running on to the full width of the page as the lines of a book do, and on"
            for n in range(400)]
    numerals = {at: ("", numeral, "", f"Section Title {numeral}") for at, numeral in zip((30, 75, 100, 160), ["I", "II", "III", "IV"])}
    lines: list[str] = []
    for n, line in enumerate(body):
        if n % 14 == 0:
            lines += ["", "The Book: A Running Head", ""]
        lines += [*numerals.get(n, ()), line]
    tree, state = normalise_text("\n".join(lines), kind="pdf")
    removed = [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]
    assert removed.count("The Book: A Running Head") >= 20
    assert not {"I", "II", "III", "IV"} & set(removed)


def test_sections_numbered_a_page_apart_amid_the_text_are_no_folios_where_urls_mark_the_pages():
    """'I', 'II', 'III', 'IV' standing alone a page apart count up as folios do; the page URLs (with
    the folio on their line) show where the pages end, and the numerals stand far from there."""
    pages = []
    for n in range(1, 7):
        section = ["", ["I", "II", "III", "IV", "V", "VI"][n - 1], "", "Its Title"] if n > 1 else []
        pages += [(PROSE * 3).rstrip("\n"), FULL + ".", *section, (PROSE * 4).rstrip("\n"), FULL, "",
                  f"http://example.org/book/ch02.htm ({n} of 6) [22/08/2000 01:00:39]          {n}", "", ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert [line.strip() for line in kept(state) if line.strip() in ("II", "III", "IV", "V", "VI")] == ["II", "III", "IV", "V", "VI"]
    assert codes(state).count("furniture.page-edge") == 6


def test_a_sections_roman_number_beside_the_folio_at_a_page_top_is_kept_and_flagged():
    """A page has one folio: under '5' and the running head, a section's 'V' (the count is in digits)
    is text; a page-top 'V' with no folio beside it still counts with the folios."""
    pages = []
    for n in range(1, 9):
        section = ["", "", "V", "", "Of the Inequalities of Wages"] if n == 5 else []
        pages += [f"\f{n}", "", "A Book Title", "", *section, (PROSE * 8).rstrip("\n"), FULL, ""]
    state = apply_rules("\n".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert "V" in [line.strip() for line in kept(state)]
    assert [d.text for d in state.diagnostics.items if d.code == "flag.possible-folio"] == ["V"]
    assert not any(line.strip().isdigit() or line.strip() == "A Book Title" for line in kept(state))


def test_folios_of_short_documents_go_though_a_tables_figures_one_a_line_outnumber_them():
    """Each chapter printed as its own document, two pages long: its folios '1', '2' make no count,
    but the shape stands at the foot of every page, before the form feed. A table read column by
    column sets far more numbers one a line amid the text; they are no reason to keep the folios."""
    column = ["1202", "1205", "1223", "1237", "1243", "1244", "1246", "1247", "1257", "1258"] * 4
    pages = []
    for document, length in enumerate([2, 9, 4, 12, 3, 8, 5, 11]):  # pages of all lengths: no regular interval
        for n in (1, 2):
            table = ["", *column, ""] if document == 3 and n == 1 else []
            pages += ["\f" + (PROSE * length).rstrip("\n"), FULL, *table, (PROSE * 4).rstrip("\n"), FULL, "", str(n), ""]
    pages += ["\f" + (PROSE * 3).rstrip("\n"), FULL]  # a last page, with no folio
    state = apply_rules("\n".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert not [line for line in kept(state) if line.strip() in ("1", "2")]
    assert [line.strip() for line in kept(state) if line.strip().isdigit()] == column


def test_layout_folios_beside_running_heads_that_name_each_chapter_go_and_count_the_pages():
    """-layout sets the folio and the running head on one line, sides swapped verso and recto, the
    head naming the chapter: 'Narrative: Preface   -1-'. Heads that stand on two or three pages
    only recur by their folios, which count the pages and show page 8 lost."""
    heads = ["Preface"] * 3 + ["Letter from a Friend"] * 2 + ["Chapter 1"] * 6 + ["Chapter 2"] * 3
    pages = []
    for n, head in enumerate(heads, start=1):
        if n == 8:
            continue  # the page the extraction lost
        folio = f"-{n}-" if n < 10 else f"- {n} -"
        margin = f"{folio}{' ' * 60}Narrative: {head}" if n % 2 == 0 else f"Narrative: {head}{' ' * 60}{folio}"
        pages += [(PROSE * 4).rstrip("\n"), FULL, "", "", margin, ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert not [line for line in kept(state) if "Narrative:" in line]
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == [
        "1 page(s) between pages 7 and 9 (the page numbers skip them)"]


def test_sections_numbered_a_page_apart_near_the_page_foot_count_no_folio_with_the_urls_beside_folios():
    """-layout sets the folio beside the page's URL; a section's numeral stands a dozen lines over it,
    one less than the folio: numerals and folios together count up a page apart, but the URL lines
    mark their pages already, and the numerals are no folios."""
    numerals = ["I", "II", "III", "IV"]
    pages = []
    for n in range(1, 10):
        section = ["", numerals[n - 2], "", "Its Title"] if 2 <= n <= 5 else []
        pages += [(PROSE * 8).rstrip("\n"), FULL + ".", *section, (PROSE * 5).rstrip("\n"), FULL, "",
                  f"http://example.org/book/ch02.htm ({n} of 9) [22/08/2000 01:00:39]          {n}", "", ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert [line.strip() for line in kept(state) if line.strip() in numerals] == numerals


def test_a_sections_roman_one_that_would_open_the_folios_count_amid_the_text_is_kept():
    """-layout sets each page's folio in digits on a line of its own between the URL and its wrapped
    stamp; on page 2, a section's 'I' stands alone amid the text: it recurs with the folios as a
    number alone, but it is in other numerals than theirs and far from any page edge."""
    pages = []
    for n in range(1, 10):
        section = ["", "I", "", "Its Title"] if n == 2 else []
        pages += [(PROSE * 3).rstrip("\n"), FULL + ".", *section, (PROSE * 8).rstrip("\n"), FULL, "",
                  f"http://example.org/book/ch02.htm ({n} of 9) [22/08/2000", f"{' ' * 60}{n}", "01:01:05]", "", ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert "I" in [line.strip() for line in kept(state)]
    assert codes(state).count("furniture.page-edge") == 27  # the URL, the folio and the stamp of each page


def test_a_letters_heading_and_greeting_opening_a_page_every_two_pages_stay():
    """Short letters, each opening a page two or three pages after the last: 'Letter II' and its
    greeting recur together by shape every page or two, as a running head wrapped would, but no
    pair recurs word for word."""
    body = [PROSE + "crises.", ""] * 8
    text: list[str] = []
    for n in range(1, 13):
        top = [f"Letter {'I' * ((n + 1) // 2)}", "To Mrs. Saville, England.", ""] if n % 2 else []
        text += [*top, *body, PROSE + FULL, "", f"http://example.org/book/ch04.htm ({n} of 12) [22/08/2000 01:00:39]", "", ""]
    state = apply_rules("\n".join([*text, "decline, backward countries are unable."]), ["page-furniture"], kind="pdf")
    assert kept(state).count("To Mrs. Saville, England.") == 6 and "Letter III" in kept(state)


def facing_pages(chapters: list[tuple[str, str, int]], *, extra: dict[int, list[str]] | None = None, at: int = 0) -> str:
    """A print-out whose pages only running heads mark (no folio, URL or page break): the book's title
    heads each verso, the chapter's running title each recto; each chapter (heading, its running title,
    pages) opens a recto page, a blank verso after it where it ends on a recto. `extra`: lines set
    in a page's text, by page number, after its first `at` lines."""
    body = iter(f"Line {n} of the text, running on to the full width of the page as the lines of a book do, and on"
                for n in range(10_000))
    lines: list[str] = []
    page = 0
    for heading, running, count in chapters:
        if page % 2:
            lines += ["", "A Book of Essays", "", ""]  # the blank verso ending the chapter before
            page += 1
        for n in range(count):
            page += 1
            lines += ["", *(["A Book of Essays"] if page % 2 == 0 else running.split("\n")), ""]
            lines += [heading] if n == 0 else []
            lines += [next(body) for _ in range(at)]
            lines += (extra or {}).get(page, [])
            lines += [next(body) for _ in range(24 - at)]
    return "\n".join(lines)


def test_facing_pages_heads_go_where_only_running_heads_mark_the_pages():
    """Each recto's head (its chapter's title, shortened or whole) stands halfway between two of the
    versos' heads, and over the chapter's heading on its opening page: they go, and each chapter opens a
    page. A chapter of two pages has no head halfway, only the one over its heading."""
    text = facing_pages([("I. The First Essay", "The First Essay", 6), ("II. Of Rivers and Lakes", "Of Rivers", 6),
                         ("III. The Last", "The Last", 2),
                         ("IV. A Long Title", "Of the Rivers and the Lakes and the Seas Which Feed\nthe Springs", 5)])
    tree, state = normalise_text(text, kind="pdf")
    removed = Counter(d.text for d in state.diagnostics.items if d.code == "furniture.page-edge")
    assert removed == {"A Book of Essays": 9, "The First Essay": 3, "Of Rivers": 3, "The Last": 1,
                       "Of the Rivers and the Lakes and the Seas Which Feed": 2, "the Springs": 2}
    assert texts(tree, "//db:chapter/db:title") == ["The First Essay", "Of Rivers and Lakes", "The Last", "A Long Title"]


def test_a_facing_pages_head_of_a_chapters_label_and_number_in_other_numerals_goes_over_its_heading():
    """A part's recto head names it by its label and number ('Book II'), its heading spells the number
    out ('Book Two'): the head over the heading on its opening page goes, the heading stays."""
    text = facing_pages([("I. The First Essay", "The First Essay", 6), ("Book Two", "Book II", 2),
                         ("III. The Last Essay", "The Last Essay", 6)])
    tree, state = normalise_text(text, kind="pdf")
    removed = Counter(d.text for d in state.diagnostics.items if d.code == "furniture.page-edge")
    assert removed == {"A Book of Essays": 7, "The First Essay": 3, "Book II": 1, "The Last Essay": 3}
    assert "Book Two" in " ".join(texts(tree, "//db:title"))


def test_a_title_at_a_facing_pages_top_that_repeats_no_heading_stays():
    """Under a recto's head: a section's title that stands alone ('A Short Section'), a poem's title
    over its number and a first line that reads the same in other case ('With Rivers' / '1' / 'With
    rivers, …'): text."""
    extra = {3: ["", "A Short Section", ""], 5: ["", "With Rivers", "", "1", "With rivers, and the lakes that feed them,"]}
    text = facing_pages([("I. The First Essay", "The First Essay", 8)], extra=extra)
    tree, state = normalise_text(text, kind="pdf")
    removed = Counter(d.text for d in state.diagnostics.items if d.code == "furniture.page-edge")
    assert removed == {"A Book of Essays": 4, "The First Essay": 4}
    words = " ".join(texts(tree, "//db:chapter"))
    assert "A Short Section" in words and "With Rivers" in words and "With rivers," in words


def test_section_numbers_a_page_apart_are_no_folios_where_running_heads_every_other_page_tell_the_page():
    """Sections numbered I to IV on four pages running, where the book's title heads each verso and
    nothing else marks the pages: four numbers a page apart, as folios would stand, on a book of
    sixty pages; folios would number most of them. The numbers stay."""
    extra = {p: ["", numeral, ""] for p, numeral in zip((4, 5, 6, 7), ["I", "II", "III", "IV"])}
    text = facing_pages([("I. The First Essay", "The First Essay", 60)], extra=extra, at=12)
    tree, state = normalise_text(text, kind="pdf")
    removed = {d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"}
    assert removed == {"A Book of Essays", "The First Essay"}


def test_a_chapters_title_over_its_opening_under_a_page_url_goes_where_it_repeats_the_heading():
    """A chapter of one page: its running head ('Introductory') stands once, right over its heading
    ('I' / 'Introductory'), under the page's URL. It repeats the heading under it: it goes, and the
    chapter opens the page."""
    text = "\n".join([*page(1), *page(2), "Introductory", "", "I", "Introductory", *page(3), *page(4),
                      "decline, backward countries are unable to catch up."])
    tree, state = normalise_text(text, kind="pdf")
    removed = [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]
    assert removed.count("Introductory") == 1
    assert "Introductory" in texts(tree, "//db:title")


def test_numbered_headings_opening_pages_right_under_the_page_foot_stay_with_the_line_under_them():
    """Each letter opens a page, its heading and address right under the page before's foot (the
    folio and the book's title set on one line, as -layout sets them): 'Letter #' and the address
    recur at that place, as a running head would, but a letter's number changes from each to the
    next and they stand pages apart; the address under the heading is no page edge's line."""
    body = [f"Line {n} of the letter, running on to the full width of the page as the lines of a book do, and on"
            for n in range(24)]
    numerals = ["I", "II", "III", "IV", "V"]
    pages: list[str] = []
    for n in range(1, 16):
        top = [f"Letter {numerals[n // 3]}", "To the Editor, London.", ""] if n % 3 == 1 else []
        pages.append("\n".join([*top, *body, "", f"A Book of Letters                                        {n}"]))
    tree, state = normalise_text("\n\f".join(pages), kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == [f"Letter {n}" for n in numerals]
    assert " ".join(texts(tree, "//db:para")).count("To the Editor, London.") == 5
    assert codes(state).count("furniture.page-edge") == 15


def test_a_web_dumps_flagged_trailer_lines_are_text_not_headings():
    """A site's trailer after the book's last paragraph ('Sign up for our newsletter' over 'Share this
    article on social media' reads as a title over text): flagged, kept as text, no heading."""
    paragraph = "A paragraph of the last chapter that says something of substance, as a book's text does."
    text = "\n\n".join(["A Title", "Chapter 1", paragraph, paragraph, "Chapter 2", paragraph,
                        "Sign up for our newsletter", "Share this article on social media",
                        "© 2021 The Online Library. All rights reserved."])
    tree, state = normalise_text(text)
    assert texts(tree, "//db:chapter/db:title") == ["Chapter 1", "Chapter 2"] and not tree.xpath("//db:section", namespaces=NS)
    assert "Share this article on social media" in texts(tree, "//db:para")
    assert [d.text for d in state.diagnostics.items if d.code == "flag.site-trailer"] == ["Sign up for our newsletter"]


def test_a_running_head_wrapped_on_two_lines_on_every_page_of_a_long_chapter_goes_where_nothing_else_marks_the_pages():
    """Only the running head marks the pages (no folio, URL or page break); a long chapter's title
    wraps it onto two lines on each of that chapter's pages. The wrapped head recurs word for word a
    page apart, as the one-line heads do: it goes, and the text runs on over each page edge."""
    body = iter(f"Line {n} of the text, running on to the full width of the page as the lines of a book do, and on"
                for n in range(10_000))
    short = ["Anne Writer — Some Book: Of Money"]
    wrapped = ["Anne Writer — Some Book: Of Wages and Profit in the Different Employments of", "Labour and Stock"]
    lines: list[str] = []
    for n in range(12):
        lines += [*(short if n < 5 else wrapped), "", "", "", *[next(body) for _ in range(30)], ""]
    state = apply_rules("\n".join([*lines, "The end of the chapter."]), ["page-furniture"], kind="pdf")
    removed = [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]
    assert removed.count(short[0]) == 5
    assert removed.count(wrapped[0]) == 7 and removed.count(wrapped[1]) == 7
    assert kept(state)[:2] == ["Line 0 of the text, running on to the full width of the page as the lines of a book do, and on",
                               "Line 1 of the text, running on to the full width of the page as the lines of a book do, and on"]
    assert len(state.page_starts) >= 11


def test_a_sections_roman_one_between_folios_in_digits_of_parts_counting_from_one_is_kept():
    """Each part printed alone counts its pages from 1, folios in digits at the page foot. A section's
    'I' set on a part's page 1 or 2 has the value of a folio near it (between folio 1 and folio 2, or
    past the last part's last folio, right before the next part's 1), but it is in other numerals than
    any count of folios: it stays, flagged; the folios go."""
    pages = []
    for part in range(2):
        for n in range(1, 10):
            section = {(0, 2): ["I", "", "Of the First Matter"], (0, 8): ["II", "", "Of the Second Matter"],
                       (1, 1): ["I", "", "Of the Third Matter"]}.get((part, n), [])
            pages += ["A Book Title", "", "", (PROSE * 4).rstrip("\n"), FULL + ".", "", *section,
                      (PROSE * 4).rstrip("\n"), FULL, "", f"{' ' * 60}{n}", "", ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert [line.strip() for line in kept(state)].count("I") == 2 and "II" in [line.strip() for line in kept(state)]
    assert not any(line.strip().isdigit() or line.strip() == "A Book Title" for line in kept(state))


@pytest.mark.parametrize("foot", [True, False])
@pytest.mark.parametrize("title", [["The Afterword"], ["The Afterword, Retold"], ["IV", "The Afterword of the Long", "Journey Home"]])
def test_a_short_chapters_head_repeating_its_title_goes_and_the_title_stays(foot, title):
    """Heads stand at the page's foot (or top), the book's on versos and the chapter's on rectos: the
    last chapter, a page or two long, has its head once, a page from the title that opened it (or
    from its number over its title, wrapped, whose first words the head gives, or those before a comma)."""
    pages = []
    for n in range(1, 10):
        opening = n == (9 if foot else 8)
        body = [*title, (PROSE * 2).rstrip("\n")] if opening else [(PROSE * 4).rstrip("\n")]
        head = "A Book of Days" if n % 2 == 0 else "The Afterword" if n == 9 else "Of the Long Way"
        marks = [f"http://example.org/book.htm ({n} of 9)", "", f"- {n} -", "", ""]
        pages += [*body, FULL, "", head, *marks] if foot else [head, "", *body, FULL, "", *marks]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert all(kept(state).count(line) == 1 for line in title) and kept(state).count("The Afterword") == title.count("The Afterword")
    assert "The Afterword" in [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]


def test_a_chapters_first_head_set_right_under_the_text_goes_as_its_like():
    """The chapter's head stands at each page's foot, right over the page's URL, apart from the text
    above it; on its first page, full to its foot, it is set right under the text: it does not stand
    alone as the others do, and it goes as the heads of its words standing by the URL the same way."""
    text = ["II", "Of the Long Way", (PROSE * 4).rstrip("\n"), FULL, "Of the Long Way", "http://example.org/book.htm (1 of 9)", ""]
    for n in range(2, 10):
        text += [(PROSE * 4).rstrip("\n"), "", "Of the Long Way", f"http://example.org/book.htm ({n} of 9)", "", ""]
    state = apply_rules("\n".join(text), ["page-furniture"], kind="pdf")
    assert kept(state).count("Of the Long Way") == 1
    assert [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"].count("Of the Long Way") == 9


def test_a_chapters_number_as_its_head_once_goes_where_it_falls_in_the_heads_count():
    """The rectos' feet have their chapter's number over the page's URL and folio, the versos' the
    book's title; chapter III is two pages long, so its 'III' shows once: it falls between the 'II'
    and 'IV' heads, and goes too."""
    chapters = ["I"] * 4 + ["II"] * 4 + ["III"] * 2 + ["IV"] * 4
    text = []
    for n, numeral in enumerate(chapters, start=1):
        head = numeral if n % 2 else "A Book of Days"
        text += [(PROSE * 4).rstrip("\n"), FULL, "", head, f"http://example.org/book.htm ({n} of 14)", "", str(n), "", ""]
    state = apply_rules("\n".join(text), ["page-furniture"], kind="pdf")
    assert not [line for line in kept(state) if line in chapters]
    assert not [d for d in state.diagnostics.items if d.code == "flag.possible-folio"]


def test_a_one_page_prefaces_head_with_its_folio_in_a_margin_box_goes():
    """-layout sets each page's foot on one line, the running head ('A Book of Days: Chapter 2') and the
    folio wide apart; the one-page preface has its head once ('A Book of Days: The Preface … 1'), under
    the title it names, with text between: it goes with its folio, and the title stays."""
    pages = ["The Preface", (PROSE * 4).rstrip("\n"), FULL, "", f"A Book of Days: The Preface{' ' * 40}1", "", ""]
    for n in range(1, 9):
        opening = ["I", "The Harbour"] if n == 1 else ["II", "The Lamps"] if n == 5 else []
        pages += [*opening, (PROSE * 4).rstrip("\n"), FULL, "", f"A Book of Days: Chapter {(n + 3) // 4}{' ' * 40}{n}", "", ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert kept(state).count("The Preface") == 1 and not [line for line in kept(state) if line.startswith("A Book of Days")]


def test_a_short_chapters_heads_go_with_the_others_of_their_stem_where_nothing_else_marks_the_pages():
    """Each page's foot has only its running head ('Anne Writer — A Book of Days: <chapter>'): no folio,
    URL or page break. A long chapter's heads recur page by page; the short chapter's three do not on
    their own, but with the other heads of their stem they do: they go as well."""
    chapters = ["Of the Harbour"] * 6 + ["Of the Lamps Which Light the Long Way Home"] * 3 + ["Of the Towers"] * 6
    pages = []
    for chapter in chapters:
        pages += [(PROSE * 4).rstrip("\n"), FULL, "", f"Anne Writer — A Book of Days: {chapter}", "", ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert not [line for line in kept(state) if line.startswith("Anne Writer")]
    assert kept(state).count(FULL) == len(chapters)


def test_a_short_poems_head_on_its_third_page_goes_where_form_feeds_mark_the_pages():
    """Form feeds part the pages; each page opens on its head, the book's on versos and the poem's on
    rectos. The short poem's head shows once past its opening page (where it stands over the title it
    repeats): at the top of its third page, set where the other heads are, it repeats the title
    that opened a page before it, and goes too."""
    poems = ["Of the Harbour"] * 7 + ["Songs of the Lamp"] * 3 + ["Of the Towers"] * 7
    pages = []
    for n, poem in enumerate(poems, start=1):
        opening = n == 1 or poems[n - 2] != poem
        head = poem if n % 2 else "A Book of Days"
        pages.append("\n".join([head, "", *([poem] if opening else []), (PROSE * 4).rstrip("\n"), FULL, ""]))
    state = apply_rules("\f".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert kept(state).count("Songs of the Lamp") == 1  # its title
    assert "A Book of Days" not in kept(state)


def test_recto_heads_repeating_a_short_chapters_title_or_number_go_where_versos_set_their_marks_otherwise():
    """Form feeds part the pages; versos open on the book's head and close on the folio over the URL,
    rectos open on the chapter's head and close on the URL over the folio. The preface opens the text
    under its first head; its head on page 3 repeats its title, and chapter I's head on page 7, a
    numeral, repeats the number opening page 6: both go, on the side of the marks the versos' heads
    stand by, though no other head stands by a URL so. The titles stay."""
    chapters = ["Preface"] * 3 + ["Of the Harbour"] * 2 + ["I"] * 3 + ["II"] * 5
    pages = []
    for n, chapter in enumerate(chapters, start=1):
        opening = n == 1 or chapters[n - 2] != chapter
        url = f"http://example.org/book.htm ({n} of {len(chapters)})"
        head, foot = (chapter, [url, "", str(n)]) if n % 2 else ("A Book of Days", [str(n), "", url])
        pages.append("\n".join([head, "", *([chapter] if opening else []), (PROSE * 12).rstrip("\n"), FULL, "", *foot, ""]))
    state = apply_rules("\f".join(pages), ["page-breaks", "page-furniture"], kind="pdf")
    assert [line for line in kept(state) if line in chapters] == ["Preface", "Of the Harbour", "I", "II"]


def test_a_chapters_title_right_under_its_recto_head_that_reads_the_same_stays():
    """-layout: each page closes on its URL and page count, rectos open on the chapter's head at one
    column, versos on the book's; a chapter opening on a recto sets its title, centred at another
    column, right under its head, which reads the same, its first section's number and title under
    it. The head is furniture wherever it recurs; the title under it stays, the chapter's heading."""
    chapters = ["Of the Harbour"] * 6 + ["Reparation"] * 12 + ["Of the Towers"] * 6
    pages = []
    for n, chapter in enumerate(chapters, start=1):
        opening = n == 1 or chapters[n - 2] != chapter
        head = " " * 42 + (chapter if n % 2 else "A Book of Days")
        title = [" " * 34 + chapter, " I", "", " Undertakings Given Prior to the Harbour", " Negotiations"] if opening else []
        pages += [head, "", "", "", "", *title, (PROSE * 14).rstrip("\n"), FULL, "", "", "",
                  " " * 17 + f"http://example.org/book.htm ({n} of {len(chapters)}) [22/08/2000",
                  f"Page {n} of {len(chapters)}", " " * 79 + "01:01:05]"]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert [line.strip() for line in kept(state) if line.strip() in chapters] == ["Of the Harbour", "Reparation", "Of the Towers"]


def test_a_short_chapters_second_recto_head_goes_as_the_first_it_repeats():
    """Heads stand over each page's URL, the book's on versos and the chapter's on rectos. The short
    chapter's title opens page 8; its heads stand on pages 9 and 11: the first repeats the title a
    page above it and goes; the second, too far from the title, repeats that head, set by the URL as
    it is, and goes too."""
    chapters = ["Of the Harbour"] * 7 + ["Of the Lamps"] * 4 + ["Of the Towers"] * 8
    pages = []
    for n, chapter in enumerate(chapters, start=1):
        opening = n == 1 or chapters[n - 2] != chapter
        head = chapter if n % 2 else "A Book of Days"
        pages += [*([chapter] if opening else []), (PROSE * 28).rstrip("\n"), FULL, "", head,
                  f"http://example.org/book.htm ({n} of {len(chapters)})", "", ""]
    state = apply_rules("\n".join(pages), ["page-furniture"], kind="pdf")
    assert [line for line in kept(state) if line.startswith("Of the")] == ["Of the Harbour", "Of the Lamps", "Of the Towers"]


def verso_recto(chapters: list[tuple[list[str], str, int]], lost: int | None = None) -> str:
    """A print-out whose versos are headed by the book's title and rectos by their chapter's (or the
    head given), folios at the pages' feet: chapters as (opening lines, recto head, pages). Each page
    but a chapter's first opens in the middle of a sentence. Page `lost` is left out."""
    out, n = [], 0
    for opening, head, count in chapters:
        for page in range(count):
            n += 1
            body = [*opening, (PROSE * 3).rstrip("\n"), FULL] if page == 0 else \
                ["went on and on, and the page runs on into the text below it, full of words.", (PROSE * 3).rstrip("\n"), FULL]
            if n != lost:
                out += ["Test Book" if n % 2 == 0 else head, "", *body, "", f"- {n} -", "", ""]
    return "\n".join(out)


CHAPTERS = [(["CHAPTER I", "The Old Harbour"], "The Old Harbour", 5), (["CHAPTER II", "The Ships"], "The Ships", 4)]


def test_a_short_chapters_recto_head_repeating_the_title_under_its_label_goes():
    """A chapter of two pages ('CHAPTER III' over its title on a verso): its one recto's head repeats
    the title under the label opening the page before. It goes; the title stays."""
    text = verso_recto([*CHAPTERS, (["CHAPTER III", "The Law of Tides"], "The Law of Tides", 2),
                        (["CHAPTER IV", "The Lighthouse"], "The Lighthouse", 4)])
    state = apply_rules(text, ["page-furniture"], kind="pdf")
    assert kept(state).count("The Law of Tides") == 1
    assert "The Law of Tides" in [d.text for d in state.diagnostics.items if d.code == "furniture.page-edge"]


def test_a_recto_head_giving_the_first_words_of_the_title_under_it_goes():
    """A chapter opening on a recto whose head gives the first words of its title, under its label
    and wrapped ('The Tides' over 'CHAPTER III' / 'The Tides of the Northern Sea Set Out and' /
    'Explained'): the head goes, the title stays; a title's first word alone is no evidence."""
    wrapped = ["CHAPTER III", "The Tides of the Northern Sea Set Out and", "Explained"]
    text = verso_recto([(["CHAPTER I", "The Old Harbour"], "The Old Harbour", 4), (["CHAPTER II", "The Ships"], "The Ships", 4),
                        (wrapped, "The Tides", 3), (["CHAPTER IV", "Effect of the Wind"], "Effect", 3)])
    state = apply_rules(text, ["page-furniture"], kind="pdf")
    lines = kept(state)
    assert "The Tides" not in lines and lines[lines.index("CHAPTER III") + 1] == wrapped[1]
    assert "Effect" in lines


def test_a_recto_head_cutting_a_sentence_where_the_chapters_opening_page_is_lost_goes():
    """The opening page of a chapter is lost: its recto heads, twice, are all that name it. The first
    cuts a sentence as the second does: both go, and the title comes back where the page was lost."""
    text = verso_recto([*CHAPTERS, (["CHAPTER III", "The Law of Tides"], "The Law of Tides", 5),
                        (["CHAPTER IV", "The Lighthouse"], "The Lighthouse", 4)], lost=10)
    state = apply_rules(text, ["page-furniture"], kind="pdf")
    assert "The Law of Tides" not in kept(state)
    assert list(state.lost_titles.values()) == ["The Law of Tides"]
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == ["1 page(s) between pages 9 and 11 (the page numbers skip them)"]


def test_a_page_lost_before_a_page_of_a_tables_figures_set_apart_is_flagged():
    """Folios 1 to 10 at the pages' feet, page 7 lost. Page 8 holds a table whose figures pdftotext set
    a line each, blank lines between: near twice as many lines as a page of text, but no more filled
    ones. The gap is a page lost, not a page with no folio of its own."""
    def page(n: int) -> list[str]:
        if n == 8:
            return [*(PROSE * 4).rstrip("\n").split("\n"), *[line for k in range(16) for line in (f"{k + 1}.{k}5", "")],
                    "", str(n), "", ""]
        return [*(PROSE * 10).rstrip("\n").split("\n"), FULL, "", str(n), "", ""]
    state = apply_rules("\n".join(line for n in range(1, 11) if n != 7 for line in page(n)), ["page-furniture"], kind="pdf")
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == \
        ["1 page(s) between pages 6 and 8 (the page numbers skip them)"]


def test_a_page_lost_where_folios_head_the_pages_is_reported_after_the_page_before_it():
    """Form feeds part the pages; each opens on its folio and closes on its running head and URL. Page 4
    is lost: the gap stands after page 3's foot, not at page 3's top, so the paragraph running from
    page 2 onto page 3 is joined, and the one cut by the lost page is not."""
    def page(n: int) -> list[str]:
        return [f"\f{n}", "", *(PROSE * 10).rstrip("\n").split("\n"), FULL, "", "Some Book: Chapter 2",
                f"http://example.org/book/ch02.htm ({n} of 8) [22/08/2000 01:00:39]", ""]
    text = "\n".join(line for n in range(1, 9) if n != 4 for line in page(n))[1:]
    tree, state = normalise_text(text, kind="pdf")
    lost = [d for d in state.diagnostics.items if d.code == "flag.lost-page"]
    assert [d.text for d in lost] == ["1 page(s) between pages 3 and 5 (the page numbers skip them)"]
    assert lost[0].line == text.split("\n").index("\f5") - 1  # (1-based) the URL closing page 3
    paras = texts(tree, "//db:para")
    assert len(paras) == 2 and paras[1].startswith("The line of development")  # the text resumes after the gap


def test_a_short_chapters_wrapped_running_head_goes_against_the_text_or_standing_alone():
    """Heads 'Author — Book: <chapter>' at the pages' feet with the page count, each chapter printed
    alone. A two-page chapter's title is too long for one line of the head, which wraps: its two
    heads, seen twice only, go, set right against the text over the page count or standing alone
    under it, and the next chapter's title is not taken into the text."""
    prose = (PROSE * 8).rstrip("\n").split("\n")

    def chapter(title: str, pages: int, head: list[str], against: bool = False) -> list[str]:
        out = [title]
        for n in range(1, pages + 1):
            foot = [*([] if against else [""]), *head, "", f"Page {n} of {pages}", "", ""] if n < pages \
                else ["", f"Page {n} of {pages}", "", *head, "", ""]
            out += [*prose, FULL + ".", *foot]
        return out

    title = "The Correlation and Coordination of the Laws of the Harbour Lights Along the Coasts"
    long_head = [f"Anne Writer — Some Book: {title[:-7]}", "Coasts"]  # as long as a full line of the text
    text = "\n".join([*chapter("I. The Harbour", 4, ["Anne Writer — Some Book: The Harbour"]),
                      *chapter(f"II. {title}", 2, long_head, True),
                      *chapter("III. The Lamps", 4, ["Anne Writer — Some Book: The Lamps"]), "The end of it."])
    tree, state = normalise_text(text, kind="pdf")
    assert not any("Anne Writer" in p or p.startswith("Coasts") for p in texts(tree, "//db:para"))
    assert texts(tree, "//db:chapter/db:title") == ["The Harbour", title, "The Lamps"]


def test_a_running_head_wrapped_onto_a_line_in_lower_case_over_the_page_count_goes():
    """A chapter's title as the running head at the pages' feet, wrapped onto a second line that opens
    in lower case ('… of Europe After' / 'the Fall'), over the page count: it goes on every page, as
    its like do, and the text's own last lines stay."""
    head = ["Of the Discouragement of Agriculture in the Ancient State of Europe After", "the Fall"]
    pages = []
    for n in range(1, 9):
        pages += [(PROSE * 10).rstrip("\n"), FULL, "", "", *head, f"Page {n} of 8".rjust(90), ""]
    state = apply_rules("\n".join([*pages, "decline, backward countries are unable."]), ["page-furniture"], kind="pdf")
    assert not any(line.strip() in head for line in kept(state))
    assert kept(state).count(FULL) == 8
