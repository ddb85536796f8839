"""End-to-end on the five real manuscripts, each built once per session (see conftest.built_books)."""

import re

import pytest

from bookbuild.model.validate import validate_docbook
from bookbuild.proof.accounting import account
from bookbuild.diagnostics import Diagnostics, Diagnostic
from conftest import NS, SLUGS, texts

pytestmark = pytest.mark.slow

RUSSIA = "russia-revolution-counter-revolution"
BETRAYED = "revolution-betrayed"
STAGNATION = "period-of-stagnation"


@pytest.mark.parametrize("slug", SLUGS)
def test_valid_docbook_by_jing(built_books, slug):
    assert validate_docbook(built_books[slug].xml_path) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_word_is_in_the_book_or_the_report(built_books, slug):
    book = built_books[slug]
    diagnostics = Diagnostics([Diagnostic(item["code"], item.get("line"), item.get("text", ""),
                                          count=item.get("count")) for item in book.report["items"]])
    accounting = account(book.source_text, book.tree, diagnostics)
    assert dict(accounting.missing) == {}, "words of the source in neither the book nor the report"
    assert dict(accounting.added) == {}, "words in the book that the source does not have"
    assert book.report["accounting"]["missing"] == {} and book.report["accounting"]["added"] == {}


def test_the_accounting_would_notice_a_dropped_word(built_books):
    book = built_books["back-in-the-ussr"]
    para = book.tree.xpath("//db:para[contains(text(), 'Moscow')]", namespaces=NS)[0]
    original = para.text
    para.text = original.replace("Moscow", "", 1)
    try:
        accounting = account(book.source_text, book.tree, Diagnostics())
        assert accounting.missing == {"moscow": 1}
    finally:
        para.text = original


RUSSIA_DIVISIONS = [
    ("preface", None, "Preface to the 2017 edition"), ("preface", None, "Introduction"),
    ("chapter", "1", "The Balance Sheet of October"), ("chapter", "2", "The Rise of Stalinism"),
    ("chapter", "3", "From Five-Year Plan to the Purges"), ("chapter", "4", "The Nature of Stalinism"),
    ("chapter", "5", "From War to ‘De-Stalinisation’"), ("chapter", "6", "The Period of Stagnation"),
    ("chapter", "7", "The Meaning of Perestroika"), ("chapter", "8", "From Foreign Policy to the National Question")]

RUSSIA_SECTIONS = {
    "Preface to the 2017 edition": ["About the present work", "The question of the class nature of Russia",
                                    "What the book contains"],
    "Introduction": ["Fear of revolution", "What the Revolution achieved", "Unprecedented advance",
                     "Women and the October Revolution", "Why the Soviet Union collapsed", "Trotsky’s analysis",
                     "Caricature of socialism"],
    "The Balance Sheet of October": [
        "The advances of the planned economy", "Was the October Revolution a coup?", "Permanent mobilisation",
        "Party and class", "All power to the soviets!", "The myth of the Constituent Assembly",
        "The peasantry and the soviets", "Naked reaction", "Lenin’s internationalism", "The price of isolation",
        "Unprecedented collapse", "The New Economic Policy"],
    "The Rise of Stalinism": [
        "The Marxist theory of the state", "The semi-state", "The old state machine", "Roots of bureaucracy",
        "Lenin’s struggle against Stalin", "The bureaucratic reaction", "The United Opposition",
        "Why didn’t Trotsky take power?", "The role of the individual"],
    "From Five-Year Plan to the Purges": [
        "Forced collectivisation", "Economic zig-zags", "Increased social divisions", "Soviet foreign policy",
        "German Revolution 1923", "Socialism in one country", "The Third Period", "The victory of Hitler",
        "Popular Frontism", "The Spanish Revolution", "The Purge trials", "Old Bolsheviks exterminated",
        "Families wiped out", "The slaughter of the general staff", "The mark of Cain", "The end of the Comintern"],
    "The Nature of Stalinism": [
        "The controversy over the class character of the USSR", "The transitional state after October",
        "Thermidor and Bonapartism", "What is Bonapartism?", "Stalinism: a form of Bonapartism",
        "‘Bureaucratic collectivism’?", "Trotsky on ‘state capitalism’", "‘A trade union in power’",
        "The theory of ‘state capitalism’ today"],
    "From War to ‘De-Stalinisation’": [
        "Once again: The advantages of the planned economy", "Consequences of the Purges", "‘For the archives’",
        "The tide turns", "Stalin’s manoeuvres", "Eastern Europe after the war", "Victory in China",
        "From Stalin to Khrushchev", "Stalin’s last purge", "Soviet imperialism?", "The Hungarian Revolution",
        "The Novocherkassk uprising"],
    "The Period of Stagnation": [
        "The fall of Khrushchev", "The Soviet Union lags behind", "Technological advance",
        "Agriculture – the Achilles’ heel", "Living standards in the 1970s", "The problem of quality",
        "The state under Brezhnev", "Art and science", "Trials of writers"],
    "The Meaning of Perestroika": [
        "An absolute fetter", "Gorbachev and Stalin", "Bureaucratic mismanagement", "A parasitic caste",
        "Ferment of discontent", "A gigantic zero", "Yeltsin’s demagogy", "Illusions in Gorbachev"],
    "From Foreign Policy to the National Question": ["Arms expenditure", "‘Peaceful coexistence’"],
}


