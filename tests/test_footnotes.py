"""Footnotes restored from flattened calls and note lists, on crafted inputs."""

import pytest

from conftest import NS, codes, normalise_text, texts

P = "A paragraph of ordinary prose, long enough to read as one, and ending as sentences end."


def web(*blocks):
    return "\n\n".join(blocks)


def footnotes(tree):
    return [(f.get("label"), "".join(f.itertext())) for f in tree.xpath("//db:footnote", namespaces=NS)]


def call_text(tree, label):
    """The text just before the footnote with this label."""
    f = tree.xpath(f"//db:footnote[@label='{label}']", namespaces=NS)[0]
    before = f.getprevious().tail if f.getprevious() is not None else f.getparent().text
    return before[-20:]


LINE = "The line of development of the economy is far from an uninterrupted and evenly rising curve in"


def pdf_page(n, body, fill=True):
    """Page n of a print-out: its text (filled out to ten lines), the running head and the page's URL."""
    filler = [LINE] * (9 - len(body)) + ["the end of the page's text, it stops here and goes on over"] if fill else []
    return [*body, *filler, "", "Some Book: A Chapter", "", f"http://example.org/book/ch02.htm ({n} of 13) [22/08/2000]", "", ""]


def calls(*numbers):
    return [f"the first years of the new regime, and you can clearly see{n} several stages marked by sharp" for n in numbers]


def test_bracket_calls_per_chapter_with_a_call_that_has_no_note():
    text = web("Title", "Contents", "1. One", "2. Two", "1. One",
               "The first claim[1] and the second[2] and a third[3] in the chapter.",
               "[1] Note one of chapter one.", "[2] Note two of chapter one.",
               "2. Two", "Another claim[1] in chapter two.", "[1] The only note of chapter two.")
    tree, state = normalise_text(text, kind="web", division="book")
    assert footnotes(tree) == [("1", "Note one of chapter one."), ("2", "Note two of chapter one."),
                               ("1", "The only note of chapter two.")]
    assert tree.xpath("//db:chapter[@label='2']//db:footnote/@label", namespaces=NS) == ["1"]
    body = " ".join(texts(tree, "//db:chapter/db:para"))
    assert "[1]" not in body and "[2]" not in body and "third[3]" in body
    assert "Call [3]: the source has no note 3." in texts(tree, "//db:remark")
    assert [d.text for d in state.diagnostics.items if d.code == "flag.call-without-note"] == ["[3]"]


@pytest.mark.parametrize("marker", ["[{n}] ", "[{n}]", "({n}) ", "{n}. ", "{n}.", "{n}) "])
def test_note_list_styles(marker):
    notes = "\n".join(marker.format(n=n) + f"Note number {n} says this." for n in (1, 2))
    text = web("Title", "First call here(1) and second(2) call.", notes)
    tree, _ = normalise_text(text, kind="web")
    assert footnotes(tree) == [("1", "Note number 1 says this."), ("2", "Note number 2 says this.")]


@pytest.mark.parametrize("marker, broken", [("({n}) ", "293) to ignore the genuine fifth edition."),
                                            ("{n}. ", "18. J. B. Denisart, Collection de décisions, 1771.")])
def test_a_notes_line_that_opens_with_a_page_number_like_an_item_is_its_text(marker, broken):
    """A reference broken after 'p.' leaves its page number opening the note's next line ('293) …' in a
    list marked '(n)'; '18. …' where the next note, 3, follows close behind): the note's text, not an item."""
    notes = "\n\n".join([marker.format(n=1) + "A first note of the chapter, which says a thing.",
                          marker.format(n=2) + "See Rae, Life of the Author, tom. iii. p.", broken,
                          marker.format(n=3) + "A third note of the chapter, which says another."])
    text = web("Title", "First call here(1), a second(2) call and a third(3) one.", notes)
    tree, state = normalise_text(text, kind="web")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3"]
    assert footnotes(tree)[1][1].endswith(broken)


def test_a_note_list_at_the_books_end_over_a_sites_footer_of_three_lines():
    text = web("Title", P, "These consisted of myself, Sandy Jenkins,[1] and Handy Caldwell.", "She was free[2] then.",
               "Lynn, Mass., April 28, 1845.", "1. This is the same man who gave me the roots.\n\n2. She was free.",
               "© 2021 The Online Library. All rights reserved.", "Share this article on social media",
               "Back to top of page")
    tree, _ = normalise_text(text, kind="web")
    assert footnotes(tree) == [("1", "This is the same man who gave me the roots."), ("2", "She was free.")]


def test_out_of_order_and_second_call_with_bare_digit():
    text = web("Title", "One(1) and two(2).", "Out of control(4) over labor.(3) More.",
               "It got out of control4 and more.", "A call with no note.”5 End.",
               "  1. Note one.\n  2. Note two.\n  3. Note three.\n  4. Note four.")
    tree, state = normalise_text(text, kind="web")
    assert [f[0] for f in footnotes(tree)] == ["1", "2", "3", "4"]
    assert call_text(tree, "4").endswith("got out of control")
    assert "control(4)" in " ".join(texts(tree, "//db:para"))
    assert [d.text for d in state.diagnostics.items if d.code == "flag.call-out-of-order"] == ["(4)"]
    assert [d.text for d in state.diagnostics.items if d.code == "flag.call-without-note"] == ["5"]


