"""Fuzzing the normaliser with hypothesis: damaged manuscripts of both kinds, generated with what
the generator knows to be furniture, must build without a crash into valid DocBook, with every
word accounted for and no word removed that is not furniture.

The manuscripts mix heading styles ('Chapter 3', 'CHAPTER IV', 'II. A Title', a title alone),
paragraphs (one line each in a web dump; wrapped, across pages with a running head and a folio,
in a PDF extraction), footnote calls and note lists in every style ('[1]', '(1)', digits glued to
a word), table skeletons with lost cells, lost lines, odd Unicode (combining marks, right-to-left
text, emoji, no-break and zero-width spaces, soft hyphens) and mixed line ends. Every sentence and
caption carries a word of its own: a line repeated word for word at the edge of several pages is
what a running head is, and no rule could tell it from one.

CI runs EXAMPLES examples per kind, derandomised; `BOOKBUILD_FUZZ_EXAMPLES=2000` (or
benchmarks/fuzz.py) runs more, with fresh randomness.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.etree import QName

from bookbuild.config import BookConfig
from bookbuild.model.validate import docbook_schema
from bookbuild.normalise import normalise
from bookbuild.proof.accounting import account, book_words, source_words
from bookbuild.read import SourceLine, decode

EXAMPLES = int(os.environ.get("BOOKBUILD_FUZZ_EXAMPLES", "60"))
MORE = "BOOKBUILD_FUZZ_EXAMPLES" in os.environ
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not MORE, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ("the workers state of a and river night bread council in was to it long road land people city "
         "price grain year war peace factory wage union party house morning letter")
WORDS = WORDS.split()
ODD = ["e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645", "\U0001f600", "caf\u00e9",
       "Stra\u00dfe", "na\u00efve", "co\u00adoperate", "zero\u200bwidth", "\u00a0", "\u2014", "\u201cquoted\u201d",
       "\u0416\u0438\u0437\u043d\u044c", "\u4e2d\u6587"]
DIVISIONS = [f"{{http://docbook.org/ns/docbook}}{t}" for t in ("chapter", "appendix", "part", "preface")]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@dataclass
class Manuscript:
    kind: str
    title: str
    lines: list[str] = field(default_factory=list)
    furniture: set[int] = field(default_factory=set)  # indexes of lines the generator made as furniture

    def add(self, line: str = "", furniture: bool = False) -> None:
        if furniture:
            self.furniture.add(len(self.lines))
        self.lines.append(line)


def tag(n: int) -> str:
    """A word of letters only, different for each sentence: real books seldom repeat a sentence word for
    word, and a repeated line at a page's edge is what running heads are (shrinking makes them alike)."""
    letters = ""
    while True:
        n, digit = divmod(n, 26)
        letters += chr(ord("a") + digit)
        if not n:
            return "q" + letters


@st.composite
def sentence(draw, n: int, call: str | None = None) -> str:
    words = [tag(n)] + draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD).filter(str.strip)),
                          min_size=3, max_size=30))
    words[0] = words[0][:1].upper() + words[0][1:]
    text = " ".join(words)
    if draw(st.booleans()):
        text = text.replace(" ", draw(st.sampled_from([" \u00a0", "  ", " "])), 1)
    return text + (call or "") + draw(st.sampled_from([".", ".", "!", "?", ";"]))


def call_mark(style: str, n: int) -> str:
    return {"square": f"[{n}]", "paren": f"({n})", "glued": str(n)}[style]


def note_item(style: str, n: int) -> str:
    return {"square": f"[{n}] ", "paren": f"({n}) ", "glued": f"{n}. "}[style]


def heading(style: str, n: int, title: str) -> list[str]:
    return {"chapter": [f"Chapter {n}", title], "capitals": [f"CHAPTER {ROMAN[n - 1]}"],
            "roman": [f"{ROMAN[n - 1]}. {title}"], "title": [title]}[style]


