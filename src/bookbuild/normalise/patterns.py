"""Regular expressions and tests shared by more than one stage (each written once)."""

import re

MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
DATELINE = re.compile(
    rf"^\s*(([A-Z][a-z]+,?\s+)?\d{{1,2}}(st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    rf"|([A-Z][a-z]+,?\s+)?{MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}|{MONTH},?\s+\d{{4}})\.?\s*$")
WORD = re.compile(r"[^\W\d_]+")  # a run of letters
YEAR = re.compile(r"\b(1[5-9]|2\d)\d\d\b")
END_MARK = re.compile(r"^(the\s+)?end\.?$|^finis\.?$", re.I)  # the book's own last line
SENTENCE_END = re.compile(r"[.!?…:;,]['’\"”)\]]*$")
# an item of a flattened note list: '[1] text', '(1) text', '1. text', '1) text'
_ITEM_MARK = r"(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])"  # a book may number 1100 notes
NOTE_ITEM = re.compile(rf"^\s*{_ITEM_MARK}\s*(\S.*)$", re.S)
ITEM_MARK_ALONE = re.compile(rf"^\s*{_ITEM_MARK}\s*$")


def item_number(text: str, alone: bool = False) -> int | None:
    """The number of a note or list item opening a line ('[3] …', '(3) …', '3. …'), or (`alone`) of
    an item's mark standing alone on it ('113.')."""
    match = (ITEM_MARK_ALONE if alone else NOTE_ITEM).match(text)
    return int(next(g for g in match.groups()[:3] if g)) if match else None


ROMAN_VALUES = {"m": 1000, "cm": 900, "d": 500, "cd": 400, "c": 100, "xc": 90, "l": 50, "xl": 40, "x": 10, "ix": 9,
                "v": 5, "iv": 4, "i": 1}  # largest first, with the pairs written by subtraction
ROMAN_DIGITS = {numeral: value for numeral, value in ROMAN_VALUES.items() if len(numeral) == 1}


def roman_value(token: str) -> int | None:
    """The value of a roman numeral ('XIV' 14); None for any other letter."""
    total, previous = 0, 0
    for ch in reversed(token.lower()):
        if ch not in ROMAN_DIGITS:
            return None
        value = ROMAN_DIGITS[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def roman_numeral(value: int) -> str:
    """A number in capital roman numerals (14 'XIV')."""
    out = ""
    for numeral, step in ROMAN_VALUES.items():
        count, value = divmod(value, step)
        out += numeral.upper() * count
    return out
