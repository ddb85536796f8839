"""Regular expressions shared by more than one stage (each written once)."""

import re

MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
DATELINE = re.compile(
    rf"^\s*(([A-Z][a-z]+,?\s+)?\d{{1,2}}(st|nd|rd|th)?\s+{MONTH}\s+\d{{4}}|([A-Z][a-z]+,?\s+)?{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|{MONTH}\s+\d{{4}})\s*$")
DIVISION_HEADING = re.compile(
    r"^\s*((chapter|part|book)\s+(\d+|[ivxlc]+)|appendix(\s+\w+)?|introduction|preface|foreword|"
    r"postscript|postcript|afterword|epilogue|prologue|conclusion)\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?…:;,]['’\"”)\]]*$")
