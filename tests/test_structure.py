"""Structure recognition on small crafted web dumps and PDF extractions."""

import pytest

from bookbuild.config import RuleSwitches
from bookbuild.normalise.headings import is_title_case, number_value
from conftest import NS, apply_rules, codes, make_config, normalise_text, texts

P = "A paragraph of ordinary prose, long enough to read as one, and ending as sentences end."


def web(*blocks: str) -> str:
    return "\n\n".join(blocks)


def test_contents_list_finds_chapters_and_restores_a_lost_heading():
    text = web("[Book] The Title", "A blurb paragraph that describes the book at some length, as blurbs do.",
               "Table of Contents", "Preface", "Introduction (by A. Person)", "1. First Things", "2. Second Things",
               "Preface", P, "A section in the preface", P + "\n", "by A. Person", P,
               "1. First Things", P, "2. Second Things", P)
    tree, state = normalise_text(text, kind="web", division="book",
                                 rules=RuleSwitches(enable=("site-tag", "restore-headings-from-bylines")))
    assert texts(tree, "/db:book/*[not(self::db:info)]/db:title") == ["Preface", "Introduction", "First Things", "Second Things"]
    assert texts(tree, "//db:chapter/@label") == ["1", "2"]
    assert tree.xpath("//db:preface[2]/db:title/@revisionflag", namespaces={"db": tree.nsmap[None]}) == ["added"]
    assert texts(tree, "//db:info/db:abstract/db:para") == [
        "A blurb paragraph that describes the book at some length, as blurbs do."]
    assert "Table of Contents" not in " ".join(tree.itertext())
    assert "restore.heading" in codes(state)


def test_contents_entry_missing_from_text_is_reported():
    text = web("The Title", "Contents", "1. One", "2. Two", "1. One", P)
    _, state = normalise_text(text, kind="web")
    assert [d.text for d in state.diagnostics.items if d.code == "flag.contents-missing"] == ["2. Two"]


