from conftest import codes, normalise_text, texts

LONG = "This is a line of prose that runs on to the full width of the printed page of the book in"


def test_web_lost_lines_are_counted_and_reported():
    text = "First paragraph of the text, long enough.\n\n\n\nSecond paragraph after two lost lines."
    tree, state = normalise_text(text, kind="web")
    assert texts(tree, "//db:remark[@role='lost-line']") == ["2 line(s) lost here in the source."]
    lost = [d for d in state.diagnostics.items if d.code == "flag.lost-line"]
    assert lost[0].count == 2 and lost[0].line == 4


def test_pdf_hard_wraps_unwrapped_and_paragraphs_kept_apart():
    text = "\n".join([LONG, LONG, "short last line.", "", LONG, "end of the second one."])
    tree, _ = normalise_text(text, kind="pdf")
    paras = texts(tree, "//db:para")
    assert len(paras) == 2
    assert paras[0] == f"{LONG} {LONG} short last line."


def test_pdf_paragraph_cut_by_stray_blank_is_joined():
    text = "\n".join([LONG, LONG, "", "continued here in lower case.", "", LONG, "The next one."])
    tree, state = normalise_text(text, kind="pdf")
    paras = texts(tree, "//db:para")
    assert paras[0].endswith("book in continued here in lower case.")
    assert len(paras) == 2
    assert "restore.page-join" in codes(state)


def test_pdf_a_page_break_with_no_furniture_after_a_full_line_stopping_on_a_comma_is_joined():
    # no running head, no folio: pdftotext's page break is two blank lines; one blank line is a paragraph's end
    comma = "This is a line of prose that runs on to the full width of the page, and brings back my father,"
    for blanks, joined in ((2, True), (1, False)):
        text = "\n".join([LONG, comma, *[""] * blanks, "Elizabeth, and all those scenes of home so dear to me.", "",
                          LONG, "The next one."])
        tree, _ = normalise_text(text, kind="pdf")
        assert (len(texts(tree, "//db:para")) == 2) is joined


def test_pdf_a_paragraph_closing_a_sentence_then_its_call_on_a_line_of_its_own_is_not_run_on():
    """'… of the book in order.' / '26': the call set on a line of its own after the sentence it closes;
    the section number and title after a blank line open a section, they do not carry on the paragraph."""
    text = "\n".join(["Chapter I", "Of the Things", "", LONG, f"{LONG} order.", "26", "", "II",
                      "Of the Restraints Upon Other", "Principles", LONG, "the end of it.", "",
                      "Notes", "", "26 The note of the first paragraph, which says where it comes from.", ""])
    tree, state = normalise_text(text, kind="pdf")
    assert "Of the Restraints Upon Other Principles" in texts(tree, "//db:section/db:title")
    assert not any(p.endswith("II") for p in texts(tree, "//db:para"))
    assert "restore.page-join" not in codes(state)


def test_pdf_a_call_alone_on_its_line_before_a_sentence_is_glued_where_the_count_of_calls_needs_it():
    """'… as I shall show hereafter.' / '239' / 'It is otherwise …': the call raised off the full line
    it closes, the paragraph going on with a new sentence. Calls 238 and 240 stand glued to their words
    around it, and no other 239: it is the call, and the paragraph runs on. Section numbers alone on
    their lines ('2' between '1' and '3') and a number the count has elsewhere stay as they are."""
    def text(lone: str, before: str, after: str) -> str:
        return "\n".join(["Chapter I", "Of the Things", "", LONG, f"{LONG} end of it.{before}", "A short last line.", "",
                          LONG, f"{LONG} hereafter.", lone, f"It is otherwise in {LONG}", "short last line.", "",
                          LONG, f"{LONG} end.{after}", "A short last line.", "",
                          "Notes", "", *[f"{n} The note numbered {n}, which says where it comes from." for n in (1, 2, 3)]])
    tree, _ = normalise_text(text("2", "1", "3"), kind="pdf")
    assert any(p.startswith(LONG) and "hereafter.2 It is otherwise" in p for p in texts(tree, "//db:para"))
    tree, _ = normalise_text(text("2", "1", "2"), kind="pdf")  # another call 2 after it: this one is no call
    assert not any("hereafter.2 It is otherwise" in p for p in texts(tree, "//db:para"))
    poem = ["Chapter I", "Of the Things", "", "1", LONG, f"{LONG} hereafter.", "2", f"It is otherwise in {LONG}",
            f"{LONG} hereafter.", "3", f"It is otherwise in {LONG}", "short last line."]
    tree, _ = normalise_text("\n".join(poem), kind="pdf")
    assert not any("hereafter.2" in p or "hereafter.3" in p for p in texts(tree, "//db:para"))