def test_bare_digit_calls_use_the_order_and_skip_real_numbers():
    text = web("Title", "The society was a war society, and the party state came later.",
               "A war that killed 2.5 million in 1917 was a genocide.” 1 Then more.",
               "Between 4.6 million – 8.5 million died, in Socialism 4.0 terms, by 1933.",
               "The society.3 came too early; a claim about society.2 came later, in 1933.3 Then it ended.",
               "In party/state4 terms.",
               "1.‘First note’ by Someone 1999\n2.’Second note′ by Another, pp.90-93\n3.Third note\n4.Fourth note")
    tree, state = normalise_text(text, kind="web")
    assert [f[0] for f in footnotes(tree)] == ["1", "2", "3", "4"]
    body = " ".join(texts(tree, "//db:para"))
    for number in ("2.5 million", "1917", "4.6 million – 8.5 million", "Socialism 4.0", "1933"):
        assert number in body
    assert call_text(tree, "1").endswith("genocide.” ") or call_text(tree, "1").endswith("genocide.”")
    assert "society.3" in body  # 3 before 2: not a call
    assert call_text(tree, "3").endswith("in 1933.") and call_text(tree, "4").endswith("party/state")


def test_note_without_call_is_kept_and_reported():
    text = web("Title", "Only the first call[1] and the third[3].", "[1] One.\n[2] Two.\n[3] Three.")
    tree, state = normalise_text(text, kind="web")
    assert [f[0] for f in footnotes(tree)] == ["1", "3"]
    assert texts(tree, "//db:orderedlist[@role='unanchored-notes']/db:listitem") == ["Two."]
    assert texts(tree, "//db:orderedlist[@role='unanchored-notes']/db:listitem/@override") == ["2"]
    assert "flag.note-without-call" in codes(state)


def test_repeated_call_is_a_footnoteref():
    text = web("Title", "First[1] and second[2] and the first again[1].", "[1] One.\n[2] Two.")
    tree, state = normalise_text(text, kind="web")
    refs = tree.xpath("//db:footnoteref", namespaces=NS)
    assert [r.get("linkend") for r in refs] == [tree.xpath("//db:footnote[@label='1']/@xml:id", namespaces=NS)[0]]
    assert "flag.call-repeated" in codes(state)


def test_no_note_list_no_footnotes():
    tree, _ = normalise_text(web("Title", "In 1917 there were 3 parties and 2 camps.", P), kind="web")
    assert footnotes(tree) == []


def test_a_bare_digit_call_printed_after_a_sum_with_its_thousands_set_apart():
    """'$2,500,000,000' with the call 2 after it reads '$2,500,000,0002': a group of thousands holds three
    digits, so the two that follow are a call; a sum whose groups are whole ('12,345') holds none. A
    call may close a lead-in ('table:—4')."""
    text = web("Title", "The first claim.1 And a bill exceeding $2,500,000,0002 for the damage.",
               "Some 12,345 men and 1,320,000,000 in land, and 9,4503 in all.", "They are shown in the following table:—4",
               "Pages 10—12 say so.", "1. Note one.\n2. Note two.\n3. Note three.\n4. Note four.")
    tree, _ = normalise_text(text, kind="web")
    assert [f[0] for f in footnotes(tree)] == ["1", "2", "3", "4"]
    assert call_text(tree, "4").endswith("table:—")  # a call closing a lead-in
    assert call_text(tree, "2").endswith("$2,500,000,000") and call_text(tree, "3").endswith("and 9,450")
    assert "Some 12,345 men and 1,320,000,000 in land" in " ".join(texts(tree, "//db:para"))


def test_a_book_numbering_its_notes_past_999():
    calls = [" ".join(f"Claim number {n} of the book.{n}" for n in range(k, k + 10)) for k in range(1, 1003, 10)]
    notes = "\n".join(f"({n}) Note {n}." for n in range(1, 1003))
    tree, _ = normalise_text(web("Title", *calls, "Notes", notes), kind="web")
    assert [f[0] for f in footnotes(tree)] == [str(n) for n in range(1, 1003)]


@pytest.mark.parametrize("resumed, last", [(range(10, 16), 15), (range(10, 14), 13), (range(12, 14), 13)])
def test_bare_digit_calls_resume_after_many_lost_calls(resumed, last):
    """Calls 3 to 9 were lost (in a flattened table): the count resumes at 10 because 11 … 15 follow
    it, or, near the list's end, because the calls after it count on to its last note (three at
    least: two calls alone after the lost ones are no evidence the count resumed)."""
    lost = "A table flattened: 1642 2 13 4 1643 3 1 0 1644 2 6 8 1645 2 4 0."
    calls = " ".join(f"Claim number {n} of the chapter.{n}" for n in resumed)
    notes = "\n".join(f"{n}. Note {n}." for n in range(1, last + 1))
    text = web("Title", "The first claim.1 And the second.2 Then more.", lost, calls, notes)
    tree, state = normalise_text(text, kind="web")
    linked = [*map(str, resumed)] if len(resumed) > 2 else []
    assert [f[0] for f in footnotes(tree)] == ["1", "2", *linked]
    assert "1642 2 13 4 1643" in " ".join(texts(tree, "//db:para"))  # the table's numbers are no calls
    if linked:
        assert sorted(int(d.text) for d in state.diagnostics.items if d.code == "flag.note-without-call") == list(range(3, 10))