@st.composite
def manuscripts(draw, kind: str) -> Manuscript:
    title = " ".join(w.capitalize() for w in draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)))
    book = Manuscript(kind, title)
    heading_style = draw(st.sampled_from(["chapter", "capitals", "roman", "title"]))
    note_style = draw(st.sampled_from(["square", "paren", "glued", None]))
    blocks: list[tuple[str, list[str]]] = []  # (what, lines) in reading order
    count = itertools.count()
    for chapter in range(1, draw(st.integers(1, 4)) + 1):
        chapter_title = " ".join(w.capitalize() for w in draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
        blocks.append(("heading", heading(heading_style, chapter, chapter_title)))
        calls = 0
        for _ in range(draw(st.integers(1, 6))):
            what = draw(st.sampled_from(["para", "para", "para", "table", "lost"]))
            if what == "table":
                cells = [draw(st.sampled_from(WORDS)).capitalize() if i % 2 == 0 else str(draw(st.integers(1, 9999)))
                         for i in range(draw(st.integers(2, 9)))]
                lines = [f"({chapter}.{len(blocks)}) {tag(next(count)).capitalize()} figures", ""]
                for cell in cells:
                    lines += ["", ""] if draw(st.integers(0, 3)) == 0 else [cell, ""]  # a lost cell leaves its blank
                blocks.append(("table", lines[:-1]))
            elif what == "lost":
                blocks.append(("lost", []))
            else:
                sentences = []
                for _ in range(draw(st.integers(1, 4))):
                    call = None
                    if note_style and draw(st.integers(0, 2)) == 0:
                        calls += 1
                        call = call_mark(note_style, calls)
                    sentences.append(draw(sentence(next(count), call)))
                blocks.append(("para", [" ".join(sentences)]))
        if calls:
            blocks.append(("notes", [note_item(note_style, n) + draw(sentence(next(count)))
                                     for n in range(1, calls + 1)]))
    book.add(title, furniture=True)  # the title line, replaced by the title in book.toml
    book.add()
    if kind == "web":
        for what, lines in blocks:
            for line in lines:
                book.add(line)
            book.add()
    else:
        _print(draw, book, blocks)
    return book


def _print(draw, book: Manuscript, blocks) -> None:
    """Lines wrapped as a PDF extraction has them, on pages with a running head and a folio."""
    width = draw(st.integers(50, 100))
    page_length = draw(st.integers(30, 50))  # a printed page's lines of text (6 x 9 in: about 38)
    body: list[str] = []
    for what, lines in blocks:
        for line in lines:
            if what == "para":
                body += _wrap(line, width)
            elif what == "notes":
                for item in lines:
                    body += _wrap(item, width)
                break
            else:
                body.append(line)
        body.append("")
    pages = [body[i:i + page_length] for i in range(0, len(body), page_length)]
    for number, page in enumerate(pages, start=1):
        book.add(f"\f{book.title} \u2014 Fuzzed Edition", furniture=True)
        for line in page:
            book.add(line)
        book.add(str(number), furniture=True)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]


def raw_bytes(book: Manuscript, endings: list[str]) -> bytes:
    return "".join(line + endings[i % len(endings)] for i, line in enumerate(book.lines)).encode("utf-8")


@pytest.fixture(scope="module")
def schema():
    path = docbook_schema()
    if path is None:
        pytest.fail("the DocBook 5 schema is missing: run scripts/setup.sh")
    return etree.RelaxNG(file=str(path))


def check(book: Manuscript, endings: list[str], schema) -> None:
    text = decode(raw_bytes(book, endings)).text
    lines = [SourceLine(i, t) for i, t in enumerate(text.split("\n"), start=1)]
    config = BookConfig(slug="fuzzed", title=book.title, authors=("A. Writer",), language="en", sources=(),
                        kind=book.kind)
    tree, state = normalise(lines, config)
    assert schema.validate(etree.ElementTree(tree)), schema.error_log.last_error
    accounting = account(text, tree, state.diagnostics)
    assert not accounting.missing and not accounting.added, (accounting.missing, accounting.added)
    reader_text = "\n".join(line for i, line in enumerate(book.lines) if i not in book.furniture)
    # 'Chapter' of 'Chapter 3' is carried by the markup (<chapter label="3">), which the renderers print
    carried = " ".join(QName(e).localname for e in tree.iter(*DIVISIONS) if e.get("label"))
    removed = source_words(reader_text) - book_words(tree) - source_words(carried)
    assert not removed, f"text removed that is no furniture: {dict(removed)}"


ENDINGS = st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=3)


@FUZZ
@given(book=manuscripts("web"), endings=ENDINGS)
def test_fuzzed_web_dumps(book, endings, schema):
    check(book, endings, schema)


@FUZZ
@given(book=manuscripts("pdf"), endings=ENDINGS)
def test_fuzzed_pdf_extractions(book, endings, schema):
    check(book, endings, schema)