def test_end_of_line_hyphen_removed_but_real_compound_kept():
    text = "\n".join([
        LONG + " eco-", "nomic growth of the country was for some years very high indeed, and the co-",
        "operative farms grew as well. The co-operative movement was strong, as every observer of the anti\u2010",
        "Negro laws of Alsace-", "Lorraine saw. The end."])
    tree, state = normalise_text(text, kind="pdf")
    para = texts(tree, "//db:para")[0]
    assert "economic growth" in para
    assert "the co-operative farms" in para
    assert "the anti-Negro laws of Alsace-Lorraine saw" in para  # a capital after the hyphen: a compound
    assert [d.text for d in state.diagnostics.items if d.code == "restore.hyphen"] == ["eco-nomic → economic"]


def test_spaces_cleaned():
    tree, _ = normalise_text("A line\u00a0with  stray\u00a0\u00a0spaces in it.", kind="web")
    assert texts(tree, "//db:para") == ["A line with stray spaces in it."]


def test_pdf_a_justified_line_broken_into_its_words_stays_in_its_paragraph():
    """pdftotext reads a justified line's wide spaces as columns and sets its words one a line: no
    word of it ends a paragraph, and the first line of a chapter does not run on into its title."""
    body = [LONG, LONG, "and it ends here."]
    text = "\n".join(["IV", "How the Commerce of the Towns", "Contributed to the Improvement of", "the Country",
                      "The", "increase", "and", "riches", "of", "commercial", "and", LONG, *body, "",
                      LONG, "understand.", "I", "am", "practically", "industrious—", "painstaking;", LONG,
                      "and it ends here.", "",
                      "Cotton", "Wool", "Copper", "Timber", "", LONG, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["How the Commerce of the Towns Contributed to the Improvement of the Country"]
    paras = texts(tree, "//db:para")
    assert paras[0].startswith("The increase and riches of commercial and This is a line")
    assert paras[1] == f"{LONG} understand. I am practically industrious— painstaking; {LONG} and it ends here."
    assert paras[2:6] == ["Cotton", "Wool", "Copper", "Timber"]  # words in capitals one a line: no broken line


def test_pdf_a_justified_line_broken_into_its_words_and_a_figure_stays_in_its_paragraph():
    """A figure among the words of a broken justified line ('May,' / '1919),' / 'quotes') is one of
    them; figures one a line with no words around them are a column's."""
    text = "\n".join([LONG, "Economic and Statistical Survey of the Southern Slav Nations of the book (Journal of the Royal",
                      "Statistical", "Society,", "May,",
                      "1919),", "quotes", "some", LONG, "and it ends here.", "",
                      LONG, "and it ends here.", "", "Wheat", "1,000", "2,000", "3,000", "", LONG, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    paras = texts(tree, "//db:para")
    assert "Royal Statistical Society, May, 1919), quotes some This is a line" in paras[0]
    assert not any(p.startswith("1919)") or p.startswith("quotes") for p in paras)
    assert not any("Wheat" in p and "1,000" in p for p in paras)


def test_pdf_a_title_whose_first_line_runs_the_full_width_right_over_its_text_is_set_apart_from_it():
    """'Different Effects of the Progress of Improvement' runs the full width in strict Title Case: no
    title alone would; with its second line it is one title over its text."""
    line = "a line of prose running on to the full width of a page"
    body = ["Before the lamps were lit, the prose ran on to the full", line, line, "and it ends here."]
    text = "\n".join([*body, "", "Different Effects of the Progress of Lamps", "Upon Three Different Sorts of Old Harbours", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title | //db:chapter/db:title") == [
        "Different Effects of the Progress of Lamps Upon Three Different Sorts of Old Harbours"]
    assert not any(p.startswith("Different Effects") for p in texts(tree, "//db:para"))


def test_pdf_a_title_under_its_number_right_over_its_text_is_set_apart_from_it():
    """'II' alone, then a title the full width of the line with its text right under it: the title is
    no paragraph's first line."""
    line = "a line of prose running on to the full width of a page"
    body = ["Before the lamps were lit, the prose ran on to the full", line, line, "and it ends here."]
    text = "\n".join([*body, "", "II", "", "Inequalities Occasioned by Lamps of Europe", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert not any(p.startswith("Inequalities") and len(p) > 42 for p in texts(tree, "//db:para"))


def test_pdf_a_short_title_line_takes_the_short_lines_it_wraps_onto():
    """A title under a numeral wraps onto two short lines, the first too long to end a paragraph on
    its own: they are the title's, not a paragraph under it."""
    line = "provisions from foreign countries secures to the graziers"
    body = ["By restraining, either by high duties, or by absolute", *[line] * 8, "industry employed in producing them.", ""]
    text = "\n".join(["I", "Of the Principle of the Commercial", "or Mercantile System", *body,
                      "II", "Of Restraints Upon the Importation", "from Foreign Countries of Such Goods",
                      "as Can Be Produced at Home", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == [
        "Of the Principle of the Commercial or Mercantile System",
        "Of Restraints Upon the Importation from Foreign Countries of Such Goods as Can Be Produced at Home"]


def test_pdf_a_title_wrapped_onto_two_lines_right_over_its_text_is_set_apart_from_it():
    # no blank line between a title and its text; the title's first line stops on 'the' (or on a comma), so it
    # is no title alone, and its second line is not short enough to end a paragraph
    line = "a line of prose running on to the full width of a page"
    body = ["Before the lamps were lit, the prose ran on to the full", line, line, "and it ends here."]
    text = "\n".join([*body, "", "Variations in the Proportion Between the", "Respective Lamps of Towers and Ships",
                      *body, "", "Digression Concerning Lamps of Harbours,", "Particularly Concerning That of Ostend",
                      *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title | //db:chapter/db:title") == [
        "Variations in the Proportion Between the Respective Lamps of Towers and Ships",
        "Digression Concerning Lamps of Harbours, Particularly Concerning That of Ostend"]
    assert all(p.startswith("Before the lamps") for p in texts(tree, "//db:para"))


def test_pdf_a_numbered_title_wrapped_over_four_lines_right_over_its_text_is_set_apart_from_it():
    """On a narrow page a long title wraps over four lines, its third and fourth too long to end a
    paragraph: the title is whole, and its text opens on its own first line."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here.", ""]
    text = "\n".join(["I. Of Lamps", *body,
                      "II. Of Lamps Considered as a", "Particular Branch of the Common", "Stock of the Harbour, or of the Expense",
                      "of Maintaining the Northern Coastline", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == [
        "Of Lamps", "Of Lamps Considered as a Particular Branch of the Common Stock of the Harbour, or of the Expense "
                    "of Maintaining the Northern Coastline"]
    assert all(p.startswith("It has been shown") for p in texts(tree, "//db:para"))


def test_pdf_a_title_under_its_number_wrapped_over_four_lines_as_long_as_the_texts_is_set_apart_from_it():
    """A section's title set in the text's own size under its number, wrapped over four lines each as
    long as a line of the text, every word that counts capitalised: the title is whole, its text
    opens on its own first line."""
    line = "the light of the lamps along the coast, shining on and on it"
    body = ["It has been shown that the light of the lamps upon the sea", *[line] * 6, "and it ends here.", ""]
    title = ["Of the Variations in the Proportion Between the", "Respective Lights of That Sort of Lamp Which",
             "Always Burns Oil, and of That Which Sometimes", "Burns and Sometimes Does Not Burn Oil"]
    text = "\n".join(["Chapter I", "Of Lamps", *body, "I", "Of the First Lamps", *body, "II", *title, *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title") == ["Of the First Lamps", " ".join(title)]
    assert all(p.startswith("It has been shown") for p in texts(tree, "//db:para"))


def test_pdf_a_chapter_named_in_lower_case_where_a_sentence_runs_on_is_no_heading():
    line = "the light of the lamps along the coast, shining on"
    text = "\n".join(["I. Of Lamps", "It has been shown that the light of the lamps upon", *[line] * 4,
                      "the coast, as the harbour's master foretold in", "chapter i.",
                      "And the lamps along the coast shone out over the", *[line] * 4, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Lamps"]
    assert any(p.endswith("foretold in chapter i.") for p in texts(tree, "//db:para"))


def test_pdf_a_line_alone_in_title_case_is_no_paragraph_running_on_past_blank_lines():
    """A running head as long as a short text line, alone over blank lines at a page's top, then the
    chapter's title wrapped over two lines: the head does not run on into the title (it stopped on
    no sentence's end), and a paragraph of full lines cut by blank lines still does."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here."]
    text = "\n".join([*body, "", "", "The Correlation and Coordination of These Lamps", "", "", "", "",
                      "The Correlation and Coordination of", "These Lamps", *body, "",
                      "But the lamps were lit, and the light of the lamps shone", line, line, "", "", "",
                      "The keepers trimmed the lamps along the coast, and on and on", line, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    found = texts(tree, "//db:para | //db:title")
    assert not any("Lamps The Correlation" in p for p in found)
    assert any(p.startswith("But the lamps") and "The keepers trimmed" in p for p in found)


def test_pdf_a_chapters_heading_under_a_paragraph_cut_short_opens_the_chapter():
    """The text breaks off on a full line ('… a bureaucracy has'), and the next chapter's heading, or a
    section's number, stands right under it: they open their division (only a note's line runs on)."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here."]
    text = "\n".join(["Chapter 1", "Of Lamps", *body, *[line] * 3, "Chapter 2", "Of Towers", *body,
                      *[line] * 2, "3.", "Of Ships", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Lamps", "Of Towers"]
    assert "Of Ships" in texts(tree, "//db:section/db:title")


def test_pdf_a_line_alone_in_title_case_at_a_page_top_after_a_paragraph_cut_short_is_no_part_of_it():
    """A note's last line runs the full width and stops on no sentence's end; over the page, a part's
    title stands alone: it opens the part. Where the text runs on past such a line in lower case
    ('smal-' / 'The Lamps' / 'ler'), the line is a running head, and the paragraph goes on."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here."]
    text = "\n".join([*body, "", *[line] * 3, "the light of the lamps along the coast, by the Cobden", "",
                      "\fThe Remedy", "", "", "", *body, "", *[line] * 3, "the light of the lamps along the coast, as smal-",
                      "", "\fThe Lamps", "", "", "ler lamps along the coast, shining on and on", line, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    found = texts(tree, "//db:para | //db:title")
    assert not any("Cobden The Remedy" in p for p in found) and "The Remedy" in found
    assert any("as smaller lamps" in p or "as smal-The Lamps ler" in p for p in found)
    assert "The Lamps" not in found


def test_pdf_a_title_at_a_page_top_set_right_over_its_epigraph_is_no_part_of_the_paragraph_before_it():
    """A note's last line runs the full width and stops on no sentence's end; over the page, a part's
    title stands over its epigraph with no blank line between: a title over its text all the same, and
    no part of the note."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here."]
    text = "\n".join([*body, "", *[line] * 3, "the light of the lamps along the coast, by the Cobden", "",
                      "\fThe Remedy", "A new and fair division of the goods of this world should be", "the aim.",
                      "", *body])
    tree, _ = normalise_text(text, kind="pdf")
    found = texts(tree, "//db:para | //db:title")
    assert not any("Cobden The Remedy" in p for p in found)
    assert "The Remedy" in found


def test_pdf_a_numbered_title_wrapped_on_a_comma_at_a_page_top_is_no_part_of_the_paragraph_before_it():
    """A paragraph closes its sentence on a full line at a page's foot; over the page a chapter's
    numbered title wraps after a comma ('III. Harbours Not Built from Stone,' / 'but Dredged from the
    Sand'): the chapter's title, not the paragraph going on."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here."]
    chapter = [*[line] * 5, "the light of the lamps along the coast, shining on and on."]
    text = "\n".join(["I. Of the Lamps", *body, "", "II. Of the Towers", *body, "", *chapter, "",
                      "\fIII. Harbours Not Built from Stone,", "but Dredged from the Sand", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:title[not(parent::db:info)]") == [
        "Of the Lamps", "Of the Towers", "Harbours Not Built from Stone, but Dredged from the Sand"]
    assert not any("Stone" in p for p in texts(tree, "//db:para"))


def test_pdf_a_title_over_a_story_opening_on_what_is_said_is_a_title():
    """A story's title set right over its first line, which opens on a quotation mark ('“To the man
    …'): a title over its text, not a line of the paragraph that ended the page before."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here.”"]
    text = "\n".join([*body, "", "\fThe Adventure of the Northern Lamps",
                      "“To the man who keeps the lamps,” remarked the keeper, tossing the paper aside,",
                      *[line] * 6, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert "The Adventure of the Northern Lamps" in texts(tree, "//db:title")
    assert not any("The Adventure" in p for p in texts(tree, "//db:para"))


def test_pdf_a_line_opening_on_an_item_in_brackets_that_names_the_next_one_runs_on_in_its_paragraph():
    """'(2) …' after a closed sentence opens a list's item, unless '(3)' stands on its line too: the
    items run on in the sentence."""
    text = "\n".join(["We run over the chief items again, each in its turn and in the order of their size:",
                      "(1) Iron goods. In view of the loss of the ore fields, an increased export seems quite",
                      "impossible and a large decrease of the trade in all its branches is very probable.",
                      "(2) Machinery. Some increase is possible. (3) Coal and coke. Its value before the war",
                      "was large, and the sum now agreed upon is the most that could be asked of the mines.",
                      "", LONG, "The next one."])
    tree, _ = normalise_text(text, kind="pdf")
    paras = texts(tree, "//db:para")
    assert any(p.startswith("(1) Iron goods.") and "probable. (2) Machinery." in p for p in paras), paras


def test_pdf_an_item_in_brackets_whose_next_mark_runs_on_a_line_below_stays_in_its_paragraph():
    """'… the points:' / '(1) that the details …' / '… hostilities; (2) that …': the next mark stands
    inside a line under it, so the items run on in the sentence, and the paragraph is one. Items each
    opening their line are a list."""
    text = "\n".join(["On the fourth the harbour board made a further communication to make clear the points:",
                      "(1) that the details of the lamps would have to be left to the keepers of the lights and",
                      "must provide absolutely against the closing of its gates; (2) that the dues must cease if",
                      "these talks were to go on; and (3) that it required further guarantees of the keepers.",
                      "", "(1) The first note, on the keepers of the lights along the harbour wall.",
                      "(2) The second note, on the dues."])
    tree, _ = normalise_text(text, kind="pdf")
    paras = texts(tree, "//db:para")
    assert paras[0].startswith("On the fourth") and "clear the points: (1) that the details" in paras[0], paras