def divisions(tree):
    return [d for d in tree if d.tag.split("}")[1] in ("preface", "chapter", "appendix")]


def test_russia_every_division_and_section_found_and_nothing_else(built_books):
    tree = built_books[RUSSIA].tree
    found = [(d.tag.split("}")[1], d.get("label"), d.findtext("{*}title")) for d in divisions(tree)]
    assert found == RUSSIA_DIVISIONS
    for division in divisions(tree):
        title = division.findtext("{*}title")
        assert [s.findtext("{*}title") for s in division.findall("{*}section")] == RUSSIA_SECTIONS[title], title


def test_russia_introduction_restored_from_the_contents_and_marked(built_books):
    tree = built_books[RUSSIA].tree
    intro = divisions(tree)[1]
    assert intro.find("{*}title").get("revisionflag") == "added"
    assert texts(intro, "db:para[@role='byline']") == ["by Alan Woods"]
    report = built_books[RUSSIA].report["items"]
    assert any(i["code"] == "restore.heading" and i["text"] == "Introduction" for i in report)
    assert any(i["code"] == "flag.contents-missing" and i["text"].startswith("Afterword") for i in report)


def test_russia_front_matter(built_books):
    tree = built_books[RUSSIA].tree
    assert len(texts(tree, "/db:book/db:info/db:abstract/db:para")) == 4
    assert texts(tree, "//db:para[@role='dateline']") == ["London 7th January 2017"]
    assert texts(tree, "//db:epigraph/db:attribution") == ["Alfred Tennyson"]
    assert "Table of Contents" not in " ".join(tree.itertext())


BETRAYED_CHAPTERS = [
    ("preface", None, "Introduction", False), ("chapter", None, "Postscript", False),
    ("chapter", "1", "What has been achieved", False),
    ("chapter", "2", "Economic growth and the zigzags of the leadership", False),
    ("chapter", "3", "Socialism and the state", False), ("chapter", "4", "The struggle for productivity of labor", False),
    ("chapter", "5", "Chapter 5", True), ("chapter", "6", "The growth of inequality and social antagonisms", False),
    ("chapter", "7", "Family, youth and culture", False), ("chapter", "8", "Chapter 8", True),
    ("chapter", "9", "Social relations in the Soviet Union", False),
    ("chapter", "10", "The Soviet Union in the mirror of the new constitution", False),
    ("chapter", "11", "Whither the Soviet Union?", False), ("appendix", None, "“Socialism in one country”", False)]

BETRAYED_SECTION_NUMBERS = {"1": "123", "2": "12", "3": "12345", "4": "1234", "5": "123", "6": "1234", "7": "123",
                            "8": "1235", "9": "-123", "10": "123", "11": "123"}


