import pytest

from bookbuild.normalise.typography import typeset


@pytest.mark.parametrize("raw, expected", [
    ('He said "no" and left.', "He said “no” and left."),
    ("The workers' state isn't 'socialist'.", "The workers’ state isn’t ‘socialist’."),
    ("In the '30s it grew.", "In the ’30s it grew."),
    ("2.’Transition to Socialism 4.0′ by Jonathan Clyne", "2.‘Transition to Socialism 4.0’ by Jonathan Clyne"),
    ("the ‘Nepmen′, as the industrialists", "the ‘Nepmen’, as the industrialists"),
    ("a wall 5′ high", "a wall 5′ high"),
    ("and so... on -- and on", "and so… on—and on"),
    ('("quoted")', "(“quoted”)"),
])
def test_typography_rules(raw, expected):
    assert typeset(raw) == expected


def test_verse_keeps_line_breaks():
    assert typeset("one 'two'\nthree \"four\"") == "one ‘two’\nthree “four”"