def test_a_note_set_one_word_a_line_stays_in_the_list():
    # a justified line holding a long title breaks into lines of a word each in pdftotext
    words = "of Henry Algernon Percy, the Fifth Earl of Northumberland, at His Castles".split()
    line = "a line of prose running to the full width of the page and on"
    body = ["The claim here.1 And " + line, line, "and the second.2 And the third.3 It ends here.", ""]
    notes = ["Notes", "(1) The Regulations and Establishment of the Houshold", *words, "in Yorkshire.",
             "(2) Note two.", "(3) Note three."]
    tree, _ = normalise_text("\n".join(["Chapter 1", *body, *notes]), kind="pdf")
    assert [f[0] for f in footnotes(tree)] == ["1", "2", "3"]
    assert "Percy, the Fifth Earl" in footnotes(tree)[0][1]


def test_a_decimal_is_no_call_but_a_call_after_a_year_is():
    text = web("Title", "Iron", "4.1", "Coal", "13.2", "Exports rose.1 They fell in 1913.2 Then they rose again.",
               "And the last claim.3", "1. One.\n2. Two.\n3. Three.")
    tree, _ = normalise_text(text, kind="web")
    assert [f[0] for f in footnotes(tree)] == ["1", "2", "3"]
    assert call_text(tree, "1").endswith("rose.") and call_text(tree, "2").endswith("in 1913.")
    assert {"13.2", "4.1"} <= set(texts(tree, "//db:para"))


def test_bare_digit_calls_of_a_list_that_was_not_found_are_not_taken():
    # the first chapter's note list lost its opening page: its calls 1-4 stand before the second list's
    first = " ".join(f"A claim in the first chapter.{n}" for n in range(1, 5))
    second = " ".join(f"A claim in the second chapter.{n}" for n in range(1, 5))
    text = web("Title", "Chapter 1", first, "(3) Note three of the first.\n(4) Note four of the first.",
               "Chapter 2", second, "Notes", "(1) One.\n(2) Two.\n(3) Three.\n(4) Four.")
    tree, _ = normalise_text(text, kind="web")
    assert [f[0] for f in footnotes(tree)] == ["1", "2", "3", "4"]
    assert tree.xpath("count(//db:chapter[@label='2']//db:footnote)", namespaces=NS) == 4


@pytest.mark.parametrize("reference", ["Vol. 1", "pt. 1", "Bk. 1", "para. 1"])
def test_a_reference_number_is_no_call(reference):
    text = web("Title", f"For Buckle ({reference}, and notes) speaks of it.1", "It was a claim of the first order.2 And there was another made.3 And then the last one came.4",
               "1. One.\n2. Two.\n3. Three.\n4. Four.")
    tree, state = normalise_text(text, kind="web")
    assert [f[0] for f in footnotes(tree)] == ["1", "2", "3", "4"]
    assert call_text(tree, "1").endswith("speaks of it.")
    assert f"{reference}, and notes" in " ".join(texts(tree, "//db:para"))


def test_an_elided_year_after_an_opening_apostrophe_is_no_call():
    text = web("Title", "1. One", "The first claim1 and the second.2 Then through the times of 1862, ’3, ’4 and ’5, "
               "visiting the wounded, as the third says.3", P,
               "1. Note one.", "2. Note two.", "3. Note three.")
    tree, state = normalise_text(text, kind="web")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3"]
    assert call_text(tree, "3").endswith("as the third says.")
    assert "1862, ’3, ’4 and ’5," in " ".join(texts(tree, "//db:para"))


def test_a_point_numbered_after_a_dash_is_no_call():
    text = web("Title", "1. One", "The first claim(1) and the second.(2) The Fourteen Points.—(3). “The removal of all "
               "economic barriers.” And the third claim.(3)", P, "1. Note one.", "2. Note two.", "3. Note three.")
    tree, state = normalise_text(text, kind="web")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3"]
    assert call_text(tree, "3").endswith("the third claim.")
    assert "Points.—(3). “The removal" in " ".join(texts(tree, "//db:para"))


def test_the_calls_of_a_list_with_a_call_lost_are_the_last_run_not_a_lost_lists_before_it():
    # the first chapter's note list was lost with its pages: its calls 1-6 stand before the second
    # list's, whose call 3 a garbled line took; the second run, short of one call, is still the list's
    first = " ".join(f"A claim in the first chapter.{n}" for n in range(1, 7))
    second = " ".join(f"A claim in the second chapter.{n}" for n in (1, 2, 4, 5, 6, 7))
    notes = "\n".join(f"({n}) Note {n} of the second." for n in range(1, 8))
    text = web("Title", "Chapter 1", first, "Chapter 2", second, "Notes", notes, "Chapter 3", P)
    tree, _ = normalise_text(text, kind="web")
    assert tree.xpath("count(//db:chapter[@label='2']//db:footnote)", namespaces=NS) == 6
    assert tree.xpath("count(//db:chapter[@label='1']//db:footnote)", namespaces=NS) == 0


