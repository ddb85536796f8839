import codecs

import pytest

from bookbuild.errors import BookbuildError
from bookbuild.read import Decoded, SourceLine, decode, recognise_kind

TEXT = "Workers’ state — “quoted”\nsecond line"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "crlf"])
def test_decodes_unicode_encodings_and_line_ends(data):
    assert decode(data).text == TEXT


def test_decodes_cp1252_legacy_text():
    text = "The workers’ “soviet” – a caf\u00e9 in Moscow, where the revolution began in earnest.\n" * 20
    assert decode(text.encode("cp1252")).text == text.rstrip("\n")


def test_old_mac_line_ends():
    assert decode(b"one\rtwo\r").text == "one\ntwo"


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\n ", "empty"),
    (b"text\x00more", "NUL"),
    (bytes(range(256)) * 40, "NUL"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "control characters"),
])
def test_rejects_what_is_not_text(data, message):
    with pytest.raises(BookbuildError, match=message) as info:
        decode(data, "book.txt")
    assert str(info.value).startswith("book.txt")


def test_nul_error_names_the_line():
    with pytest.raises(BookbuildError) as info:
        decode(b"one\ntwo\nth\x00ree", "x.txt")
    assert info.value.line == 3


def _lines(text):
    return [SourceLine(i, t) for i, t in enumerate(text.split("\n"), 1)]


def test_recognises_web_dump_and_pdf_extraction():
    web = "\n\n".join(f"Paragraph {i} " + "word " * 60 for i in range(10))
    pdf = "\n".join(("word " * 20)[:99] for _ in range(40))
    assert recognise_kind(_lines(web)).value == "web"
    assert recognise_kind(_lines(pdf)).value == "pdf"



def test_a_book_of_verse_extracted_from_a_pdf_with_one_overlong_line_is_still_a_pdf():
    """Verse lines of every length, none longer than a printed line but one garbled line: one
    overlong line is a stray, not the paragraphs of a web dump."""
    stanza = ["I sing the open road and the long brown path,", "Afoot,", "Strong and content I travel the open road before me,",
              "Healthy, free, the world before me,", "The long brown path before me,", ""]
    verse = stanza * 60
    garbled = "lorem " * 35
    assert recognise_kind(_lines("\n".join(verse))).value == "pdf"
    assert recognise_kind(_lines("\n".join([*verse[:100], garbled, *verse[100:]]))).value == "pdf"
    paragraphs = ["This is a paragraph of prose that a web page sets on one long line " * 3] * 5
    assert recognise_kind(_lines("\n".join([*verse, *paragraphs]))).value == "web"


WESTERN = "naïve café déjà vu, über straße. "


@pytest.mark.parametrize("text", [WESTERN * 50, "Title\n\ncafé naïve\nthird\n"], ids=["repeated", "three-lines"])
def test_latin1_western_text_is_read_as_cp1252_and_said_to_be_a_guess(text):
    decoded = decode(text.encode("latin-1"))
    assert decoded.text == text.rstrip("\n")
    assert (decoded.encoding, decoded.guessed) == ("cp1252", True)


def test_utf8_is_no_guess():
    assert decode(WESTERN.encode("utf-8")) == Decoded(WESTERN, "utf-8", False)


@pytest.mark.parametrize("text, encoding, language", [
    ("Это был холодный день, и все рабочие вышли на улицы города. " * 5, "cp1251", "ru"),
    ("Это был холодный день, и все рабочие вышли на улицы города. " * 5, "cp1251", "en"),
    ("Zażółć gęślą jaźń, powiedział robotnik w fabryce. " * 5, "cp1250", "pl"),
])
def test_other_code_pages_are_not_taken_for_cp1252(text, encoding, language):
    decoded = decode(text.encode(encoding), language=language)
    assert decoded.text == text and decoded.guessed


def test_encoding_named_by_the_book_wins_and_is_checked():
    text = "Příliš žluťoučký kůň úpěl ďábelské ódy. " * 5
    assert decode(text.encode("cp1250"), encoding="cp1250") == Decoded(
        text, "cp1250", False)
    with pytest.raises(BookbuildError, match="book.toml says utf-8") as info:
        decode(b"one\ntwo\ncaf\xe9\n", "x.txt", encoding="utf-8")
    assert info.value.line == 3