def test_betrayed_chapters_and_numbered_sections(built_books):
    tree = built_books[BETRAYED].tree
    found = [(d.tag.split("}")[1], d.get("label"), d.findtext("{*}title"),
              d.find("{*}title").get("revisionflag") == "added") for d in divisions(tree)]
    assert found == BETRAYED_CHAPTERS
    for chapter in tree.findall("{*}chapter"):
        if chapter.get("label"):
            numbers = "".join(s.get("label") or "-" for s in chapter.findall("{*}section"))
            assert numbers == BETRAYED_SECTION_NUMBERS[chapter.get("label")], chapter.get("label")
    titles = texts(tree, "//db:section/db:title")
    assert "A Sharp Turn: “Five-year Plan in Four Years” and “Complete Collectivization”" in titles
    assert "The question of the character of the Soviet Union not yet decided by history" in titles


def test_betrayed_no_page_furniture_survives(built_books):
    tree = built_books[BETRAYED].tree
    body = " ".join(" ".join(d.itertext()) for d in divisions(tree))
    for furniture in ("marxists.org", "Revolution Betrayed: Chapter", "Back to CHAPTER", "On to CHAPTER",
                      "What is the Soviet Union and where is it going?", "Leon Trotsky's", "Leon Trotsky’s",
                      "The Marxist writers", "[22/08/2000", "of 14)"):
        assert furniture not in body, furniture


def test_betrayed_paragraphs_cut_by_page_breaks_are_whole(built_books):
    paras = texts(built_books[BETRAYED].tree, "//db:para")
    for joined in ("a kowtowing before accomplished fact, and a partiality for sedative generalizations",
                   "to explain or justify them “by changing circumstances” obviously won’t hold water",
                   "the conditions of capitalist decline, backward countries are unable"):
        assert any(joined in p for p in paras), joined
    # a paragraph starts with a capital or a quotation mark or a digit, never mid-sentence
    starts = [p[0] for p in paras if p]
    assert all(not c.islower() for c in starts)


def test_betrayed_losses_reported(built_books):
    items = built_books[BETRAYED].report["items"]
    assert [i["text"] for i in items if i["code"] == "flag.lost-page"] == [
        "the opening of chapter 5 (its title is lost)", "the opening of chapter 8 (its title is lost)",
        "section(s) 4, before section 5"]
    assert any(i["code"] == "flag.truncated" and i["line"] == 6104 for i in items)
    garbled = [i["text"] for i in items if i["code"] == "flag.garbled"]
    assert any("rA7" in g for g in garbled) and any("unccovnedky" in g for g in garbled)
    reading = " ".join(texts(built_books[BETRAYED].tree, "//db:para"))
    assert "unccovnedky" not in reading and "rA7" not in reading


def test_stagnation_is_chapter_six_of_the_book(built_books):
    def reading_words(chapter):
        return re.findall(r"\w+", " ".join(chapter.itertext()).lower())
    whole = [d for d in divisions(built_books[RUSSIA].tree) if d.get("label") == "6"][0]
    alone = divisions(built_books[STAGNATION].tree)[0]
    assert alone.get("label") == "6"
    assert reading_words(alone) == reading_words(whole)


@pytest.mark.parametrize("slug, expected", [
    (RUSSIA, {"1.1": "1", "1.2": "1", "1.3": "1", "6.1": "6", "6.2": "6", "6.3": "6", "6.4": "6", "6.5": "6", "6.6": "6"}),
    (STAGNATION, {"6.1": "6", "6.2": "6", "6.3": "6", "6.4": "6", "6.5": "6", "6.6": "6"}),
])
def test_tables_found_in_their_chapters(built_books, slug, expected):
    tree = built_books[slug].tree
    found = {t.get("label"): t.xpath("ancestor::db:chapter/@label", namespaces=NS)[0]
             for t in tree.xpath("//db:table", namespaces=NS)}
    assert found == expected
    captions = texts(tree, "//db:table/db:title")
    assert "Soviet Living Standards" in captions
    body = texts(tree, "//db:para")
    assert not any(re.match(r"^\(\d\.\d\)", p) for p in body)
    assert not any(p in ("Monthly wage", "Peasant Parties", "West Germany", "96.5 rubles") for p in body)


