"""What a heading line looks like, whatever the book: the forms of numbered and named headings,
the numbers in them (arabic, roman, words), and whether a line reads as a title at all.

Pure functions over strings; structure.py decides from the whole book which candidates are
headings (a numbering that runs through the book, a contents list, the context of each line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import roman_numeral, roman_value

ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I)
UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
        "seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth " \
           "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
NUMBER_WORDS = {w: n for n, w in enumerate(UNITS, start=1)} | {w: n for n, w in enumerate(ORDINALS, start=1)}
for _t, _tens in enumerate(TENS, start=2):
    NUMBER_WORDS[_tens] = 10 * _t
    for _u, _unit in enumerate(UNITS[:9], start=1):
        NUMBER_WORDS[f"{_tens}-{_unit}"] = 10 * _t + _u


def number_words(value: int, ordinal: bool = False) -> str | None:
    """A number in words, as a heading writes it ('seven', 'twenty-one', 'seventh'); None past those."""
    if ordinal:
        return ORDINALS[value - 1] if 0 < value <= len(ORDINALS) else None
    if 0 < value < 20:
        return UNITS[value - 1]
    tens, unit = divmod(value, 10)
    if not 2 <= tens <= 9:
        return None
    return TENS[tens - 2] + (f"-{UNITS[unit - 1]}" if unit else "")


# words that name a division and take a number: the higher ones hold chapters
PART_LABELS = ("book", "part", "volume")
CHAPTER_LABELS = ("chapter", "letter", "lecture", "canto", "stave", "essay", "story", "section", "article")
LABEL = "|".join(PART_LABELS + CHAPTER_LABELS)
NUMBER = r"\d{1,3}|[ivxlcdm]{1,8}|[a-z]+(?:-[a-z]+)?"
LABELLED = re.compile(rf"^(?P<label>{LABEL})\.?\s+(?P<number>{NUMBER})\b\.?(?:\s*[:.—–-]\s*|\s+)?(?P<title>\S.*)?$", re.I)
NUMBERED_TITLE = re.compile(rf"^(?P<number>\d{{1,3}}|[ivxlcdm]{{1,8}})\.\s+(?P<title>\S.*)$", re.I)
NUMERAL_ALONE = re.compile(r"^(?P<number>\d{1,3}|[ivxlcdm]{1,8})\.?$", re.I)
# divisions named by a word: front and back matter
DIVISION_WORDS = ("preface", "foreword", "introduction", "introductory", "prologue", "epilogue", "afterword",
                  "postscript", "conclusion", "appendix", "dedication", "acknowledgements", "acknowledgments",
                  "epigraph", "prelude", "envoi", "addendum")
NAMED = re.compile(rf"^(?P<word>{'|'.join(DIVISION_WORDS)})\b(?P<rest>.*)$", re.I)
DIVISION_KIND = {"preface": "preface", "foreword": "preface", "introduction": "preface", "introductory": "preface",
                 "prologue": "preface", "prelude": "preface", "dedication": "preface", "epigraph": "preface",
                 "acknowledgements": "preface", "acknowledgments": "preface", "appendix": "appendix",
                 "addendum": "appendix"}
ABBREVIATIONS = ("esq.", "jr.", "sr.", "co.", "etc.", "st.", "mr.", "mrs.", "dr.", "vol.", "no.")
CALLS_AT_END = re.compile(r"(\s*(\[\d{1,3}\]|\(\d{1,3}\))|(?<=[.!?,;:’”\"'])\d{1,3})+$")  # flattened note calls
SENTENCE_INSIDE = re.compile(r"[.!?]['’\"”)]?\s+[A-Z“‘\"]")
MINOR_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
               "as", "into", "upon", "its", "is", "be", "are", "was", "not", "that", "which", "than",
               "over", "under", "about", "after", "before", "between", "through", "against", "without", "within",
               "onto", "off", "up", "down", "out", "via", "per", "vs",
               # the particles of titles in other languages ('Salut au Monde')
               "de", "la", "le", "les", "du", "des", "au", "aux", "von", "van", "der", "di", "da", "del"}


@dataclass(frozen=True)
class HeadingForm:
    """A line read as a heading: 'Chapter IV: Title', 'IV. Title', 'IV', 'Preface to the Second Edition'.

    style names the form (the label and the kind of numeral) so that a book's numbering can be
    followed; number is the numeral's value; numeral is as written; title is any title on the line.
    """

    style: str
    label: str | None = None
    numeral: str | None = None
    number: int | None = None
    title: str | None = None
    word: str | None = None  # for a named division: 'preface', 'appendix'

    @property
    def level(self) -> str:
        """'part' above chapters, or 'chapter'."""
        return "part" if self.label and self.label.lower() in PART_LABELS else "chapter"

    @property
    def division(self) -> str:
        return DIVISION_KIND.get(self.word or "", "chapter")


def number_value(token: str) -> tuple[int, str] | None:
    """(value, kind) of a numeral: '12' arabic, 'XII' roman, 'Twelve' or 'Twelfth' a word."""
    token = token.strip().rstrip(".")
    if token.isdecimal() and token.isascii():
        return int(token), "arabic"
    if ROMAN.match(token):
        return roman_value(token), "roman"
    if token.lower() in NUMBER_WORDS:
        return NUMBER_WORDS[token.lower()], "word"
    return None


def heading_form(text: str, any_title: bool = False) -> HeadingForm | None:
    """The heading form of a line, or None when it has none (it may still be a titled heading).
    any_title: a numbered form whatever follows the number (a title wrapped after a comma)."""
    text = text.strip()
    if not text or len(text) > 300:
        return None
    if match := LABELLED.match(text):
        value = number_value(match.group("number"))
        title = match.group("title")
        if value and (any_title or title is None or reads_as_title(title, attached=True)):
            label = match.group("label")
            return HeadingForm(f"{label.lower()}-{value[1]}", label, match.group("number").rstrip("."), value[0],
                               title)
    if match := NUMBERED_TITLE.match(text):
        value = number_value(match.group("number"))
        if value and (any_title or reads_as_title(match.group("title"), attached=True)):
            return HeadingForm(f"dot-{value[1]}", None, match.group("number"), value[0], match.group("title"))
    if match := NUMERAL_ALONE.match(text):
        value = number_value(match.group("number"))
        if value:
            return HeadingForm(f"alone-{value[1]}{'-dot' if text.endswith('.') else ''}", None,
                               match.group("number"), value[0])
    if match := NAMED.match(text):
        rest = match.group("rest")
        if not rest.strip() or reads_as_title(text, attached=True):
            word = match.group("word").lower()
            return HeadingForm(f"named-{word}", word=word, title=text)
    return None


MAX_TITLE = 320  # characters: any longer line is prose
MAX_TITLE_LINES = 5  # the lines a long title wraps over in print, on a narrow page


def reads_as_title(text: str, attached: bool = False) -> bool:
    """A line that can be a title: no sentence in it, no closing full stop or exclamation, short.

    attached: the line comes with a heading form ('Chapter IV' and then this), so it may be long
    and may close with '!' or '.' after an abbreviation.
    """
    text = text.strip()
    if len(text) > MAX_TITLE:  # before the regular expression, which would scan the whole of a long paragraph
        return False
    text = CALLS_AT_END.sub("", text)
    words = text.split()
    if not words or len(text) > 300 or len(words) > 45:
        return False
    if not attached and closes_unopened(text):
        return False  # the end of a line cut in two ('… 01:01:05]'), not a title
    long = len(text) > 120 or len(words) > 16
    if long and not (attached or is_title_case(text)):  # a long line in Title Case is a long title
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "‘“\"'(["):
        return False
    unnumbered = re.sub(r"^(?:\d+|[IVXLC]+)\.\s+", "", text)  # 'III. Of Mr. Booker T. Washington'
    if SENTENCE_INSIDE.search(unnumbered) and not abbreviation_inside(unnumbered):
        return False
    last = text.rstrip("’'”\")]")
    if last.endswith((",", ";", ":", "—", "–")):
        return False
    if last.endswith("."):
        return words[-1].lower().rstrip("’'”\")]") in ABBREVIATIONS
    return attached or not last.endswith("!")


def closes_unopened(text: str) -> bool:
    """A bracket closes that no bracket before it opened."""
    depth = 0
    for char in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if depth < 0:
            return True
    return False


def abbreviation_inside(text: str) -> bool:
    """Every full stop inside the line closes an abbreviation or an initial ('Mrs. Sigourney')."""
    return all(m.group(0).split()[0].lower() in ABBREVIATIONS or len(m.group(0).split()[0]) <= 2
               for m in re.finditer(r"\S+[.!?]['’\"”)]?\s+[A-Z“‘\"]", text))


def is_title_case(text: str, share: float = 0.6) -> bool:
    """Most significant words (`share` of them) start with a capital, or the line is in capitals. A
    number's ordinal ending ('71st') is no word."""
    words = re.findall(r"\b[^\W\d_][\w’'-]*", text)
    if not words:
        return False
    if is_capitals(text):
        return True
    significant = [w for w in words[1:] if w.lower() not in MINOR_WORDS]
    return not significant or sum(w[0].isupper() for w in significant) / len(significant) >= share


