"""Regular expressions and tests shared by more than one stage (each written once)."""

import re

MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
DATELINE = re.compile(
    rf"^\s*(([A-Z][a-z]+,?\s+)?\d{{1,2}}(st|nd|rd|th)?\s+{MONTH}\s+\d{{4}}|([A-Z][a-z]+,?\s+)?{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|{MONTH}\s+\d{{4}})\s*$")
DIVISION_HEADING = re.compile(
    r"^\s*((chapter|part|book)\s+(\d+|[ivxlc]+)|appendix(\s+\w+)?|introduction|preface|foreword|"
    r"postscript|postcript|afterword|epilogue|prologue|conclusion)\s*$", re.I)
YEAR = re.compile(r"\b(1[5-9]|2\d)\d\d\b")
SENTENCE_END = re.compile(r"[.!?…:;,]['’\"”)\]]*$")


def is_heading_like(text: str) -> bool:
    """A short line with no closing punctuation and no sentence inside it."""
    text = text.strip()
    if not text or len(text) > 100 or len(text.split()) > 14:
        return False
    if SENTENCE_END.search(text) and not text.endswith(("?", "!", "’", "'")):
        return False
    unnumbered = re.sub(r"^\d+\.\s+", "", text)
    if re.search(r"[.!?]['’\"”]?\s+[A-Z“‘\"]", unnumbered) or DATELINE.match(text):
        return False
    if text.endswith(("’", "'")) and re.search(r"[.,;:!?]['’]$", text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "‘“\"'"