def test_table_6_4_grid(built_books):
    table = built_books[RUSSIA].tree.xpath("//db:table[@label='6.4']", namespaces=NS)[0]
    rows = table.xpath(".//db:row", namespaces=NS)
    assert table.find("{*}tgroup").get("cols") == "3" and len(rows) == 10
    assert all(len(r) == 3 for r in rows)
    surviving = [e.text for e in table.xpath(".//db:entry[not(@role='lost')]", namespaces=NS)]
    assert len(surviving) == 11
    assert [e.text for e in rows[1]] == ["Monthly wage", "96.5 rubles", "159.9 rubles"]
    assert [e.get("role") for e in rows[2]] == [None, "lost", "lost"]


def test_tables_1_2_and_1_3_have_two_columns_and_group_rows(built_books):
    tree = built_books[RUSSIA].tree
    for label in ("1.2", "1.3"):
        table = tree.xpath(f"//db:table[@label='{label}']", namespaces=NS)[0]
        assert table.find("{*}tgroup").get("cols") == "2"
    spans = texts(tree, "//db:table[@label='1.2']//db:entry[@namest]")
    assert spans == ["Peasant Parties", "Workers Parties", "Bourgeois and other right-wing Parties"]


def report_items(book, code):
    return [i for i in book.report["items"] if i["code"] == code]


def footnote_labels(scope):
    return scope.xpath(".//db:footnote/@label", namespaces=NS)


def reading_text(tree):
    """The paragraphs' own text: no footnotes, no remarks."""
    return " ".join(tree.xpath("//db:para[not(ancestor::db:footnote)]//text()"
                               "[not(ancestor::db:remark) and not(ancestor::db:footnote)]", namespaces=NS))


def text_before(footnote):
    previous = footnote.getprevious()
    return (previous.tail if previous is not None else footnote.getparent().text) or ""


def test_russia_footnotes_per_chapter(built_books):
    book = built_books[RUSSIA]
    chapters = {c.get("label"): c for c in book.tree.findall("{*}chapter")}
    assert {label: footnote_labels(c) for label, c in chapters.items() if footnote_labels(c)} == {
        "1": ["1", "2"], "2": ["1", "2"], "3": ["1"], "7": ["1"]}
    assert [i["text"] for i in report_items(book, "flag.call-without-note")] == ["[3]"]
    reading = reading_text(book.tree)
    assert re.findall(r"\[\d+\]", reading) == ["[3]"]
    note = chapters["2"].xpath(".//db:footnote[@label='2']", namespaces=NS)[0]
    assert text_before(note).endswith("the United Opposition")
    assert "The United Opposition was formed in 1926" in "".join(note.itertext())


def test_back_in_the_ussr_footnotes(built_books):
    book = built_books["back-in-the-ussr"]
    notes = book.tree.xpath("//db:footnote", namespaces=NS)
    assert [n.get("label") for n in notes] == ["1", "2", "3", "4", "5", "6", "7"]
    four = notes[3]
    assert text_before(four).endswith("the killing got out of control")
    assert "Estimates of the numbers killed" in "".join(four.itertext())
    assert [i["text"] for i in report_items(book, "flag.call-without-note")] == ["8"]
    assert [i["text"] for i in report_items(book, "flag.call-out-of-order")] == ["(4)"]
    reading = reading_text(book.tree)
    assert re.findall(r"\(\d\)", reading) == ["(4)"]  # the out-of-order call, left as it stands and reported


def test_socialism_footnotes(built_books):
    book = built_books["socialism-and-the-soviet-union"]
    notes = book.tree.xpath("//db:footnote", namespaces=NS)
    assert [n.get("label") for n in notes] == [str(n) for n in range(1, 24) if n != 16]
    assert [i["text"] for i in report_items(book, "flag.call-without-note")] == ["16"]
    assert text_before(notes[0]).rstrip().endswith("genocide.”")
    assert text_before(notes[2]).endswith("society.")
    assert text_before(notes[-2]).endswith("party/state")
    reading = reading_text(book.tree)
    for number in ("2.5 million", "4.6 million – 8.5 million", "1917", "Socialism 4.0"):
        assert number in reading or number in " ".join(book.tree.itertext())
    assert "‘Defending Planning’ by Brian Green 1999" in "".join(notes[0].itertext())