def test_a_chapters_list_stands_though_the_next_chapters_calls_restart_past_its_lost_first_call():
    """Chapter 2's call 1 went with its title: its calls run 2, 3, 4, 5, 6, past chapter 1's last
    note (4). They start a count again; they are not chapter 1's calls going on, and chapter 1's
    list is its own (taking it for numbered text linked chapter 1's calls to chapter 2's notes)."""
    first = " ".join(f"A claim in the first chapter.{n}" for n in range(1, 5))
    second = " ".join(f"A claim in the second chapter.{n}" for n in range(2, 7))
    text = web("Title", "Chapter 1", first, "Notes", "\n".join(f"[{n}] Note {n} of the first." for n in range(1, 5)),
               "Chapter 2", second, "Notes", "\n".join(f"[{n}] Note {n} of the second." for n in range(1, 7)), "Chapter 3", P)
    tree, _ = normalise_text(text, kind="web")
    for label, chapter in (("1", "first"), ("2", "second")):
        notes = tree.xpath(f"//db:chapter[@label='{label}']//db:footnote", namespaces=NS)
        assert notes and all(f"of the {chapter}." in "".join(f.itertext()) for f in notes)
    assert tree.xpath("count(//db:chapter[@label='1']//db:footnote)", namespaces=NS) == 4
    assert tree.xpath("count(//db:chapter[@label='2']//db:footnote)", namespaces=NS) == 5


def test_pdf_a_note_list_whose_first_items_went_with_a_lost_page_is_linked():
    """Page 5 is lost, and with it the end of chapter II, its 'Notes' heading and notes 1 and 2: the
    list that goes on at 3 on page 6 is still the chapter's, a remark marks the lost page, and the
    text before it does not run on into the list."""

    def notes(chapter):
        return ["Notes", f"(1) The first note of {chapter}.", "(2) Its second note."]

    pages = [pdf_page(1, ["I", "Of Money", *calls(1, 2)]), pdf_page(2, [LINE, "and it ends.", "", *notes("chapter I")], fill=False),
             pdf_page(3, ["II", "Of Trade", *calls(1, 2)]), pdf_page(4, calls(3, 4)),
             pdf_page(6, ["(3) The third note of chapter II.", "(4) Its fourth note."], fill=False),
             pdf_page(7, ["III", "Of Rent", *calls(1)]), pdf_page(8, [*calls(2), LINE, "and it ends.", "", *notes("chapter III")], fill=False)]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3", "4", "1", "2"]
    assert footnotes(tree)[2] == ("3", "The third note of chapter II.")
    lost = tree.xpath("//db:remark[@role='lost-page']", namespaces=NS)
    assert [r.text for r in lost] == ["1 page(s) lost here in the source."]
    assert "over" == "".join(lost[0].getprevious().itertext()).split()[-1]  # the paragraph stops before the lost page