def test_no_false_headings():
    text = web("The Title", "1. A Chapter", "A real heading", P, "London 7th January 2017", "by Alan Woods",
               "He continued:", "A quoted passage that stands on its own line without a full stop",
               "Stalin: We never had any such plans", "Howard: A tragic misunderstanding?", P,
               "But who did protest at the time? Who rose up to voice his outrage?", P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:section/db:title") == ["A real heading"]
    assert texts(tree, "//db:para[@role='dateline']") == ["London 7th January 2017"]
    assert texts(tree, "//db:para[@role='byline']") == ["by Alan Woods"]
    assert texts(tree, "//db:blockquote/db:para") == ["A quoted passage that stands on its own line without a full stop"]
    assert len(texts(tree, "//db:para[@role='dialogue']")) == 2


def test_verse_list_dialogue_and_epigraph():
    verse = "We thank thee, Stalin!\nSixteen scoundrels,\nHave been gathered to their ancestors!"
    items = "1) Free and democratic elections,\n2) Right of recall of all officials,\n3) No higher wage"
    talk = "“But do you know how many?”\n“Not even approximately?”\n“I don’t know.”"
    text = web("The Title", "1. A Chapter", "A first section",
               "Saw the Vision of the world, and all the wonder that would be. (Alfred Tennyson)",
               P, verse, P, items, P, talk, P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:literallayout") == [verse]
    assert texts(tree, "//db:orderedlist/db:listitem/@override") == ["1", "2", "3"]
    assert texts(tree, "//db:orderedlist/db:listitem") == [
        "Free and democratic elections,", "Right of recall of all officials,", "No higher wage"]
    assert len(texts(tree, "//db:para[@role='dialogue']")) == 3
    assert texts(tree, "//db:epigraph/db:attribution") == ["Alfred Tennyson"]


def test_quotation_with_parenthesised_source_line():
    text = web("The Title", P, "In December 1917 Lenin wrote:",
               "Everywhere we issue the call for a world workers’ revolution.\n( Lenin, LCW, Vol. 27, pp. 160-1.)", P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:blockquote/db:attribution") == ["Lenin, LCW, Vol. 27, pp. 160-1."]


def test_heading_followed_by_paragraph_without_blank():
    text = "Title Line\n\n" + P + "\n\nProblems for the New Revolution\n" + P * 3 + "\n\n" + P
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:section/db:title") == ["Problems for the New Revolution"]


LONG = "This is a line of prose that runs on to the full width of the printed page of the book in"


def test_pdf_chapter_title_section_list_and_numbered_sections():
    text = "\n".join([
        "Chapter 2", "ECONOMIC GROWTH", "AND THE ZIGZAGS", "A first section title", "", "A second",
        "section", "", "1.", "A First Section", "Title", "", LONG, "end.", "", "2. A Second Section", "", LONG,
        "end.", "", " 3.", "A Third", "", LONG, "the text stops mid-sentence with", " Chapter 3", "NEXT", "",
        LONG, "end."])
    tree, state = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Economic growth and the zigzags", "Next"]
    assert texts(tree, "//db:section/@label") == ["1", "2", "3"]
    assert texts(tree, "//db:section/db:title") == ["A First Section Title", "A Second Section", "A Third"]
    assert [d.text for d in state.diagnostics.items if d.code == "furniture.section-list"] == [
        "A first section title", "A second section"]  # a wrapped entry is one
    assert "flag.truncated" in codes(state)


def test_pdf_short_lines_under_a_chapter_title_naming_no_later_heading_are_no_section_list():
    # each line is as long as a later section's title, in other words: no evidence of a list of them
    text = "\n".join([
        "Chapter 2", "THE HARBOUR", "Lamps and Towers", "Ships and Harbours", "", LONG, "end.", "",
        "1. Ropes and Cables", "", LONG, "end.", "", "2. Coins and Treasure", "", LONG, "end."])
    tree, state = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title")[-2:] == ["Ropes and Cables", "Coins and Treasure"]
    assert "furniture.section-list" not in codes(state)
    assert "Lamps and Towers" in " ".join(texts(tree, "//db:para | //db:title | //db:bridgehead"))


def test_pdf_chapter_opening_lost_is_restored_from_navigation():
    text = "\n".join([LONG, "end.", "", "Back to CHAPTER 3  —  On to CHAPTER 5", " 1.", "Why It Happened", "",
                      LONG, "end."])
    tree, state = normalise_text(text, kind="pdf", division="book",
                                 rules=RuleSwitches(enable=("navigation", "restore-chapters-from-navigation")))
    chapter = tree.xpath("//db:chapter", namespaces={"db": tree.nsmap[None]})[0]
    assert chapter.get("label") == "5"
    assert chapter.find("{*}title").get("revisionflag") == "added"
    assert {"restore.chapter-label", "flag.lost-page"} <= set(codes(state))


def test_scene_break():
    tree, _ = normalise_text(web("The Title", P, "* * *", P), kind="web")
    assert texts(tree, "//db:bridgehead[@otherrenderas='scene-break']") == ["* * *"]


def test_pdf_section_numbers_that_jump_report_lost_pages():
    text = "\n".join(["Chapter 8", "A TITLE", "", "1.", "First", "", LONG, "end.", "", "3.", "Third", "", LONG,
                      "end."])
    tree, state = normalise_text(text, kind="pdf")
    assert [d.text for d in state.diagnostics.items if d.code == "flag.lost-page"] == ["section(s) 2, before section 3"]
    assert "Section(s) 2 are missing from the source here." in texts(tree, "//db:remark")


def test_label_lines_that_are_no_sentences_are_a_list_of_terms():
    text = web("The Title", "Let us settle about our affairs:", "Romania: Russia 90 per cent – The others 10 per cent",
               "Yugoslavia: 50-50 per cent", "Hungary: 50-50 per cent", P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:itemizedlist/db:listitem") == [
        "Romania: Russia 90 per cent – The others 10 per cent", "Yugoslavia: 50-50 per cent", "Hungary: 50-50 per cent"]
    assert not texts(tree, "//db:blockquote") and not texts(tree, "//db:section")


def test_titles_in_capitals_take_the_case_of_their_words_in_the_text():
    text = "\n".join(["Chapter 4", "WHITHER THE USSR AND THE SOVIET UNION?", "", LONG, "the USSR and the Soviet Union, "
                      "whither they go.", ""])
    tree, state = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Whither the USSR and the Soviet Union?"]
    assert "restore.title-case" in codes(state)


def test_pdf_titles_wrapped_over_two_lines_are_one_heading():
    line = "a line of prose running to the full width of the page and on"
    body = ["Reading the page, " + line, line, line, "and it ends here."]
    text = "\n".join(["The Current Doctrine of Wages—Its", "Insufficiency", *body, "",  # stops on a little word
                      "The Maintenance of Laborers Not Drawn", "from Capital", *body, "",  # goes on in lower case
                      "The Effect of Population Upon", "Distribution of Wealth", *body, "",
                      "The Recurring Paroxysms of Industrial", "Depression", *body, "",  # wrapped: a long line
                      "III. Wages Not Drawn from Capital,", "but Produced by the Labor", *body, "",  # on a comma
                      "A Title Too Short to Wrap", "Another Title Line", *body])  # not wrapped
    tree, _ = normalise_text(text, kind="pdf")
    titles = texts(tree, "//db:section/db:title | //db:chapter/db:title")
    assert titles[:5] == ["The Current Doctrine of Wages—Its Insufficiency",
                          "The Maintenance of Laborers Not Drawn from Capital",
                          "The Effect of Population Upon Distribution of Wealth",
                          "The Recurring Paroxysms of Industrial Depression",
                          "Wages Not Drawn from Capital, but Produced by the Labor"]
    assert "A Title Too Short to Wrap Another Title Line" not in titles


def test_pdf_a_title_in_title_case_wrapped_over_three_lines_under_its_chapter_line():
    # the second line is a whole line of Title Case (it made the first too long to take its first word); the
    # third carries the second on, which stops on 'the'
    line = "a line of prose running to the full width of the page and on, and on it goes here again"
    body = ["Reading the page, " + line, line, line, "and it ends here."]
    text = "\n".join(["Chapter One", "A Title", *body, "",
                      "Chapter Two", "Of the Lighthouses Considered as a Particular Branch of the Great",
                      "Service of the Harbours, or of the Lamps Maintaining the", "Northern Coast", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == [
        "A Title", "Of the Lighthouses Considered as a Particular Branch of the Great Service of the Harbours, "
                   "or of the Lamps Maintaining the Northern Coast"]
    assert not texts(tree, "//db:section/db:title")


def test_pdf_a_title_set_larger_wraps_on_a_line_that_stops_on_the_and_after_a_line_that_carried_it_on():
    # set larger than the text, the title wraps at fewer characters: its second line stops on 'the' (so it goes
    # on: no list entry of its own), and in the next chapter its last word stands alone under two lines joined
    line = "a line of prose running to the full width of a small page"
    body = ["Reading the page, a line of prose running to the width", line, line, "and it ends here."]
    text = "\n".join(["Chapter One", " Of Lamps Considered as a Particular", "  Branch of the Common Stock of the",
                      "     Harbour, or of the Expense of", "   Keeping the Northern Coast", *body, "",
                      "Chapter Two", "Of the Rise and Progress of Lamps and", "Towers, After the Fall of the Old",
                      "Lighthouse", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == [
        "Of Lamps Considered as a Particular Branch of the Common Stock of the Harbour, or of the Expense of "
        "Keeping the Northern Coast", "Of the Rise and Progress of Lamps and Towers, After the Fall of the Old Lighthouse"]
    assert not texts(tree, "//db:section/db:title")
    assert not any(p in ("Lighthouse", "Keeping the Northern Coast") for p in texts(tree, "//db:para"))


def test_pdf_titles_are_set_apart_and_poem_titles_stand_over_verse():
    line = "a line of prose running to the full width of the page and on"
    body = ["Reading the page, " + line, line, line, "and it ends here."]
    text = "\n".join([
        "Of Our Spiritual Strivings", *body, "I am black but comely, O ye daughters of Jerusalem.",
        "The Song of Solomon", *body, "",  # an epigraph's source run on from its text: no heading
        "To a Historian", "You who celebrate bygones,",  # a poem's title over its verse
        "Who have explored the outward, the surfaces of the races, the life that", "has exhibited itself,",
        "Chanter of Personality, outlining what is yet to be,", "I project the history of the future.", "",
        "Beginning My Studies", "Beginning my studies the first step pleas’d me so much,",  # no signature
        "The mere fact consciousness,", "",
        "From Far Western Canyons", "June 25, 1876",  # a title over its date: no name signing a text
        "From far western canyons,", "Lands of the wild ravine, the lonesome stretch, the silence,",
        "Haply to-day a mournful wail, haply a trumpet-note for heroes."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:title")[1:] == ["Of Our Spiritual Strivings", "To a Historian", "Beginning My Studies",
                                             "From Far Western Canyons"]


def test_pdf_poem_titles_over_verse_lines_and_a_title_of_one_word():
    verse = ["Returning upon my poems, considering, lingering long,", "A Phantom arose before me with distrustful aspect,",
             "Terrible in beauty, age, and power,", "The genius of poets of old lands."]
    text = "\n".join([
        *["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6,
        "and it ends here.", "",
        "As I Ponder’d in Silence", "As I ponder’d in silence,", *verse, "",
        "Eidólons", "I met a seer,", *verse, "",
        "at", "", "the", "", "Hotel", "",  # words a justified line left alone: no titles
        "“Precisely so, on December 22nd, just five days ago,” said he.", *verse])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title | //db:chapter/db:title") == ["As I Ponder’d in Silence", "Eidólons"]


def test_pdf_a_poem_title_over_two_lines_at_a_pages_foot_and_the_rest_over_the_page():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    text = "\n".join([*prose, "and it ends here.", "",
                      "Broadway", "What hurrying human tides, or day or night!", "What passions, winnings, losses, swim thy waters!", "",
                      "\fWhat whirls of evil, bliss and sorrow, stem thee!", "What curious questioning glances—glints of love!",
                      "Thou of the endless sliding, mincing, shuffling feet!", "", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title | //db:chapter/db:title") == ["Broadway"]


def test_pdf_a_part_title_over_its_first_poem_title_and_a_short_poem():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    verse = ["To the garden the world anew ascending,", "Potent mates, daughters, sons, preluding,",
             "The love, the life of their bodies, meaning and being,"]
    text = "\n".join([*prose, "and it ends here.", "",
                      "\fChildren of Adam", "To the Garden the World", *verse, "",  # a part opens a page
                      "\fCalamus", "In Paths Untrodden", *verse, "",
                      "France", "The 18th Year of These States", *verse, "",  # a poem's title and its subtitle
                      "\fSea-Drift", "Out of the Cradle Endlessly Rocking", *verse, "",
                      "\fSands at Seventy", "(First Annex)", "Mannahatta", *verse, "",
                      "Thou Reader", "Thou reader throbbest life and pride and love the same as I, and more,",
                      "Therefore for thee the following chants.", "", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title | //db:chapter/db:title") == [
        "Children of Adam", "To the Garden the World", "Calamus", "In Paths Untrodden", "France", "Sea-Drift",
        "Out of the Cradle Endlessly Rocking", "Sands at Seventy", "Mannahatta", "Thou Reader"]
    assert texts(tree, "//db:section[db:title='France']/db:subtitle") == ["The 18th Year of These States"]


def test_pdf_a_one_word_poem_title_over_a_poem_of_two_long_lines():
    """'Thought' over two lines of verse, the first stopping on a comma: a poem's title, though its
    long lines, wrapped, read as no run of short lines. A word over two sentences is no title."""
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    verse = ["Of justice—as if Justice could be anything but the same ample law, expounded by natural",
             "judges and saviors,", "As if it might be this thing or that thing, according to decisions."]
    sentences = ["Of justice, then, nothing could be said that was not the same ample law expounded by them",
                 "all.", "As it might be this thing or that thing, according to decisions of the court."]
    text = "\n".join([*prose, "and it ends here.", "", "Thought", *verse, "", *prose, "and it ends here.", "",
                      "Afterwards", *sentences, "", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title | //db:chapter/db:title") == ["Thought"]


def test_pdf_a_poem_title_right_over_its_first_section_number_and_under_its_parts_title():
    prose = ["A line of prose to the width of a narrow page, on"] * 6  # the titles are long for the measure
    verse = ["To the garden the world anew ascending,", "Potent mates, daughters, sons, preluding,",
             "The love, the life of their bodies, meaning and being."]
    text = "\n".join([*prose, "and it ends here.", "",
                      "\fSea-Drift", "As I Ebb’d with the Ocean of Life", "1", *verse, "", "2", *verse, "",
                      "\fMemories of President Lincoln", "When Lilacs Last in the Dooryard Bloom’d", "1", *verse, "",
                      "2", *verse, "", *prose, "and it ends here."])
    state = apply_rules(text, ["page-breaks", "paragraphs"], kind="pdf")
    lines = [b.text for b in state.blocks if b.kind == "short" and not b.text.startswith(("To", "Potent", "The"))]
    assert lines == ["Sea-Drift", "As I Ebb’d with the Ocean of Life", "1", "2", "Memories of President Lincoln",
                     "When Lilacs Last in the Dooryard Bloom’d", "1", "2"]


def test_pdf_a_chapters_title_over_its_first_sections_number_and_wrapped_title_is_the_chapters():
    """A page opens with a one-word chapter title, then section I, its title wrapped onto two lines."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    chapter = lambda title, first: [f"\f{title}", "I", first, "Negotiations Between the Two", line, line, "and it ends here.",
                                    "II", "The Second Section", line, line, "and it ends here.", ""]
    text = "\n".join([line, line, "and it ends here.", "", *chapter("Harbours", "Undertakings Given Before the"),
                      *chapter("Lighthouses", "Undertakings Given After the"), *chapter("Reparation", "Promises Made Before the")])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Harbours", "Lighthouses", "Reparation"]
    assert texts(tree, "//db:chapter[3]/db:section/db:title") == ["Promises Made Before the Negotiations Between the Two",
                                                                  "The Second Section"]


def test_pdf_titles_where_the_running_heads_change_to_name_them_are_chapters():
    """Pages marked only by a running head at their foot naming the chapter ('Author — Title: <chapter>');
    the first pages (an epigraph) have none, and a part's title page has its head once. The titles the
    heads name are chapters, though no page edge shows they open a page, one closing on '!' too (not a
    cry in the text that the heads name without it); the lone head goes."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"

    def pages(title: str, count: int) -> list[str]:
        out = []
        for n in range(count):
            out += [*([title] if n == 0 else []), *[line] * 30, "and it ends here.", "", f"Anne Writer — Some Book: {title}", "", ""]
        return out

    text = "\n".join(["Ye build! ye build! but ye enter not in,", "Like the tribes whom the desert devoured,", "A. Poet", "", "",
                      *pages("Preface to the Second Edition", 4), "Introductory", "Ye build! ye build! but ye enter not in,",
                      "Like the tribes whom the desert devoured,", "A. Poet", "", "Anne Writer — Some Book: Introductory", "", "",
                      *pages("The Problem", 4), *pages("The Remedy", 4), *pages("Hail to the World!", 4)])
    verse = ["O you temples fairer than lilies pour’d over by the rising sun!", "You too with joy I sing.", "The Remedy!",
             "Lo, soul, seest thou not God’s purpose from the first?", "The oceans to be cross’d, the distant brought near."]
    first_page = "\n".join(["The Remedy", *[line] * 30, "and it ends here."])
    text = text.replace(first_page, "\n".join(["The Remedy", *verse * 5]))  # its first page in verse, a cry in it
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "/db:book/*[not(self::db:info)]/db:title")[1:] == ["Preface to the Second Edition", "Introductory",
                                                                          "The Problem", "The Remedy", "Hail to the World!"]
    assert not tree.xpath("//db:section", namespaces=NS) and not any("Anne Writer" in p for p in texts(tree, "//db:para"))


def test_pdf_a_title_under_its_own_pages_running_head_that_names_it_first_is_a_chapter():
    """Running heads at the top of every page name the chapter, its opening page too: the head right
    over a title names it, the heads before named another. Under the title a subtitle in brackets, a
    note's title and its date, then the text: the title is a chapter's."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"

    def pages(title: str, opening: list[str]) -> list[str]:
        return [text for n in range(4) for text in (f"Anne Writer — Some Book: {title}", "", *(opening if n == 0 else []),
                                                      *[line] * 30, "and it ends here.", "", "")]

    text = "\n".join([*pages("The Harbour", ["The Harbour"]),
                      *pages("The Lamps", ["The Lamps", "(Second Part)", "A Note on the Lamps", "Written at Sea—1891"]),
                      *pages("The Towers", ["The Towers"])])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["The Harbour", "The Lamps", "The Towers"]


@pytest.mark.parametrize("folio_top", [False, True])
@pytest.mark.parametrize("stem", [True, False])
@pytest.mark.parametrize("feet", [False, True])
def test_pdf_a_chapter_whose_opening_page_is_lost_gets_its_title_back_from_the_running_heads(feet, stem, folio_top):
    """Each page has a running head naming its chapter ('Author — Title: <chapter>', or the book's
    title on versos and the chapter's alone on rectos) and a folio; the third chapter's opening page
    (its title) is lost. Its title comes back where its text goes on, flagged, with the lost page
    once (the folios' count reports it at the top of the page before, where they stand at the top);
    with the heads at the top of the pages or at their feet (heads of titles alone name a chapter
    only every other page: the title comes back where the folios' count reports the page lost)."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    folio = iter(range(1, 100))

    def page(chapter: str, title: str | None = None) -> list[str]:
        n = next(folio)
        head = [f"Anne Writer — Some Book: {chapter}" if stem else chapter if n % 2 else "Some Book", ""]
        text = [*([title] if title else []), *[line] * 30, "and it ends here.", ""]
        body = text + head if feet else head + text
        return [str(n), "", *body, "", ""] if folio_top else [*body, str(n), "", ""]

    chapters = ["The Harbour", "The Lamps", "The Towers", "The Ships"]
    pages = [p for c in chapters for p in (page(c, c), *[page(c) for _ in range(7)])]
    del pages[16]  # 'The Towers' opening
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == chapters
    assert texts(tree, "//db:chapter/db:title[@revisionflag='added']") == ["The Towers"]
    assert "restore.title-from-heads" in codes(state) and codes(state).count("flag.lost-page") == 1  # (the folios' skip too)
    # the titles numbered and wrapped, none lost: nothing restored
    pages = [p for n, c in enumerate(chapters, start=1) for p in (page(c, f"{n}. {c} of the"), page(c), page(c))]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert "restore.title-from-heads" not in codes(state) and "flag.lost-page" not in codes(state)


def test_pdf_a_lost_opening_is_restored_though_the_text_before_it_names_its_title_in_a_sentence():
    """The book's title heads the versos, the chapter's the rectos; 'The Towers' lost its opening page,
    and a line of the chapter before says 'the towers' in a sentence: that line is no title, so the
    title comes back from the heads. A title under its number, wrapped after a comma ('III. The
    Towers,'), is the one the heads name."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    mention = "and the lamps were lit, and the towers of the town stood over the harbour, and on it goes"

    def page(n: int, chapter: str, title: str | None, stem: bool = False) -> list[str]:
        text = [line] * 15 + [mention if n == 16 else line] * 15
        head = f"Anne Writer — Some Book: {chapter}" if stem else chapter if n % 2 else "Some Book"
        return [head, "", *([title] if title else []), *text, "and it ends here.", "", str(n), "", ""]

    chapters = ["The Harbour", "The Lamps", "The Towers", "The Ships"]
    pages = [page(n, chapters[(n - 1) // 8], chapters[(n - 1) // 8] if n % 8 == 1 else None) for n in range(1, 33)]
    del pages[16]  # 'The Towers' opening
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == chapters
    assert texts(tree, "//db:chapter/db:title[@revisionflag='added']") == ["The Towers"]
    # a title numbered and wrapped after a comma, none lost: the heads name it, nothing is restored
    pages = [page(n, chapters[(n - 1) // 8], None if n % 8 != 1 else chapters[(n - 1) // 8] if n != 17
                  else "III. The Towers,\nand What Stood by the Water", stem=True) for n in range(1, 33)]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert "restore.title-from-heads" not in codes(state) and "flag.lost-page" not in codes(state)


@pytest.mark.parametrize("numerals", [["I", "II", "III", "IV", "V"], ["One", "Two", "Three", "Four", "Five"]])
def test_pdf_a_chapter_the_running_heads_name_by_number_gets_its_title_back_numbered_as_the_text_numbers(numerals):
    """Heads at the top of each page name the chapter by its number ('Some Book: Chapter 3'), the text
    by its own ('CHAPTER III'); no folios. The third chapter's opening page is lost: its title comes
    back as the text numbers the others, flagged with the lost page. Where the text numbers its
    chapters otherwise (a numeral the heads do not give), nothing is restored."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"

    def page(number: int, title: str | None = None) -> list[str]:
        return [f"Anne Writer — Some Book: Chapter {number}", "", *([title] if title else []), *[line] * 30, "and it ends here.", "", ""]

    pages = [p for n, numeral in enumerate(numerals, start=1)
             for p in (page(n, f"CHAPTER {numeral.upper()}"), page(n), page(n))]
    del pages[6]  # chapter 3's opening
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == [f"Chapter {n}" for n in numerals]
    assert texts(tree, "//db:chapter[db:title[@revisionflag='added']]/@label") == [numerals[2].upper()]
    assert codes(state).count("flag.lost-page") == 1
    # letters before the chapters, the heads numbering them as chapters: a letter's number comes back as a letter's
    pages = [p for n, numeral in enumerate(numerals[:3], start=1)
             for p in (page(n, f"LETTER {numeral.upper()}"), page(n), page(n))]
    pages += [p for n, numeral in enumerate(numerals, start=1)
              for p in (page(n, f"CHAPTER {numeral.upper()}"), page(n), page(n))]
    del pages[6]  # letter 3's opening
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert texts(tree, "//db:title[@revisionflag='added']") == [f"Letter {numerals[2]}"]
    # a title wrapped after a comma is that chapter's all the same: nothing lost
    titles = [f"{numeral}. The Harbour" if numeral != "III" else "III. Harbours Not Built from Stone,\nbut Dredged from the Sand"
              for numeral in numerals]
    pages = [p for n, title in enumerate(titles, start=1) for p in (page(n, title), page(n), page(n))]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert "restore.title-from-heads" not in codes(state) and "flag.lost-page" not in codes(state)
    pages = [p for n, numeral in enumerate(["I", "II", "III", "IV"], start=1) for p in (page(n + 10, f"CHAPTER {numeral}"), page(n + 10))]
    del pages[4]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert "restore.title-from-heads" not in codes(state)


def test_pdf_the_first_title_tells_nothing_of_where_the_heads_stand():
    """Heads at the top of the pages name the chapter by its title. The first title follows the text's
    start (and so its first head) wherever the heads stand; the only other title found opens its page
    under the head: the heads stand at the top, and the title of the chapter whose opening page is
    lost comes back over the text its heads first stand on."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"

    def page(chapter: str, title: str | None = None) -> list[str]:
        return [f"Anne Writer — Some Book: {chapter}", "", *([title] if title else []), *[line] * 30, "and it ends here.", "", ""]

    chapters = ["Preface", "A Letter from a Friend", "Appendix"]
    pages = [p for c in chapters for p in (page(c, c), *[page(c) for _ in range(4)])]
    del pages[5]
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert texts(tree, "//db:chapter/db:title[@revisionflag='added']") == ["A Letter from a Friend"]
    assert texts(tree, "//db:chapter/db:title | //db:preface/db:title | //db:appendix/db:title") == chapters


def test_pdf_titles_unwrapped_from_full_lines():
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, line, "and it ends here."]
    text = "\n".join(["I. Of the Division of Labour", *body, "",
                      "II. Of the Principle Which Gives Occasion to the Division of a Long", "Labour", *body, "",
                      "III. That the Division of Labour Is Limited by the Extent of the", "Market", *body, "",
                      "IV. Of the Origin and Use of Money", *body, "",
                      "The Malthusian Theory, Its Genesis and Support in the Doctrine of", "Wages", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/@label") == ["I", "II", "III", "IV"]
    assert texts(tree, "//db:chapter/db:title")[1:] == [
        "Of the Principle Which Gives Occasion to the Division of a Long Labour",
        "That the Division of Labour Is Limited by the Extent of the Market", "Of the Origin and Use of Money"]
    assert "The Malthusian Theory, Its Genesis and Support in the Doctrine of Wages" in texts(tree, "//db:title")


def test_pdf_a_poem_and_its_numbered_parts_are_nested_sections(tmp_path):
    from lxml import etree
    from bookbuild.model.validate import validate_docbook

    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    verse = ["I sing the body electric,", "The armies of those I love engirth me and I engirth them,",
             "Not physiognomy alone nor brain alone is worthy for the Muse, I say the Form complete",
             "is worthier far,"]
    text = "\n".join(["Chapter 1", "Children of Adam", *prose, "and it ends here.", "",
                      "I Sing the Body Electric", "1", *verse, "", "2", *verse, "", "3", *verse, "",
                      "A Woman Waits for Me", *verse, "", "Chapter 2", "Calamus", *prose, "and it ends here."])
    tree, state = normalise_text(text, kind="pdf")
    poem = tree.xpath("//db:section[db:title='I Sing the Body Electric']", namespaces={"db": tree.nsmap[None]})[0]
    assert texts(poem, "db:section/@label") == ["1", "2", "3"]
    assert texts(tree, "//db:chapter/db:section/db:title") == ["I Sing the Body Electric", "A Woman Waits for Me"]
    assert "flag.empty-heading" not in codes(state)
    path = tmp_path / "book.xml"
    path.write_bytes(etree.tostring(tree))
    assert validate_docbook(path) == []


def test_a_title_of_cries_over_verse_is_a_heading_a_cry_opening_a_stanza_is_not():
    verse = ["Beat! beat! drums!—blow! bugles! blow!", "Through the windows—through doors—burst like a ruthless force,",
             "Into the solemn church, and scatter the congregation,"]
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    web_text = web("The Title", P, "Beat! Beat! Drums!", "\n".join(verse), P)
    tree, _ = normalise_text(web_text, kind="web")
    assert "Beat! Beat! Drums!" in texts(tree, "//db:title")
    pdf_text = "\n".join([*prose, "and it ends here.", "", "O Me! O Life!", *verse, "",
                          "Passage to India!", *verse, "", *prose, "and it ends here."])
    tree, _ = normalise_text(pdf_text, kind="pdf")
    titles = texts(tree, "//db:title")
    assert "O Me! O Life!" in titles and "Passage to India!" not in titles


def test_pdf_a_poems_title_its_first_line_repeats_is_a_heading_however_it_ends():
    """Titles taken from their poems' first lines, a question and a cry, over lines wrapped to a narrow
    page: headings, their lines in sentence case under them. A cry its line repeats word for word
    ('Hold fast!' over 'Hold fast! they cried') is no title taken so, and stays text."""
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    asked = ["Is It You That Waits by the Harbour Lamp?", "Is it you that waits by the harbour lamp?",
             "The tide turns under the wall and the lights go", "out one by one along the quay,"]
    cried = ["O Harbour! O Lamp of the Quay!", "O harbour! O lamp of the quay! why do you burn so", "low tonight?"]
    text = "\n".join(["Chapter 1", "Songs of the Quay", *prose, "and it ends here.", "", *asked, "", *cried, "",
                      "Hold fast!", "Hold fast! they cried, and the ropes held under the", "weight of the sea.", "",
                      *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:section/db:title") == [asked[0], cried[0]]


def test_web_a_title_of_cries_over_a_stanza_of_one_line_then_verse_is_a_heading():
    """'So Long!' over a stanza of one line ('To conclude, I announce what comes after me.') and a
    stanza of lines under it: a poem's title. A cry over a line of prose and prose stays text."""
    verse = "I remember I said before my leaves sprang at all,\nI would raise my voice jocund and strong,\n" \
            "With reference to consummations."
    web_text = web("The Title", P, "So Long!", "To conclude, I announce what comes after me.", verse, P,
                   "Hurrah!", "A line of prose of its own.", P)
    tree, _ = normalise_text(web_text, kind="web")
    titles = texts(tree, "//db:title")
    assert "So Long!" in titles and "Hurrah!" not in titles


def test_a_named_line_under_a_chapter_label_is_the_chapter_title():
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, line, "and it ends here."]
    text = "\n".join(["CHAPTER I", "Introductory", *body, "", "CHAPTER II", "Europe Before the War", *body, "",
                      "CHAPTER III", "The Conference", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Introductory", "Europe Before the War", "The Conference"]
    assert texts(tree, "//db:section/db:title") == []


def test_pdf_a_named_line_under_a_numeral_alone_is_the_title_and_its_running_head_no_heading():
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, line, "and then the page breaks on a line that runs to the full width of"]
    chapter = lambda numeral, title: ["\fThe Book", "", numeral, title, *body, "", "2", "", f"\f{title}", "",
                                      line, line, "and it ends here.", "", "3", ""]
    text = "\n".join([*chapter("I", "Introductory"), *chapter("II", "Europe Before the War"),
                      *chapter("III", "The Conference")])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Introductory", "Europe Before the War", "The Conference"]
    assert texts(tree, "//db:chapter/@label") == ["I", "II", "III"]
    assert texts(tree, "//db:preface/db:title | //db:section/db:title") == []


def test_web_a_title_right_over_a_title_at_section_level_gives_it_its_subtitle():
    verse = "Nay, tell me not to-day the publish’d shame,\nRead not to-day the journal’s crowded page,\n" \
            "The merciless reports still branding forehead,\nThe guilty column following guilty column."
    text = web("Leaves", "Book One", "A First Poem", verse, "Nay, Tell Me Not To-day the Publish’d Shame",
               "Winter of 1873, Congress in Session", verse, "O Sun of Real Peace", verse)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:section/db:title") == ["A First Poem", "Nay, Tell Me Not To-day the Publish’d Shame",
                                                    "O Sun of Real Peace"]
    assert texts(tree, "//db:section/db:subtitle") == ["Winter of 1873, Congress in Session"]


def test_web_a_title_and_its_subtitle_in_brackets_over_a_heading_are_a_parts():
    """A title in Title Case, a line in brackets under it, then a heading ('Preface Note …'): a part's
    title and subtitle over its first division, not a quotation closed by its source."""
    prose = "A paragraph of ordinary prose, long enough to read as one, and ending as sentences end, a note on the second part."
    verse = "Farewell the harbour, the sun of real peace,\nA first poem and a second, a last poem in book one,\n" \
            "The words concluding the merciless reports,\nThe guilty column following guilty column."
    text = web("Leaves", "A First Poem", verse, "O Sun of Real Peace", verse, "Farewell the Harbour", "(Second Part)",
               "Preface Note to the Second Part", prose, prose, "Concluding Words", verse)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:title")[1:] == ["A First Poem", "O Sun of Real Peace", "Farewell the Harbour",
                                             "Preface Note to the Second Part", "Concluding Words"]
    assert texts(tree, "//db:subtitle") == ["(Second Part)"]


def test_a_line_under_verse_is_its_source_only_when_it_names_one():
    verse = "Spirit that form’d this scene,\nThese tumbled rock-piles grim and red,\nThese reckless peaks,\n" \
            "These gorges, turbulent-clear streams, this naked freshness."
    text = web("The Title", "A Poem", verse, "Edwin Arnold", "Spirit That Form’d This Scene",
               "Written in Platte Canyon, Colorado", verse, "Paradise Lost, X, 743–45", "Another Poem", verse)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:attribution") == ["Edwin Arnold", "Paradise Lost, X, 743–45"]
    assert texts(tree, "//db:section/db:title") == ["A Poem", "Spirit That Form’d This Scene", "Another Poem"]


def test_speakers_names_in_a_scene_are_no_headings():
    speech = "Observe that all wide sight and self-command\nDeserts these throngs now driven to demonry\n" \
             "By the Immanent Unrecking. Nought remains."
    text = web("The Title", "Paris", P, P, "Spirit of the Years", speech, "Spirit of the Pities",
               "Why prompts the Will so senseless-shaped a doing?", "Spirit of the Years", speech, P,
               "Europe Before the War", P, P, "The Conference", P, P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:title[not(parent::db:info)]") == ["Paris", "Europe Before the War", "The Conference"]


def test_pdf_a_title_wrapped_to_a_short_line_takes_no_title_set_under_it():
    line = "a line of prose running to the full width of the printed page and on it goes here"
    body = ["Reading the page, " + line, line, line, "and it ends here."]
    text = "\n".join(["The Title", *body, "", "Digression Concerning the Variations in the Value of Silver",
                      "of the Four Last Centuries", "First Period", *body, "", "Second Period", *body])
    tree, _ = normalise_text(text, kind="pdf")
    titles = texts(tree, "//db:section/db:title | //db:chapter/db:title")
    assert "First Period" in titles and not any(t.endswith("Centuries First Period") for t in titles)


def test_pdf_a_line_in_brackets_under_a_title_is_its_subtitle():
    prose = ["A line of prose running the full width of a narrow page, on"] * 4
    text = "\n".join([*prose, "and it ends here.", "", "The Sobbing of the Bells", "   (Midnight, Sept. 19–20, 1881)",
                      *prose, "and it ends here.", "", "A Second Poem", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert "The Sobbing of the Bells" in texts(tree, "//db:title")
    assert texts(tree, "//db:subtitle") == ["(Midnight, Sept. 19–20, 1881)"]


def test_a_line_naming_the_author_is_no_heading():
    text = web("Narrative of a Life", "Preface", P, P, "Yours truly,", "Wendell Phillips", "Frederick Douglass", "", P, P,
               "Chapter Two", P, P)
    tree, _ = normalise_text(text, kind="web", authors=("Frederick Douglass",))
    assert "Frederick Douglass" not in texts(tree, "//db:title")
    assert "Frederick Douglass" in texts(tree, "//db:para")


def test_in_the_front_matter_a_name_under_a_quotation_is_its_source_with_verse_after_it():
    verse = "There must be refuge! Men\nPerished in winter winds till one smote fire\nFrom flint stones coldly hiding what they held."
    more = "Never yet\nShare of Truth was vainly set\nIn the world’s wide fallow;"
    dedication = "To those who,\nseeing the vice and misery,\nwould strive for its attainment."
    text = web("Progress and Poverty", "Henry George", P, "Marcus Aurelius Antoninus", dedication, "San Francisco, March, 1879.",
               verse, "Edwin Arnold", more, "Preface to the Fourth Edition", P, P, "Chapter I", "The Problem", P, P)
    tree, _ = normalise_text(text, kind="web", authors=("Henry George",))
    assert texts(tree, "//db:title[not(parent::db:info)][text()]") == ["Preface to the Fourth Edition", "The Problem"]


def test_pdf_lines_among_columns_of_figures_are_no_headings():
    # a table that pdftotext read column by column, too broken to rebuild (a print-out of Smith's Book I, ch. 11)
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 4
    table = ["Years XII", "1202", "1205", "", "1223", "1237", "1243", "1244", "1246", "1247", "1257", "1258", "", "1270",
             "1286", "", "Price of the", "quarter of", "wheat each", "year654", "£", *["—"] * 10, "1", "1", "—", "—", "4", "6",
             "—", "", "The average price of", "each year in money of", "the present times655", "", "Average of the",
             "different prices of", "the same year", "s.", "12", "12", "13", "15", "", "a. Of the first", "b. Of the second", "",
             "c. Of the third", "", "2", "16", "", "d. d.", "—", "—", "4", "—", ""]
    text = "\n".join(["Chapter 11", "Of the Rent of Land", *prose, "and it ends here.", "", *table, *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:title") == ["Test Book", "Of the Rent of Land"]


def test_pdf_a_running_head_or_a_cut_line_left_at_a_page_top_is_no_heading():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 4
    text = "\n".join(["Chapter 1", "Of Wages", *prose, "and it ends here.", "", "Test Book: Preface", "", "Preface", *prose,
                      "and it ends here.", "", "Page 11 of 143 01:01:05]", "", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:title") == ["Test Book", "Of Wages", "Preface"]
    # a running head wrapped over the title it repeats, the author before the book's main title
    prose = ["A line of prose that runs on to the full width of a page"] * 4
    text = "\n".join(["Chapter 1", "Of Wages", *prose, "and it ends here.", "",
                      "\fA. Writer — Test Book: Effect of Material Progress Upon the Distribution of", "Wealth", "",
                      "Effect of Material Progress Upon the", "Distribution of Wealth", "", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf", title="Test Book: Being an Account of the Lamps")
    assert texts(tree, "//db:title")[1:] == ["Of Wages", "Effect of Material Progress Upon the Distribution of Wealth"]


def test_a_contents_list_of_numbered_titles_past_ii_is_found():
    chapters = ["I. Of Our Spiritual Strivings", "II. Of the Dawn of Freedom", "III. Of Mr. Booker T. Washington and Others",
                "IV. Of the Meaning of Progress", "VIII. Of the Quest of the Golden Fleece"]
    body = [part for title in chapters for part in (title, P, P)]
    tree, state = normalise_text(web("The Souls of Black Folk", "", *chapters, *body), kind="web")
    assert texts(tree, "//db:chapter/db:title") == [t.split(". ", 1)[1] for t in chapters]
    assert "furniture.contents" in codes(state)


def test_pdf_a_short_chapters_running_head_left_on_its_second_page_is_no_heading():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 4
    text = "\n".join(["Chapter I", "Introductory", *prose * 3, "and it ends here.", "", "Introductory", "", *prose,
                      "and it ends here.", "", "Chapter II", "Europe Before the War", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:title") == ["Test Book", "Introductory", "Europe Before the War"]
    assert "Introductory" in texts(tree, "//db:para")  # kept, as text


def test_pdf_a_running_head_over_the_title_it_repeats_and_on_a_later_page_of_the_chapter_is_no_heading():
    words = "afoot and light-hearted I take to the open road healthy free the world before me long brown path".split()

    def verse(n: int) -> list[str]:
        lines = ["      " + " ".join(words[(n + k) % 17:] + words[:(n + k) % 17]).capitalize() for k in range(6)]
        return [line + "," for line in lines[:-1]] + [lines[-1] + ".", ""]

    def head(title: str) -> str:  # set to the right, over the page
        return "\f" + title.rjust(90)

    titles = ["Song of the Open Road", "A Song of Joys", "Song of the Exposition", "Song of the Broad-Axe", "Song of the Banner"]
    stanzas = [line for n in range(8) for line in verse(n)]
    pages = [[head(title), "", title.center(90), *stanzas] for title in titles]  # a chapter's first page
    pages[1][3:] = ["1", *stanzas, "2", "      It is not upon you alone the dark patches fall,",
                    "      The dark threw its patches down upon me also,"]  # the page ends mid-stanza
    pages[1] += ["", "", head(titles[1]), "", *stanzas]  # and its second page, under the running head
    state = apply_rules("\n".join(line for page in pages for line in page), ["page-breaks", "paragraphs", "structure"], kind="pdf")
    headings = [(b.level, b.text) for b in state.blocks if b.kind == "heading"]
    assert headings == [(0, titles[0]), (0, titles[1]), (1, "1"), (1, "2"), *[(0, title) for title in titles[2:]]]
    assert [d.line for d in state.diagnostics.items if d.code == "furniture.running-head"] == [1, 60, 183, 242, 301]


def test_pdf_a_running_head_with_the_chapters_title_cut_at_its_comma_is_no_heading():
    """A chapter of two pages: its second page's head gives its title up to the comma ('Letter from a
    Friend' of 'Letter from a Friend, Esq.'), between a sentence the page break cut and its end (which
    opens in capitals): a running head left in, no chapter."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, "and it ends here.", "", line, line, "and it ends here.", ""]
    text = "\n".join(["\fLetter from a Friend, Esq.", "Boston, April 22, 1845.", "", *body, line,
                      "and long before you had mastered your", "\fLetter from a Friend", "", "",
                      "A.B.C.s, or knew where the white sails of the bay were bound, you began to gauge",
                      "the wretchedness of the slave.", "", *body, "\fI", "Of the Harbour", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Letter from a Friend, Esq.", "Of the Harbour"]


def test_pdf_a_running_head_naming_the_title_under_it_short_or_numbered_otherwise_is_no_heading():
    """A recto's head over the chapter's opening: the title's first words ('Introduction and Plan' over
    'Introduction and Plan of the Work') or its label numbered another way ('Book I' over 'Book One').
    A poem's title over its first line, which reads as it does, is no running head."""
    body = [LONG, LONG, "and it ends here.", ""]
    pages = [["\fIntroduction and Plan".rjust(60), "", "Introduction and Plan of the Work", *body],
             ["\fBook I".rjust(60), "", "Book One", "Of the causes of improvement in the productive powers of labour.",
              "", "Chapter One", "Of the Division of Labour", *body],
             ["\fOf the Terrible Doubt of Appearances", "   Of the terrible doubt of appearances,",
              "   Of the uncertainty after all, that we may be deluded,", "   That may-be reliance and hope are but speculations.", ""],
             ["\fFar Away, Ye Quiet Hills!", "   Far away, ye quiet hills!", "   The long brown path before me leading wherever I choose,",
              "   Henceforth I ask not good-fortune, I myself am good-fortune.", ""]]
    state = apply_rules("\n".join(line for page in pages for line in page), ["page-breaks", "paragraphs", "structure"],
                        kind="pdf")
    assert [d.text for d in state.diagnostics.items if d.code == "furniture.running-head"] == ["Introduction and Plan", "Book I"]


def test_pdf_a_roman_numbered_title_right_after_a_note_item_numbered_one_is_a_heading():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 4
    text = "\n".join(["I. The Current Doctrine of Wages", *prose, "and it ends here.[1]", "", "Notes and references",
                      "[1] It is true that the poorest may now in certain ways enjoy what the richest could not.", "",
                      "II. Population and Subsistence", *prose, "and it ends here.", "",
                      "III. The Laws of Distribution", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["The Current Doctrine of Wages", "Population and Subsistence",
                                                    "The Laws of Distribution"]


def test_pdf_the_books_first_line_opens_its_first_page():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 4
    text = "\n".join(["Preface", "", "Preface", *prose, "and it ends here.", "", "\fChapter I", "The First Chapter", *prose,
                      "and it ends here.", "", "\fChapter II", "The Second Chapter", *prose, "and it ends here."])
    tree, state = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:preface/db:title") == ["Preface"]  # a division, not a section of an empty one
    assert not tree.xpath("//db:section", namespaces={"db": tree.nsmap[None]})
    assert [d.line for d in state.diagnostics.items if d.code in ("furniture.running-head", "furniture.page-edge")] == [1]


def test_pdf_a_title_as_long_as_the_texts_lines_set_right_over_its_text_is_a_heading():
    prose = ["the price of any other sort of rude produce cannot much affect them, and they suffer more, per-",
             "haps, by the artificial rise which has been occasioned by taxes in the price of some manufac-"]
    text = "\n".join(["Chapter I", "Of the Real Price", *prose * 6, "tured commodities; as of salt, soap, leather, candles, malt, beer, and ale, etc.", "",
                      "Effects of the Progress of Improvement Upon the Real Price of Manufactures",
                      "It is the natural effect of improvement, however, to diminish gradually the real price of al-",
                      *prose * 4, "and so it ends here.", "", *prose * 3, "of the publishers of the monthly reviews, who print",
                      "", "The Atlantic Monthly, The World’s Work, The Dial, The New World, and The Annals",
                      "Of the Academy, and so the sentence runs on to its end and the paragraph too, and so on.",
                      *prose * 2, "and so it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:title")[1:] == ["Of the Real Price", "Effects of the Progress of Improvement Upon the Real Price of Manufactures"]
    assert any(p.startswith("It is the natural effect") for p in texts(tree, "//db:para"))
    assert any("The Annals Of the Academy" in p for p in texts(tree, "//db:para"))  # a sentence runs on to it: no title


def test_names_under_quotations_under_a_title_found_with_them_are_their_sources():
    """A part's title, then epigraphs, each a sentence over its author's name: the titles are found in
    one pass, the part's with them, and the names are the epigraphs' sources, not chapters. Under a
    short poem, a poem's title over its verse stays a title; over verse with its own source under it,
    a name is still a source."""
    first = "A new and fair division of the goods and rights of this world should be the main object of those who conduct affairs."
    second = "When the object is to raise the permanent condition of a people, small means do not merely produce small effects."
    chapter = [P] * 260
    verse = "Do ye hear the children weeping, O my brothers,\nEre the sorrow comes with years?"
    text = web("The Title", "The Problem", *chapter, "The Remedy", first, "De Tocqueville", second, "Edwin Arnold",
               "Insufficiency of Remedies Currently Advocated", *chapter, "The Poems", "A short poem,\nin two lines.",
               "To a Historian", "You who celebrate bygones,\nWho have explored the outward.", *chapter,
               "Effect of Material Progress", first, "John Stuart Mill", verse, "Mrs. Browning", *chapter)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:epigraph/db:attribution") == ["De Tocqueville", "Edwin Arnold", "John Stuart Mill", "Mrs. Browning"]
    assert "To a Historian" in texts(tree, "//db:title")
    assert not {"De Tocqueville", "Edwin Arnold"} & set(texts(tree, "//db:title"))


def test_pdf_a_numeral_alone_on_its_page_with_a_line_under_it_is_a_division_title_page():
    """Books numbered 'II', 'III' amid their chapters' 'I', 'II': each on a page of its own, its line
    in sentence case under it (what the book holds), is a division with that line as its subtitle."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, "and it ends here.", "", line, line, "and it ends here.", ""]

    def chapter(numeral, title):
        return [f"\f{numeral}", title, *body]

    text = "\n".join([*chapter("I", "Of the Division of Labour"), *chapter("II", "Of the Origin of Money"),
                      *chapter("III", "Of the Price of Commodities"), *chapter("IV", "Of the Wages of Labour"),
                      "\fII", "Of the nature, accumulation, and employment of stock.", "", "\fIntroduction", *body,
                      *chapter("I", "Of the Division of Stock"), *chapter("II", "Of Money"), *chapter("III", "Of Interest"),
                      "\fIII", "Of the different progress of opulence in different", "nations.", "",
                      *chapter("I", "Of the Natural Progress of Opulence"), *chapter("II", "Of Agriculture")])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/@label") == ["I", "II", "III", "IV", "II", "I", "II", "III", "III", "I", "II"]
    assert texts(tree, "//db:chapter/db:subtitle") == [
        "Of the nature, accumulation, and employment of stock.", "Of the different progress of opulence in different nations."]


def test_pdf_a_books_title_opening_a_page_under_figures_left_as_text_is_a_heading():
    """Figures at a page's foot that make no table stay text; the next page's 'Book II' is under them
    only in reading order, and is the book's title, not a line of their table."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, "and it ends here.", "", line, line, "and it ends here.", ""]
    figures = ["The figures of the years are these.", "", "12", "6", "8", "", "10", "8", "4", ""]
    text = "\n".join(["\fBook I", "Of the causes of improvement.", "", "\fI", "Of the Division of Labour", *body,
                      *figures, "\fBook II", "Of the nature, accumulation, and employment of stock.", "",
                      "\fI", "Of the Division of Stock", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Book I", "Of the Division of Labour", "Book II", "Of the Division of Stock"]


def test_a_numeral_in_capitals_keeps_them_though_the_text_cites_it_in_lower_case():
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, "as said in chap. ii, and it ends here.", ""]
    text = "\n".join(["\fI", "Of the Division of Labour", *body, "\fII", "", line, *body,
                      "\fIII", "Of the Price of Commodities", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of the Division of Labour", "II", "Of the Price of Commodities"]


def test_web_a_count_of_sections_that_starts_again_only_after_it_ended_numbers_sections_not_chapters():
    # chapters titled only; the sections of two of them numbered '1.', '2.', … (no chapter numbered)
    para = "A paragraph of ordinary prose, long enough to read as one, and ending as sentences end. " * 3
    text = "\n\n".join(["The Harbour", para, "The Lamps", para, "1. Lamps of Oil", para, "2. Lamps of Gas", para,
                         "3. Lamps of Fire", para, "The Ships", para, "1. Ships of Oak", para, "2. Ships of Iron", para,
                         "3. Ships of Steel", para, "4. Ships of Glass", para])
    tree, _ = normalise_text(text, kind="web")
    assert not texts(tree, "//db:chapter/@label")
    assert texts(tree, "//db:section/@label") == ["1", "2", "3", "1", "2", "3", "4"]
    assert texts(tree, "//db:section[not(@label)]/db:title") == ["The Lamps", "The Ships"]  # a short first paragraph
    # under a section's title is no epigraph: the title after it is no source


def test_pdf_a_count_of_numerals_goes_on_past_parts_opened_inside_it_and_past_numbers_lost():
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, "and it ends here.", "", line, line, "and it ends here.", ""]

    def chapter(numeral, title, page=True):
        return [("\f" if page else "") + numeral, title, *body]

    # a second book's chapter III holds parts I and II; its chapters IV and V go on after them
    text = "\n".join([*chapter("I", "Of Labour"), *chapter("II", "Of Money"), *chapter("III", "Of Prices"),
                      *chapter("IV", "Of Wages"), *chapter("I", "Of the Principle of Trade"), *chapter("II", "Of Restraints"),
                      *chapter("III", "Of Other Restraints"), *chapter("I", "Of Their Unreasonableness", page=False),
                      *chapter("II", "Of Their Unreasonableness Again", page=False),
                      *chapter("IV", "Of Drawbacks"), *chapter("V", "Of Bounties")])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title | //db:section/db:title")[-3:] == [
        "Of Their Unreasonableness Again", "Of Drawbacks", "Of Bounties"]

    def sections(numbers):
        return [text for n in numbers for text in (str(n), *body)]

    # a poem's sections after a longer one's: the line numbered 5 lost with its page; the count starts again
    # only after it ended, so both poems' numbers are sections (of titles not numbered)
    text = "\n".join(["\fSong of the Open Road", *sections(range(1, 9)), "\fSong of the Broad-Axe", *sections([1, 2, 3, 4, 6, 7])])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/@label") == [*map(str, range(1, 9)), "1", "2", "3", "4", "6", "7"]
    assert texts(tree, "//db:chapter/db:title") == ["Song of the Open Road", "Song of the Broad-Axe"]

    # numbers alone that count nothing ('4.', '26.', '253.': a table's, a note's) number no headings
    text = "\n".join(["\fA Chapter", *body, "1", *body, "4.", *body, "26.", *body, "253.", *body, "349.", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/@label") == []


def test_pdf_a_column_head_over_figures_at_the_top_of_a_page_is_no_heading():
    # a table read down its columns (not rebuilt): a page opens with a column's head over its figures, which
    # stand one under the other as verse does, but verse has words
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line] * 8 + ["and it ends here.", ""]
    text = "\n".join(["\fThe Trade", *body, *body, "\fAmount: Million", "Dollars", "330.65", "187.75", "176.70", "",
                      "Share of the Whole", "Exports", "13.2", "7.5", "7.0", "", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title | //db:section/db:title") == ["The Trade"]


def test_a_subscript_digit_is_no_number_of_a_heading():
    # '₄' is a digit to str.isdigit, but int() refuses it: a fraction's part, not a chapter's number
    assert number_value("₄") is None and number_value("12") == (12, "arabic") and number_value("XII") == (12, "roman")


def test_a_numbers_ordinal_ending_is_no_word_of_a_title():
    assert is_title_case("My 71st Year") and is_title_case("The 18th Brumaire")
    assert not is_title_case("A 2nd try at the work") and not is_title_case("The year after")


def test_a_contents_entry_right_under_the_author_is_no_source_line():
    text = web("The Title", "A. Writer", "Editor’s Preface", "1. First Things", "2. Second Things",
               "Editor’s Preface", P, "1. First Things", P, "2. Second Things", P)
    tree, _ = normalise_text(text, kind="web", division="book")
    assert texts(tree, "/db:book/*[not(self::db:info)]/db:title") == ["Editor’s Preface", "First Things", "Second Things"]
    assert texts(tree, "//db:info/db:bibliosource") == []


@pytest.mark.parametrize("call", ["1", "[1]", " (1)"])
def test_a_heading_with_a_note_call_glued_to_it_is_still_the_contents_entry(call):
    text = web("The Title", "Contents", "Book I", "Of the Nature of Money", "Of the Origin of Trade",
               "Book I", "The argument of the first book, in one sentence, as the editions print it.",
               f"Of the Nature of Money{call}", P, "Of the Origin of Trade", P)
    tree, state = normalise_text(text, kind="web", division="book")
    assert texts(tree, "//db:chapter/db:title")[::2] == ["Book I", "Of the Origin of Trade"]
    assert texts(tree, "//db:chapter/db:title")[1].startswith("Of the Nature of Money")
    assert "flag.contents-missing" not in codes(state)


@pytest.mark.parametrize("sentences", [6, 9])
def test_a_title_under_an_epigraphs_source_is_a_division_like_the_title_over_the_epigraph(sentences):
    """A division's title and its epigraph over the next division's title, each with a line lost before it
    (a numeral): the source is no title, so the title under it is no first section of a chapter. A source
    may name its author, then a long title after a comma; its quotation may then be long (135 words)."""
    epigraph = " ".join(["The first systems are always the most complex, and a connecting principle unites them."] * sentences)
    source = "Adam Writer, Essay on the Principles which Lead and Direct Inquiries, as Illustrated by the History of Optics"
    chapter = [P] * 400
    text = web("The Title", *chapter, "", "The Laws of Distribution", epigraph, source, "",
               "The Inquiry Narrowed to the Laws of Distribution", *chapter, "", "The Remedy", epigraph[:200],
               "John Writer", "", "Insufficiency of Remedies", *chapter).replace("\n\n\n\n", "\n\n\n")
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:chapter/db:title")[-4:] == ["The Laws of Distribution", "The Inquiry Narrowed to the Laws of Distribution",
                                                        "The Remedy", "Insufficiency of Remedies"]
    assert texts(tree, "//db:epigraph/db:attribution") == [source, "John Writer"]


def test_web_a_title_after_the_last_numbered_chapter_is_a_division_and_the_end_mark_no_heading():
    """Numbered chapters no title divides, then an afterword's title, its text, 'The End' and the site's
    trailer: the afterword is a division, not a section of the last chapter; 'The End' closes the book
    as a line of its text (no heading, no epigraph's source)."""
    chapter = [P] * 30
    text = web("A Book of Days", *[line for n, title in (("I", "Of the Dawn"), ("II", "Of the Noon"), ("III", "Of the Night"))
                                   for line in (f"Chapter {n}", title, *chapter)],
               "The Afterword", P, "The End", "Leave a comment", "© 2021 The Online Library. All rights reserved.")
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:chapter/db:title") == ["Of the Dawn", "Of the Noon", "Of the Night", "The Afterword"]
    assert not texts(tree, "//db:section/db:title") and not texts(tree, "//db:epigraph")
    assert texts(tree, "//db:chapter[last()]/db:para")[-3] == "The End"
    # with no end mark, the afterword's short text and the trailer's lines are no epigraphs either
    tree, _ = normalise_text(text.replace("The End", "Related articles"), kind="web")
    assert not texts(tree, "//db:epigraph")


def test_a_sections_title_over_the_first_of_a_series_of_titles_holds_the_series():
    """Under a section's title at once: 'First Period' is no subtitle when 'Second Period' stands later;
    the periods are the section's own sections, up to a title out of the series. A title over a title
    alike in none of the later titles is still its subtitle."""
    text = web("The Title", "Chapter I", "Of Wages", P, P, "Of Silver", P, "A Digression on Silver", "First Period", P, P,
               "Second Period", P, "Third Period", P, "Conclusion of the Digression", P,
               "Chapter II", "Of Rent", P, P, "Of Rent in Towns", "With an Account of Their Markets", P, "Of Mines", P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:section[db:title='A Digression on Silver']/db:section/db:title") == [
        "First Period", "Second Period", "Third Period"]
    assert "Conclusion of the Digression" in texts(tree, "//db:chapter/db:section/db:title")
    assert texts(tree, "//db:section/db:subtitle") == ["With an Account of Their Markets"]


def test_pdf_a_running_head_over_a_numbered_title_wrapped_under_it_goes():
    """A chapter's page opens with its running head, the chapter's title in full, over the title as
    the chapter sets it: numbered and wrapped ('II. Of the Principle Which Gives Occasion to the Division
    of' / 'Labour'). The head goes, logged; the title stays."""
    body = [LONG, LONG, "and it ends here.", ""]
    pages = [["\fI. Of the Division of Labour", *body],
             ["\fOf the Principle Which Gives Occasion to the Division of Labour", "",
              "II. Of the Principle Which Gives Occasion to the Division of", "Labour", *body]]
    state = apply_rules("\n".join(line for page in pages for line in page), ["page-breaks", "paragraphs", "structure"],
                        kind="pdf")
    assert [d.text for d in state.diagnostics.items if d.code == "furniture.running-head"] == [
        "Of the Principle Which Gives Occasion to the Division of Labour"]


def test_pdf_a_title_wrapped_over_three_lines_stopping_on_a_little_word_at_its_second_over_a_line_set_a_word_a_line():
    """Under its label, a chapter's title wraps over three lines, only the second stopping on a little
    word ('of the'); the text under it opens on a justified line the extraction set a word a line. The
    third line ('Coast') ends the title, not the run of words."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here.", ""]
    text = "\n".join(["CHAPTER I", "Of Lamps", *body * 3, "CHAPTER II", "How the Keepers of the Lamps",
                      "Contributed to the Lighting of the", "Coast", "The", "increase", "and", "the", "riches",
                      "of the keepers of the lamps, shining on and on", *[line] * 6, "and it ends here.", ""])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == [
        "Of Lamps", "How the Keepers of the Lamps Contributed to the Lighting of the Coast"]
    assert texts(tree, "//db:chapter[2]/db:para")[0].startswith("The increase and the riches of the keepers")


def test_pdf_a_title_wrapped_over_three_lines_over_its_first_sections_title_is_whole():
    """A title stopping on 'the' wraps over three lines, and its first section's title stands under
    it: the text past them both follows the title, and its last line ('Last Centuries') is its own,
    not a section between them."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here.", ""]
    text = "\n".join(["Chapter One", "Of Lamps", *body * 3,
                      "Digression Concerning the Lamps of the", "Harbours During the Course of the Four",
                      "Last Centuries", "First Period", *body, "Second Period", *body])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:section/db:title") == [
        "Digression Concerning the Lamps of the Harbours During the Course of the Four Last Centuries",
        "First Period", "Second Period"]
    assert all(p.startswith("It has been shown") for p in texts(tree, "//db:para"))


def test_web_a_poem_quoted_in_a_chapters_prose_keeps_its_title_as_no_heading():
    """A titled poem between two paragraphs of a prose chapter is quoted there: its title is the
    poem's (a bridgehead, shown over the verse), no section; in a book of poems it heads one."""
    from bookbuild.render.pdf import print_html
    stanza = "Come, lamps and towers, hear me tell\nHow harbour lights guide Jack and Nell,\nAnd ships come home as well."
    text = web("The Title", "Chapter 1", "The Harbour", *[P] * 6, "Chapter 2", "The Lights", P, P,
               "A Song of Lamps", stanza, stanza, P, P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:section/db:title") == []
    assert texts(tree, "//db:bridgehead[@otherrenderas='poem-title']") == ["A Song of Lamps"]
    assert '<p class="poem-title">A Song of Lamps</p>' in print_html(tree, make_config())
    poems = web("The Title", "Chapter 1", "The Harbour", "A Song of Lamps", stanza, stanza, stanza,
                "A Song of Ships", stanza, stanza, stanza, P, "A Song of Towers", stanza, stanza, P)
    tree, _ = normalise_text(poems, kind="web")
    assert texts(tree, "//db:section/db:title") == ["A Song of Lamps", "A Song of Ships", "A Song of Towers"]


def test_pdf_a_poem_quoted_in_a_chapters_prose_keeps_its_title_as_no_heading():
    """In print the poem's lines stand one under the other, each a line of its own, and its last line
    runs straight into the prose after it: the title over them is the poem's, no section."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, "and it ends here.", "", line, line, "and it ends here.", ""]
    verse = ["    “Come, lamps and towers, hear me tell", "    How harbour lights guide Jack and Nell,",
             "    And ships come home as well,", "    And sing of heavenly union.", "    “They shine and blink so bright,",
             "    And guide the ships and all the boats,", "    And sing of heavenly union.”"]
    text = "\n".join(["\fI", "Of the Harbour", *body, "\fII", "Of the Lights", *body,
                      "These are the lines I copy here, as a northern writer set them down long ago.", "",
                      "    A Song of Lamps", *verse, "Sincerely hoping that this little book may throw some light",
                      "on the harbour, I end it here.", ""])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of the Harbour", "Of the Lights"]
    assert not texts(tree, "//db:section/db:title")
    assert texts(tree, "//db:bridgehead[@otherrenderas='poem-title']") == ["A Song of Lamps"]


def test_one_numbering_over_parts_and_their_chapters_makes_both_divisions_and_over_chapters_and_their_sections_not():
    def book(unit_paragraphs: int) -> str:
        long_paragraph = " ".join([P] * 12)  # some 190 words
        blocks = ["Test Book", P]
        for part, title in (("I", "Wages and Capital"), ("II", "Population and Subsistence"), ("III", "The Laws")):
            blocks += [f"{part}. {title}", P]
            for chapter, inner in (("I", "The Current Doctrine"), ("II", "The Meaning of the Terms"), ("III", "Its Uses")):
                blocks += [f"{chapter}. {inner} of {title}", *[long_paragraph] * unit_paragraphs]
        return web(*blocks)

    tree, _ = normalise_text(book(unit_paragraphs=9))  # chapters of 1,700 words
    assert "The Current Doctrine of The Laws" in texts(tree, "//db:chapter/db:title")
    assert texts(tree, "//db:section/db:title") == []
    tree, _ = normalise_text(book(unit_paragraphs=2))  # sections of 380 words
    assert texts(tree, "//db:chapter/db:title") == ["Wages and Capital", "Population and Subsistence", "The Laws"]
    assert len(texts(tree, "//db:section/db:title")) == 9


def test_pdf_a_numbered_section_opening_a_page_under_labelled_chapters_stays_a_section():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    chapter = lambda n, title: [f"\fChapter {n}", title, *prose, "and it ends here.", "", "I", "Of the First Matter", *prose,
                                "and it ends here.", "", "\fII", "Of the Second Matter", *prose, "and it ends here.", ""]
    text = "\n".join([*chapter("One", "Of Wages"), *chapter("Two", "Of Rent"), *chapter("Three", "Of Profit")])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Wages", "Of Rent", "Of Profit"]
    assert texts(tree, "//db:section/db:title") == ["Of the First Matter", "Of the Second Matter"] * 3


def test_pdf_sections_counting_in_each_chapter_where_a_lost_page_took_the_first_chapters_opening():
    """The print-out lost the page holding a chapter's heading and its first section's 'I': its count
    of sections opens on 'II', the first of the family. The later chapters' counts restarting at 'I'
    tell that the numbers are sections; the 'II' is one of them."""
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    chapter = lambda n, title: [f"\fChapter {n}", title, *prose, "and it ends here.", "", "I", "Of the First Matter", *prose,
                                "and it ends here.", "", "\fII", "Of the Second Matter", *prose, "and it ends here.", ""]
    text = "\n".join([*prose, "and it ends here.", "", "\fII", "Of the Second Matter", *prose, "and it ends here.", "",
                      *chapter("Two", "Of Rent"), *chapter("Three", "Of Profit")])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Rent", "Of Profit"]
    assert texts(tree, "//db:section/db:title") == ["Of the Second Matter", *["Of the First Matter", "Of the Second Matter"] * 2]


def test_pdf_titles_wrapped_before_a_little_word_or_a_dash_are_one_title_and_a_page_top_title_is_no_subtitle():
    prose = ["A line of prose that runs on to the full width of a page, on"] * 6
    text = "\n".join(["\fOf Wages", *prose, "and it ends here.", "", "A quotation that closes the chapter here.", "",
                      "John Stuart Mill", "",
                      "\fInsufficiency of Remedies Currently", "Advocated", *prose, "and it ends here.", "",
                      "\fOf the Changes That Would Be Wrought", "in Social Organization and Social Life", *prose,
                      "and it ends here.", "", "\fThe Current Theory of Human Lamps", "—Its Insufficiency", *prose,
                      "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    titles = texts(tree, "//db:chapter/db:title")
    assert titles[-3:] == ["Insufficiency of Remedies Currently Advocated",
                           "Of the Changes That Would Be Wrought in Social Organization and Social Life",
                           "The Current Theory of Human Lamps—Its Insufficiency"]
    assert texts(tree, "//db:subtitle") == []


def test_web_a_label_over_lost_lines_takes_no_title_from_under_them():
    chapter = lambda n, under: [f"CHAPTER {n}", *under, P, P]
    text = web("Test Book", P, *chapter("I", ["Europe Before the War"]), *chapter("II", ["The Conference"]),
               *chapter("III", ["", "Undertakings Given Prior to the Peace"]))  # its title of one word lost
    tree, state = normalise_text(text)
    assert texts(tree, "//db:chapter/db:title") == ["Europe Before the War", "The Conference", "Chapter III"]
    assert texts(tree, "//db:chapter[3]/db:section/db:title") == ["Undertakings Given Prior to the Peace"]


def test_pdf_a_chapters_label_and_number_in_other_numerals_where_the_chapters_have_it_is_no_chapter():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    chapter = lambda n, title: [f"\fChapter {n}", title, *prose, "and it ends here.", ""]
    text = "\n".join([*chapter("One", "Of Wages"), *chapter("Two", "Of Rent"), *prose[:3], "and it was furi-",
                      "Chapter II", "", "ous, and burnt with rage.", "", *chapter("Three", "Of Profit")])
    tree, state = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Wages", "Of Rent", "Of Profit"]
    assert "Chapter II" in texts(tree, "//db:para")
    assert "flag.repeated-heading" in codes(state)


def test_web_a_line_in_sentence_case_over_lost_lines_is_no_heading():
    text = web("Test Book", "A. Writer", "Skip to main content", "", "", P, P, "Letter from Wendell Phillips, Esq.", P, P)
    tree, state = normalise_text(text)
    assert texts(tree, "//db:title")[1:] == ["Letter from Wendell Phillips, Esq."]
    assert "Skip to main content" in texts(tree, "//db:para")
    assert "flag.possible-heading" in codes(state)


def test_pdf_a_one_word_poem_title_over_a_line_of_its_own_or_over_its_first_sections_number():
    """'Answer' over a stanza of one long line (wrapped), and 'Faces' over its first section's number
    '1': poems' titles. 'Afterwards' over two sentences of prose stays text (see above)."""
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    text = "\n".join([*prose, "and it ends here.", "", "Answer",
                      "That you are here—that life exists and identity, that the powerful play goes on, and you",
                      "may contribute a verse.", "", "The question, O me! so sad, recurring—what good amid these?",
                      "", *prose, "and it ends here.", "", "Faces", "1",
                      "Sauntering the pavement or riding the country byroad, lo, such faces!",
                      "Faces of friendship, precision, caution, suavity, ideality,", "", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    titles = texts(tree, "//db:section/db:title | //db:chapter/db:title")
    assert titles == ["Answer", "Faces"]


def test_pdf_layout_a_source_set_against_the_right_margin_over_a_verse_epigraph_is_no_title():
    """-layout keeps the page's indentation: an epigraph's source set far right ('John Stuart Mill'),
    then a second epigraph in verse, is the first epigraph's source, not a poem's title; the
    chapter's centred title is a title."""
    prose = ["       A line of prose that runs on to the full width of the page and on, here and"] * 8
    text = "\n".join([*prose, "       and it ends here.", "", "\f                    Of the Lamps Along the Coast",
                      "       Hitherto, it is questionable if all the lamps yet made",
                      "       have lightened the night of any keeper.", "",
                      "                                                                  John Stuart Mill", "",
                      "       Do ye hear the keepers calling, O my brothers,", "       Ere the sorrow comes with years?",
                      "       They are leaning their young heads against the lamps,", "", *prose, "       and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    titles = texts(tree, "//db:title")
    assert "Of the Lamps Along the Coast" in titles and "John Stuart Mill" not in titles
    assert "John Stuart Mill" in " ".join(texts(tree, "//db:para | //db:attribution"))


def test_pdf_a_title_opening_the_page_after_a_parts_summary_is_no_epigraphs_source():
    """A part's heading over a short summary paragraph, then, on the next page, its first chapter's
    title over the text: the title is set apart from the summary by the page break, so it is no
    source under an epigraph."""
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    text = "\n".join(["\fPart I", "Of the lamps of the coast, and of the order in which the keepers", "tend them.", "",
                      "\fOf the Keeping of the Lamps", *prose, "and it ends here.", "",
                      "\fOf the Towers Along the Shore", *prose, "and it ends here."])
    tree, _ = normalise_text(text, kind="pdf")
    assert "Of the Keeping of the Lamps" in texts(tree, "//db:title")
    assert not texts(tree, "//db:epigraph")


def test_web_an_epigraphs_source_naming_a_work_in_common_words_is_no_chapter_under_a_title_found_with_it():
    """Chapters headed by their titles alone: a chapter's title, a verse epigraph, and its source ('The
    Song of the Sea', words the book uses in lower case). The title and the source are found in one
    pass; the source under the epigraph under the chapter's title is the epigraph's, as it is where
    the chapter's heading was found before it."""
    prose = ("The sea was calm, and the song of the sea came up to us on the cliff as we walked along the "
             "path in the evening light, and we stopped to listen to it for a while before going on. ") * 2
    verse = "I am the voice of the waters,\nAnd the light on the water's face,\nI sing of the deep and the shallows,\nAnd of every shore and place."
    text = web("A Book of the Coast", prose, "Of the Harbour", *[prose] * 60, "Of the Lighthouse", verse,
               "The Song of the Sea", *[prose] * 60, "Of the Boats", *[prose] * 60)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:chapter/db:title") == ["Of the Harbour", "Of the Lighthouse", "Of the Boats"]
    assert texts(tree, "//db:epigraph/db:attribution") == ["The Song of the Sea"]


def test_web_a_parts_first_chapter_under_the_parts_argument_is_no_epigraphs_source_in_the_books_title_form():
    """A part's title, its argument (one sentence), then its first chapter's title: under a heading, a
    sentence and a short line read as an epigraph and its source, but the line opens as the book's
    other titles do ('Of the …'): it is the chapter's title."""
    prose = ("The sea was calm, and the song of the sea came up to us on the cliff as we walked along the "
             "path in the evening light, and we stopped to listen to it for a while before going on. ") * 2
    text = web("A Book of the Coast", prose, "Book I", "Of the harbours of the coast, and of the lights that guard them.",
               "Of the Harbour", *[prose] * 60, "Of the Lighthouse", *[prose] * 60,
               "Book II", "Of the ships that sail from the harbours, and of their crews.", "Of the Boats", *[prose] * 60,
               "Of the Fishing Fleet", *[prose] * 60)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:chapter/db:title") == ["Book I", "Of the Harbour", "Of the Lighthouse", "Book II", "Of the Boats",
                                                    "Of the Fishing Fleet"]
    assert not tree.xpath("//db:epigraph", namespaces=NS)


def test_pdf_a_chapters_roman_number_opening_a_page_is_no_part_of_the_paragraph_a_full_line_left_open():
    """The page before stops on a full line that closes no sentence (a citation: '…, London, 1859'); the
    next page opens on a chapter's number alone over its title. The number opens the chapter; it does
    not carry the paragraph on."""
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 6
    chapter = lambda n, title, last: [f"\f{n}", title, *prose, last, ""]
    text = "\n".join([*chapter("I", "Of Rent", "and it ends here."),
                      *chapter("II", "Of Wages", "the full width of the printed page, The Strength of Nations, London, 1859"),
                      *chapter("III", "Of Land", "and it ends here."), *chapter("IV", "Of Labour", "and it ends here.")])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title") == ["Of Rent", "Of Wages", "Of Land", "Of Labour"]
    assert texts(tree, "//db:chapter/@label") == ["I", "II", "III", "IV"]


def test_web_a_lone_line_under_a_poems_title_over_its_verse_is_its_subtitle_not_a_section():
    """A poem set as a chapter, a line under its title over the verse that dates it (or counts its
    occasion): the poem's subtitle. A part's title over its first poem's (no date), lines that head parts of a poem (more
    than one) and a line over a chapter's prose stay headings."""
    verse = "Across the moor the long wind runs,\nAnd bends the heather low,\nAnd calls the gulls from off the sea,\n" \
            "Where the grey waters go."
    text = web("Poems", "I. A Song at Sea", "Written off the Cape, 1871", verse, "II. By the Shore", "A Song of Gulls", verse,
               "III. A Long Song", "The First Part", verse, "The Second Part", verse,
               "IV. A Letter in Prose", "The Only Period, 1871", P, P,
               "V. To the States", "To Mark the 16th, 17th, or 18th Term", verse)  # an ordinal counts the occasion
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:chapter/db:subtitle") == ["Written off the Cape, 1871", "To Mark the 16th, 17th, or 18th Term"]
    assert texts(tree, "//db:section/db:title") == ["A Song of Gulls", "The First Part", "The Second Part",
                                                    "The Only Period, 1871"]



def test_web_a_title_before_the_first_numbered_chapter_is_a_division_of_its_own():
    """In a book of numbered chapters a titled line is a section, but before the first chapter there
    is no chapter for it to divide: 'The Forethought' over its text is a division of its own."""
    text = web("The Title", "A. Writer", "To Burghardt and Yolande\nthe Lost and the Found", "The Forethought", P, P,
               "Chapter One", "Of Things", P, P, "A Part of Things", P, "Chapter Two", "Of Others", P, P)
    tree, _ = normalise_text(text, kind="web")
    assert texts(tree, "//db:chapter/db:title") == ["The Forethought", "Of Things", "Of Others"]
    assert texts(tree, "//db:section/db:title") == ["A Part of Things"]


def test_pdf_parts_and_chapters_numbered_alike_each_printed_on_its_own_pages():
    """'II' after chapter I goes on its count as a part's 'II' would; every division opens a page, so
    opening one tells nothing: the part is the 'II' that opens a count ('I' follows it)."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    body = [line, line, line, "and it ends here, at the end of the division.", ""]
    part = lambda numeral, title: [f"\f{numeral}", title, "Are God and Nature then at strife,",
                                   "That Nature lends such evil dreams?", "Tennyson", ""]
    chapter = lambda numeral, title: [f"\f{numeral}", title, *body]
    text = "\n".join([*part("I", "The First Part"), *chapter("I", "Of Wages"), *chapter("II", "Of Capital"),
                      *part("II", "The Second Part"), *chapter("I", "Of Rent"), *chapter("II", "Of Interest"),
                      *chapter("III", "Of Profits"), *part("III", "The Third Part"), *chapter("I", "Of Land")])
    tree, _ = normalise_text(text, kind="pdf")
    titles = texts(tree, "//db:part/db:title | //db:chapter/db:title")
    assert titles == ["The First Part", "Of Wages", "Of Capital", "The Second Part", "Of Rent", "Of Interest",
                      "Of Profits", "The Third Part", "Of Land"]
    assert texts(tree, "//db:section/db:title") == []


def test_web_a_title_with_a_particle_of_another_language_over_lost_lines_is_a_heading():
    """'Salut au Monde!' is in Title Case ('au' as 'of' is): a title over the lines a dump lost, not a
    line in sentence case standing over the heading they took."""
    verse = "O take my hand Walt Whitman!\nSuch gliding wonders! such sights and sounds!\n" \
            "Such join’d unended links, each hook’d to the next."
    text = web("Leaves", "A First Poem", verse, "Salut au Monde!", "", verse, "The Last Poem", verse)
    tree, _ = normalise_text(text, kind="web")
    assert "Salut au Monde!" in texts(tree, "//db:title")


def test_pdf_a_columns_head_over_its_figures_is_no_heading():
    """A table's column head left as text ('Percentage of / Total Exports') over its figures, read down."""
    text = "\n".join([LONG, LONG, "and the paragraph ends here.", "", "Percentage of", "Total Exports", "", "151.75", "",
                      "5.6", "", LONG, LONG, "and the text goes on after the figures to the end.", "", "Of Trade",
                      "(Written for a friend’s eightieth birthday, December 17,", "1887)", LONG,
                      "and a section opens here.", ""])
    tree, _ = normalise_text(text, kind="pdf")
    assert "Percentage of Total Exports" not in texts(tree, "//db:title")
    assert "Of Trade" in texts(tree, "//db:title")  # a year in its subtitle's brackets is no figure


@pytest.mark.parametrize("numeral", ["{}", "CHAPTER {}"])
def test_pdf_a_chapter_the_numbering_skips_over_a_lost_page_gets_its_number_back(numeral):
    """The running heads name only the book; folios count the pages. Chapter III's opening page is
    lost: the chapters run II, then IV, and the folios skip a page between them. III comes back,
    numbered as the others, flagged, where its text goes on after the lost page. Numbers skipped
    with no page lost, or a page lost inside a chapter, restore nothing."""
    line = "a line of prose running on to the full width of the printed page, and on it goes"
    folio = iter(range(1, 100))

    def page(title: str | None = None) -> list[str]:
        return ["Some Book", "", *([title] if title else []), *[line] * 30, "and it ends here.", "", str(next(folio)), "", ""]

    numerals = ["I", "II", "III", "IV"]
    pages = [p for n in numerals for p in (page(numeral.format(n)), page(), page())]
    del pages[6]  # chapter III's opening
    tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
    assert tree.xpath("//db:chapter/@label", namespaces=NS) == numerals
    assert texts(tree, "//db:chapter[db:title[@revisionflag='added']]/@label") == ["III"]
    assert "restore.title-from-numbering" in codes(state) and codes(state).count("flag.lost-page") == 1
    assert "".join(tree.xpath("//db:chapter[@label='III']", namespaces=NS)[0].itertext()).count("it ends here") == 2
    for lost, skipped in ((None, "III"), (4, None)):
        folio = iter(range(1, 100))
        pages = [p for n in numerals if n != skipped for p in (page(numeral.format(n)), page(), page())]
        if lost:
            del pages[lost]  # inside chapter II
        tree, state = normalise_text("\n".join(line for p in pages for line in p), kind="pdf")
        assert "restore.title-from-numbering" not in codes(state)
        assert not tree.xpath("//db:title[@revisionflag='added']", namespaces=NS)


def test_pdf_a_title_wrapped_over_four_lines_whose_first_stops_on_a_word_titles_end_with_is_the_chapters():
    """On a narrow page a chapter's title wraps over four lines; its first stops on a word a title may
    end with ('Particular'), its second on 'the': the text under the four lines follows the title, so
    the chapter opens there."""
    line = "the light of the lamps along the coast, shining on and on"
    body = ["It has been shown that the light of the lamps upon the", *[line] * 6, "and it ends here.", ""]
    text = "\n".join(["Of Lamps", "", *body * 3, "", "Of Lamps Considered as a Particular", "Branch of the Common Stock of the",
                      "Harbour, or of the Expense of", "Maintaining the Northern Coast", *body * 3,
                      "", "Of Towers", "", *body * 3])
    tree, _ = normalise_text(text, kind="pdf")
    assert texts(tree, "//db:chapter/db:title | //db:section/db:title") == [
        "Of Lamps", "Of Lamps Considered as a Particular Branch of the Common Stock of the Harbour, or of the "
        "Expense of Maintaining the Northern Coast", "Of Towers"]


def test_a_paragraph_cut_off_before_a_division_is_flagged_and_in_print_at_a_pages_foot_a_lost_page():
    """A paragraph stopping on a word in lower case or a word's hyphen right before a new chapter lost
    its end. In print, stopping at a page's foot, a page is lost (chapters printed each alone: no
    folio counts across them). A paragraph closing on a call, a name or a title stops where it should."""
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 4

    def book(last: str, kind: str) -> list:
        if kind == "pdf":
            text = "\n".join(["Chapter I", "Of Wages", *prose, last, "", "\fChapter II", "Of Rent", *prose, "and it ends here.",
                              "", "\fChapter III", "Of Profit", *prose, "and it ends here."])
        else:
            text = web("Chapter I", "Of Wages", P, f"{P} And {last}", "Chapter II", "Of Rent", P, P, "Chapter III", "Of Profit", P)
        _, state = normalise_text(text, kind=kind)
        return [(d.code, d.line) for d in state.diagnostics.items if d.code in ("flag.truncated", "flag.lost-page")]

    assert book("which followed the re\u2010", "pdf") == [("flag.lost-page", 7)]
    assert book("and that is why it was", "web") == [("flag.truncated", 7)]  # (in a web dump, a block a line)
    for last in ("and it ends with a call.12", "Of the Fire Within", "John Milton", "Paradise Lost, X, 743"):
        assert book(last, "pdf") == [] and book(last, "web") == []


def test_a_paragraph_cut_off_where_the_folios_report_the_page_lost_is_reported_once():
    prose = ["A line of prose that runs on to the full width of the printed page, and on it goes here, on"] * 20
    pages = {1: ["Chapter I", "Of Wages", *prose, "and it ends here."], 2: [*prose, "which followed the re\u2010"],
             4: ["Chapter II", "Of Rent", *prose, "and it ends here."], 5: [*prose, "and it ends here."],
             6: ["Chapter III", "Of Profit", *prose, "and it ends here."], 7: [*prose, "and it ends here."]}
    text = "\n".join(line for n, page in pages.items() for line in [*page, "", str(n), "", ""])
    _, state = normalise_text(text, kind="pdf")
    assert [d.text for d in state.diagnostics.items if d.code in ("flag.lost-page", "flag.truncated")] == \
        ["1 page(s) between pages 2 and 4 (the page numbers skip them)"]