def is_capitals(text: str) -> bool:
    letters = list(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8


def titles_its_first_line(text: str, following: str) -> bool:
    """A line in Title Case whose words the line under it opens with, capitalised as a sentence is
    ('Are You Drawn Toward Me?' over 'Are you drawn toward me? …'): a title taken from its text's
    first line, as poems are titled, however it ends (a question, a cry)."""
    title, opening = re.findall(r"[^\W_]+", text), re.findall(r"[^\W_]+", following)
    return len(title) >= 2 and is_title_case(text) and title != opening[:len(title)] \
        and [w.lower() for w in title] == [w.lower() for w in opening[:len(title)]]


def is_division_line(text: str) -> bool:
    """'Chapter 3', 'BOOK IV', 'Appendix', 'INTRODUCTION': a line that opens a division by its form alone."""
    form = heading_form(text)
    return form is not None and (form.label is not None or form.word is not None and form.title.strip().lower() == form.word)


def numbering(form: HeadingForm) -> tuple[str | None, str, str, bool]:
    """How a heading numbers its chapter: (label, kind of numeral, its case, closed by a full stop)."""
    kind = form.style.split("-")[1]
    if kind == "word":
        kind = "ordinal" if form.numeral.lower() in ORDINALS else "cardinal"
    case = "lower" if form.numeral.islower() else "upper" if form.numeral.isupper() else "title"
    return form.label, kind, case, form.style.startswith("dot") or form.style.endswith("-dot")


def numbered_as(style: tuple[str | None, str, str, bool] | None, number: int) -> str | None:
    """A chapter's title numbered as the text numbers another ('CHAPTER VII', 'Chapter Seven', 'VII.')."""
    if style is None:
        return None
    label, kind, case, dot = style
    numeral = roman_numeral(number) if kind == "roman" else str(number) if kind == "arabic" \
        else number_words(number, ordinal=kind == "ordinal")
    if numeral is None:
        return None
    numeral = {"lower": numeral.lower(), "upper": numeral.upper(), "title": numeral.title()}[case]
    return " ".join(filter(None, [label, numeral])) + ("." if dot else "")