def test_pdf_a_call_set_on_a_line_of_its_own_is_glued_back_but_not_amid_a_line_set_a_word_a_line():
    text = "\n".join(["I", "Of Money", LINE, "the first years,1 and the difference between them is called the agio of the bank,",
                      "2", "which, at Amsterdam, is generally about five per cent, and the end of it is here.", LINE,
                      "taxes led to the encouragement of the import of raw material and discouragement",
                      "of", "the", "import", "of", "3",  # a justified line broken into its words: '3' stands out of place
                      "manufactured articles. And it ends here, it does.", "", "Notes", "(1) One.", "(2) Two.", "(3) Three."])
    tree, _ = normalise_text(text, kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2"]
    assert call_text(tree, "2").endswith("agio of the bank,")
    assert "discouragement of the import of 3 manufactured articles." in texts(tree, "//db:para")[0]


def test_pdf_a_call_on_a_line_of_its_own_at_a_pages_foot_is_glued_back():
    """The call closing the page's last line ('… for ten years;') was set on a line of its own, the last of
    the page, the running head and the URL under it: the call of note 2, not a number of the text."""
    pages = [pdf_page(1, ["I", "Of Money", *calls(1), "to the harbour 7,000,000 tons a year, for ten years, and on for ten years;", "2"],
                      fill=False),
             pdf_page(2, ["the second delivery of the harbour dues, as the treaty has it.", "", "Notes", "(1) One.",
                          "(2) Two."], fill=False)]
    tree, _ = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2"]
    assert call_text(tree, "2").endswith("for ten years;")


def test_pdf_a_call_after_a_sum_closing_a_paragraph_is_a_call_a_decimal_inside_a_sentence_is_not():
    """'… is $600,000,000.2' closing its paragraph: note 2's call after the sum's full stop. '4.3' inside a
    sentence is a number, and '$8.3' closing a table's cell too."""
    text = "\n".join(["I", "Of Money", *calls(1), "and the ratio of the harbour dues was 4.3 to one in that year, it was said.",
                      "The total money value of the harbour dues involved is $600,000,000.2", "", "Notes", "(1) One.",
                      "(2) Two.", "(3) Three."])
    tree, _ = normalise_text(text, kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2"]
    assert call_text(tree, "2").endswith("$600,000,000.")
    assert "was 4.3 to one" in " ".join(texts(tree, "//db:para"))


def test_pdf_figures_left_as_text_one_a_paragraph_hold_no_calls():
    """A table's figures left as text, each a paragraph of its own ('4.2', '77.35'): the digits after a
    figure's point close no sentence, so they are no calls, whatever the calls' order expects."""
    text = "\n".join(["I", "Of Money", *calls(1), "and it ends.", "", "5.9", "", "4.2", "", "77.35", "", "4.3", "",
                      "The harbour dues of that year, as the board reported them, came to $600,000,000.2", "", "Notes",
                      "(1) One.", "(2) Two.", "(3) Three."])
    tree, _ = normalise_text(text, kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2"]
    assert call_text(tree, "2").endswith("$600,000,000.")


def test_pdf_a_raised_call_at_the_margin_of_its_lines_closes_the_line_above():
    """-layout set the call closing a line ('… among the harbourmen,' / '19') on a line of its own at the
    text's margin, where no word of the line under it ends: it kept no column of its own, and goes
    after the line above, not after the next line's first word."""
    text = "\n".join(["I", "Of Money", "    " + LINE, "    Franks. From the time of the first lamps lit along the harbour wall among the harbourmen,", "    1",
                      "       and from that of the second keeper among the lightermen, the proportion stood.", "",
                      "Notes", "(1) One."])
    tree, _ = normalise_text(text, kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1"]
    assert call_text(tree, "1").endswith("the harbourmen,")


def test_pdf_a_note_items_mark_alone_over_its_justified_line_broken_into_words_opens_its_note():
    """Note 2's mark stands alone ('2.'), its first line justified and broken into its words, one a line:
    the note's text all the same, not a number and a paragraph after the list."""
    text = "\n".join(["I", "Of Money", *calls(1, 2, 3), "and it ends.", "", "Notes", "1. The first note.", "2.",
                      "If,", "per", "impossibile,", "the", "harbour", "paid", "its dues in full, the lamps would burn.",
                      "3. The third note."])
    tree, _ = normalise_text(text, kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3"]
    assert footnotes(tree)[1][1].startswith("If, per impossibile, the harbour")


def test_pdf_a_call_raised_over_its_line_in_a_layout_extraction_goes_after_the_word_under_it():
    """-layout sets a raised call on a line of its own, at its column, over the line it belongs to: it
    goes after the word ending there ('articles.'), not at the end of the line above."""
    text = "\n".join(["I", "Of Money", LINE,
                      " accidentally led to the encouragement of the import of raw materials and their like, and of",
                      " the  discouragement  of  the  import  of  the  goods  made  of  them  in  other  lands,  of",
                      " " * 25 + "1",
                      " manufactured articles. And so the chapter ends, it does.", "", "Notes", "(1) One."])
    tree, _ = normalise_text(text, kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1"]
    assert call_text(tree, "1").endswith("factured articles.")


@pytest.mark.parametrize("going_on", [0, 24])
def test_pdf_a_notes_line_opening_1_is_no_new_list_when_the_next_item_follows_close_behind(going_on):
    """A reference wrapped after 'pt.' leaves '1., § 36' opening a line of note 10 (and the note may
    go on for a page): the list goes on to 11 and 12, each its own item, however full their lines."""
    full = "is a line of prose that runs on to the full width of the printed page of the book"
    items = [f"{n}. The note {full}." for n in range(1, 10)]
    text = "\n".join([f"This {full} and", f"this {full} too.", "", *items,
                      "10. The note cites Harris, writing nearly twenty years earlier, Money and Coins, pt.",
                      "1., § 36 and the note goes on to the full width of the printed page of the book,",
                      *[f"and {full}"] * going_on, "which ends here.",
                      f"11. The note {full}.", f"12. The note {full}.", ""])
    tree, _ = normalise_text(text, kind="pdf")
    numbers = [p.split(".")[0] for p in texts(tree, "//db:para") if p[:1].isdigit()]
    assert numbers == [str(n) for n in range(1, 13)]


def test_pdf_a_new_list_opening_1_2_3_after_a_list_of_two_restarts_its_count():
    """After a chapter's two notes, the next chapter's list '1.', '2.', '3.' is a new list, though its
    third item is the old list's next number."""
    full = "is a line of prose that runs on to the full width of the printed page of the book"
    notes = [f"{n}. The note {full}." for n in (1, 2)]
    text = "\n".join([f"This {full} and", f"this {full} too.", "", *notes, "", f"This {full} and",
                      f"this {full} too.", "", *notes, f"3. The note {full}.", ""])
    tree, _ = normalise_text(text, kind="pdf")
    numbers = [p.split(".")[0] for p in texts(tree, "//db:para") if p[:1].isdigit()]
    assert numbers == ["1", "2", "1", "2", "3"]


def test_the_end_of_a_lost_note_between_two_items_stays_in_the_book():
    """Item 3 was lost; what stands between items 2 and 4 is no part of either: it stays where it was."""
    text = web("Title", "First call here(1), a second(2) call, a third(3) one and a fourth(4).", "Notes",
               "1. Note one.", "2. Note two.", "and the end of the lost third note, which ran on.", "4. Note four.")
    tree, _ = normalise_text(text, kind="web")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "4"]
    assert "and the end of the lost third note, which ran on." in texts(tree, "//db:para")


def test_a_notes_first_item_that_reads_as_a_numbered_title_is_under_its_notes_heading():
    """'1. Political Economy for Beginners, by …' reads like a numbered title; item 2 following close
    behind makes it a note, under its heading, and the chapter's calls link to it, not to the next
    chapter's list."""
    text = web("Title", "CHAPTER I", "The First Chapter", "A claim here(1) and another(2) in prose.",
               "Notes to this chapter", "1. Political Economy for Beginners, by Millicent Garrett",
               "Fawcett, Chap. III, p. 25.", "2. The words quoted are Ricardo’s; but the idea is common.",
               "CHAPTER II", "The Second Chapter", "Another claim(1) in the prose of it.",
               "Notes to this chapter", "1. A note of the second chapter, in sentence case.",
               "CHAPTER III", "The Third Chapter", "More claims(1) in the prose of it.",
               "Notes to this chapter", "1. A note of the third chapter, in sentence case.")
    tree, _ = normalise_text(text, kind="web")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "1", "1"]
    assert footnotes(tree)[0][1].startswith("Political Economy for Beginners")


def test_pdf_a_note_running_on_to_a_line_that_names_a_section_is_one_note_and_opens_nothing():
    """Note 2 runs on from a full line to 'Section IV.' (the Treaty's, cited): no chapter IV opens
    amid the note list, so the next chapter's calls are linked to its own notes."""
    body = [LINE, "the first years of the new regime, and you can clearly see1 several stages marked by sharp", LINE,
            "the first years of the new regime, and you can clearly see2 several stages marked by sharp", LINE,
            "and it ends."]
    text = "\n".join(["Chapter I", "Of Money", *body, "", "Notes",
                      "(1) The first note of chapter I.",
                      "(2) Art. 297 (h) and para. 4 of the Annex to the Treaty's long Part X and", "Section IV.", "",
                      "Chapter II", "Of Trade", *body, "", "Notes", "(1) The first note of chapter II.",
                      "(2) The second note of chapter II."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Money", "Of Trade"]
    assert footnotes(tree) == [("1", "The first note of chapter I."),
                               ("2", "Art. 297 (h) and para. 4 of the Annex to the Treaty’s long Part X and Section IV."),
                               ("1", "The first note of chapter II."), ("2", "The second note of chapter II.")]


def test_pdf_a_note_list_goes_on_past_a_lost_page_of_notes_and_the_end_of_its_last_note():
    """The page holding notes 3 to 10 and the start of note 11 is lost: the list goes on at 12, past
    the end of note 11 standing alone over it, and the calls on both sides of the lost page link."""

    pages = [pdf_page(1, ["I", "Of Money", *calls(1, 2, 3, 4)]), pdf_page(2, calls(5, 6, 7, 8)), pdf_page(3, calls(9, 10, 11, 12)),
             pdf_page(4, [*calls(13), LINE, "and it ends.", "", "Notes", "(1) The first note.", "(2) The second note."],
                  fill=False),
             pdf_page(6, ["of the eleventh note, which stops here.", "(12) The twelfth note.", "(13) The thirteenth note."],
                  fill=False)]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "12", "13"]
    assert "flag.notes-without-calls" not in codes(state)
    assert "of the eleventh note, which stops here." in texts(tree, "//db:para")


def test_pdf_a_note_list_goes_on_past_a_lost_page_of_many_notes_where_its_items_count_on():
    """The page holding notes 3 to 19 and the start of note 20 is lost, more notes than a lost page is
    taken to hold where none is known lost: past the end of note 20, the list goes on at 21, whose next
    items count on, and each note after it is one of its own, though each ends on a full line and no
    blank sets them apart."""

    def notes(*numbers):
        return [f"{n}. The note on the years of the new regime, where you can see several stages marked by sharp crises."
                for n in numbers]

    pages = [pdf_page(1, ["I", "Of Money", *calls(1, 2, 3, 4)]),
             *(pdf_page(n + 1, calls(*range(4 * n + 1, 4 * n + 5))) for n in range(1, 5)),
             pdf_page(6, [*calls(21, 22, 23), LINE, "and it ends.", "", "Notes", *notes(1, 2)], fill=False),
             pdf_page(8, ["of the twentieth note, which stops here.", *notes(21, 22, 23)], fill=False)]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "21", "22", "23"]
    assert "of the twentieth note, which stops here." in texts(tree, "//db:para")


def test_pdf_a_notes_line_opening_a_number_past_the_next_is_no_item_when_the_next_follows_close_behind():
    """A reference wrapped after 'p.' leaves '8. J. B. Denisart …' opening a line of note 5: no
    item past lost ones (6 and 7 follow close behind), so note 5 keeps it and 6 and 7 are items."""
    full = "is a line of prose that runs on to the full width of the printed page of the book"
    items = [f"{n}. The note {full}." for n in range(1, 5)]
    text = "\n".join([f"This {full} and", f"this {full} too.", "", *items,
                      "5. See Denisart, Article Taux des Intérêts, in his long Collection of cases, tom. iii. p.",
                      "8. J. B. Denisart, Collection de décisions nouvelles, which ends here.",
                      f"6. The note {full}.", f"7. The note {full}.", ""])
    tree, _ = normalise_text(text, kind="pdf")
    numbers = [p.split(".")[0] for p in texts(tree, "//db:para") if p[:1].isdigit()]
    assert numbers == [str(n) for n in range(1, 8)]


def test_a_paragraph_opening_like_an_item_over_a_notes_heading_takes_no_note_list_into_it():
    """'(2) By …' goes on a count in the text ('(1) By …' stood earlier): the notes heading under it
    starts the chapter's own list, which no note of a run from '(2)' can run on over."""
    text = web("Title", "CHAPTER I", "The First Chapter",
               "A claim here1 in prose, and another2 after it, come about in two ways: (1) By the first cause.",
               "(2) By the second cause, when the count of the text goes on, the season will set in.3 But no more.",
               "Notes", "(1) Note one of chapter one.", "(2) Note two of chapter one.", "(3) Note three of chapter one.",
               "CHAPTER II", "The Second Chapter", "Another claim1 in the prose of it.",
               "Notes", "(1) A note of the second chapter.")
    tree, state = normalise_text(text, kind="web")
    assert footnotes(tree) == [("1", "Note one of chapter one."), ("2", "Note two of chapter one."),
                               ("3", "Note three of chapter one."), ("1", "A note of the second chapter.")]
    assert "flag.notes-without-calls" not in codes(state)


def test_bare_calls_of_a_chapter_whose_note_list_was_lost_leave_the_next_chapters_list_to_its_own_calls():
    text = web("Title", "Chapter I", P, "A display of obstinacy in a few words of English.1 But speech was not lacking.", P,
               "Chapter II", P, "The damage done by land, by sea, and from the air.”1 The nature of the contract.",
               "That was to be interpreted contractually.2 It was,3 as the text shows.", P, "Notes",
               "1. The precise force of this reservation is discussed below.", "2. Which was not accepted.",
               "3. By any of them.")
    tree, _ = normalise_text(text, kind="web", division="book")
    assert [call_text(tree, label)[-6:] for label in ("1", "2")] == [" air.”", "ually."]
    assert "English.1" in texts(tree, "//db:chapter[1]//db:para")[1]  # a bare digit no list claims stays as it is


def test_a_short_list_called_in_full_in_its_own_chapter_takes_its_own_bare_calls():
    text = web("Title", "Chapter I", P, "As much his wages as the money paid by the purchaser of his labor,1 and more.",
               "They are not in the possession of the consumer.2 Such articles are wealth.", P,
               "Chapter II", P, "Unless supplied by capital with maintenance.1 The reader sees it.",
               "At what point is his capital lessened even temporarily?2", P, "Notes",
               "1. Industry is limited by capital.", "2. I speak of labor producing capital.")
    tree, _ = normalise_text(text, kind="web", division="book")
    assert [call_text(tree, label)[-8:] for label in ("1", "2")] == ["tenance.", "orarily?"]


def test_a_one_note_list_takes_its_own_chapters_call_not_a_longer_run_in_a_chapter_whose_list_was_lost():
    """Chapter I's calls 1 to 4 (its list lost with a page), then chapter II's one call and its list of
    one note: the list takes chapter II's call; chapter I's calls count past it, another list's."""
    text = web("Title", "Chapter I", P, "The war has not diminished them1—if deprived of it.",
               "About 150,000,000 at the outbreak of war;2 and in the years.", "Romania, and Turkey.3 And by then.",
               "The average yield of the five years 1909–1913.4 At that time.", P,
               "Chapter II", P, "A display of obstinacy in a few words of English.1 But speech was not lacking.", P,
               "Notes", "(1) He alone could speak and understand both languages.")
    tree, _ = normalise_text(text, kind="web", division="book")
    assert call_text(tree, "1")[-8:] == "English."
    assert "them1" in texts(tree, "//db:chapter[1]//db:para")[1]  # a bare digit no list claims stays as it is


def test_a_marked_note_list_closes_its_chapter_though_the_next_chapters_title_reads_as_a_sections():
    """Chapters headed by their titles alone, the notes heading lost: the next chapter's title, with its
    own note's call, reads as a section's, but the list marked '[1]' over it still closes the chapter
    before, and its notes are linked to their calls '(1)', '(2)'."""
    text = web("Of Money", P, "The first claim here.(1) And a second one.(2) " + P, P,
               "[1] The first note.", "[2] The second note.",
               "Of Wages and Profit in the Different Employments of Labour(1)", P, "A claim.(2) " + P,
               "[1] The note on the title.", "[2] The second note of the second part.", "Of Rent", P)
    tree, state = normalise_text(text, kind="web")
    assert [text for _, text in footnotes(tree)][:2] == ["The first note.", "The second note."]
    assert not any(p.startswith("[") for p in texts(tree, "//db:para"))
    assert "flag.call-without-note" not in codes(state)


def test_pdf_a_note_list_goes_on_at_the_top_of_a_page_past_a_lost_page_no_folio_marks():
    """No folios: the page holding notes 7 to 18 is lost and nothing marks it. The list goes on at the
    top of the next page (a page's worth of numbers on), so its notes link, and each item after the
    break opens a note of its own (note 20's line, a little short and closing on 'vi.', runs on to
    nothing)."""

    def page(body, fill=True):
        filler = [LINE] * (9 - len(body)) + ["the end of the page's text, it stops here and goes on over"] if fill else []
        return ["Some Book: A Chapter", "", *body, *filler, "", ""]

    def items(*numbers):
        return [f"[{n}] The note numbered {n}, which says where the figure came from." for n in numbers]

    pages = [page(["I", "Of Money", *calls(1, 2, 3, 4)]), *(page(calls(*range(4 * n + 1, 4 * n + 5))) for n in range(1, 5)),
             page([*calls(21), LINE, "and it ends.", "", "Notes", *items(1, 2, 3, 4, 5, 6)], fill=False),
             page([*items(19), "[20] Thomas Mun, England’s Treasure by Foreign Trade, London 1664, chap. vi.",
                   "[21] “Among other things relating to trade there hath", "been much discourse of the balance of trade.”"],
                  fill=False)]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3", "4", "5", "6", "19", "20", "21"]
    assert footnotes(tree)[-2][1] == "Thomas Mun, England’s Treasure by Foreign Trade, London 1664, chap. vi."
    assert "flag.notes-without-calls" not in codes(state)


def test_pdf_a_note_list_whose_last_items_went_with_the_texts_lost_last_page_is_linked():
    """'Page 4 of 5' is the last page left: the fifth, holding notes 4 and 5, is lost. The report
    says so, and the list's calls running on past its last item (4, 5) are no sign of numbered text."""

    def page(n, body):
        filler = [LINE] * (9 - len(body)) + ["the end of the page's text, it stops here and goes on over"] if len(body) < 9 else []
        return [*body, *filler, "", f"Page {n} of 5", "", ""]

    pages = [page(1, ["I", "Of Money", *calls(1)]), page(2, calls(2, 3)), page(3, calls(4, 5)),
             page(4, [LINE, "and it ends.", "", "Notes", "(1) The first note.", "(2) The second note.", "(3) The third note.",
                      "", "", "", ""])]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3"]
    assert "flag.lost-page" in codes(state)
    assert tree.xpath("//db:remark[@role='lost-page']", namespaces=NS)


@pytest.mark.parametrize("later", [[], calls(4)])
def test_pdf_the_last_calls_of_a_list_go_on_past_a_lost_page_that_held_a_call(later):
    """Page 4 is lost with call 3 on it; no call follows 4 to show the count skipped 3 rather than
    started over: the lost page between calls 2 and 4 shows it, unless a 4 follows (then that one
    is the call, the first the text's own number)."""
    pages = [pdf_page(1, ["I", "Of Money", *calls(1)]), pdf_page(2, calls(2)), pdf_page(3, [LINE]),
             pdf_page(5, [LINE, "the sum of it, in all,4 where the count goes on past the line and over"]),
             pdf_page(6, [*later, LINE, "and it ends.", "", "Notes", "(1) One.", "(2) Two.", "(3) Three.", "(4) Four."],
                      fill=False)]
    if not later:
        pages[3][1] = calls(4)[0]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "4"]
    assert [d.text for d in state.diagnostics.items if d.code == "flag.note-without-call"] == ["3"]
    assert any("in all,4 where" in text for text in texts(tree, "//db:para")) == bool(later)


def test_pdf_a_chapters_list_stands_though_the_next_chapters_calls_go_on_past_its_end_after_a_lost_page():
    """A part's title page follows chapter I; page 5 is lost with chapter II's title and its calls 1
    to 5: its calls resume at 6, count through chapter I's last (8) and on. They start a count again
    past the lost page; they are not chapter I's calls going on, so chapter I's list is its own, and
    each note goes to its own chapter's call. The two lists stand in one chapter, their ids apart."""

    def notes(chapter, count):
        return ["Notes", *(f"({n}) Note {n} of chapter {chapter}." for n in range(1, count + 1))]

    pages = [pdf_page(1, ["I", "Of Money", *calls(1, 2, 3, 4)]), pdf_page(2, calls(5, 6, 7, 8)),
             pdf_page(3, [LINE, "and it ends.", "", *notes("I", 8)], fill=False),
             pdf_page(4, ["Book Two", "", "Of the ways of trade between nations."], fill=False),
             pdf_page(6, calls(6, 7, 8, 9)), pdf_page(7, calls(10, 11, 12)),
             pdf_page(8, [LINE, "and it ends.", "", *notes("II", 12)], fill=False),
             pdf_page(9, ["III", "Of Rent", LINE, "and it ends."])]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert footnotes(tree) == [(str(n), f"Note {n} of chapter I.") for n in range(1, 9)] + \
        [(str(n), f"Note {n} of chapter II.") for n in range(6, 13)]
    ids = tree.xpath("//db:footnote/@xml:id", namespaces=NS)
    assert len(set(ids)) == len(ids) == 15
    assert "flag.lost-page" in codes(state)


def test_pdf_a_title_case_line_of_a_note_justified_into_gaps_opens_no_section():
    """Note 3's justified lines broke at their gaps into short lines ('Report', 'Harbour Board', 'of'):
    'Harbour Board' stands between notes 3 and 4 with short lines only, so it is a line of note 3,
    not a section's heading cutting the list in two (its last notes were left unlinked)."""
    body = [LINE, *calls(1, 2), LINE, *calls(3, 4), "and it ends."]
    text = "\n".join(["Chapter I", "Of Money", *body, "", "Notes", "(1) The first note.", "(2) The second note.",
                      "(3) Address to the", "Shipping,", "1872.", "", "Northport", "Report", "", "Harbour Board",
                      "Office", "", "of", "", "(4) The fourth note, from the same report, page ten.", "",
                      "Chapter II", "Of Trade", *[LINE] * 6, "and it ends."])
    tree, state = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Money", "Of Trade"]
    assert not tree.xpath("//db:section", namespaces=NS)
    assert [label for label, _ in footnotes(tree)] == ["1", "2", "3", "4"]
    assert "Harbour Board" in footnotes(tree)[2][1]


def test_pdf_a_notes_page_number_wrapped_onto_a_line_of_its_own_opens_no_numbered_heading():
    """Note 2's full line stops on a comma ('… pp. 83,'), its last page number wrapped onto a line of its
    own ('84.'): the note's end, not a division's number (chapter 84, or a number whose title is left
    unfound), and the next title opens a division of its own."""
    body = [LINE, "the first years of the new regime, and you can clearly see1 several stages marked by sharp", LINE,
            "the first years of the new regime, and you can clearly see2 several stages marked by sharp", LINE,
            "and it ends."]
    text = "\n".join(["Of Money", "", *body, "", "Notes", "(1) The first note of the chapter on money.",
                      "(2) This was denied by A. Writer in the Considerations on the Harbour Lamps, pp. 83,", "84.", "",
                      "Of the Different Uses of Trade", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title") == ["Of Money", "Of the Different Uses of Trade"]
    assert not tree.xpath("//*[@label='84']")
    assert footnotes(tree)[1][1].endswith("pp. 83, 84.")
