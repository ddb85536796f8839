import pytest

from bookbuild.config import load_config
from bookbuild.errors import BookbuildError

GOOD = 'title = "T"\nauthors = ["A"]\nlanguage = "en"\nsources = ["raw.txt"]\n'


def folder_with(tmp_path, toml: str, raw: bool = True):
    book = tmp_path / "my-book"
    book.mkdir()
    (book / "book.toml").write_text(toml, encoding="utf-8")
    if raw:
        (book / "raw.txt").write_text("Some text here.\n", encoding="utf-8")
    return book


def test_loads_a_good_config(tmp_path):
    config = load_config(folder_with(tmp_path, GOOD + '[furniture]\nlines = ["Join us"]\n'
                                                   '[rules]\nenable = ["site-tag"]\ndisable = ["typography"]\n'))
    assert config.title == "T" and config.authors == ("A",) and config.slug == "my-book"
    assert config.furniture.lines == ("Join us",)
    assert config.rules.enable == ("site-tag",) and config.rules.disable == ("typography",)


@pytest.mark.parametrize("toml, message, line", [
    (GOOD + "title = \n", "not valid TOML", 5),
    (GOOD.replace('title = "T"\n', ""), "missing required key 'title'", None),
    (GOOD + 'colour = "red"\n', "unknown key 'colour'", None),
    (GOOD + '[furniture]\nfoo = 1\n', "unknown key 'furniture.foo'", None),
    (GOOD + '[rules]\nenable = ["no-such-rule"]\n', r"unknown rule 'no-such-rule' in \[rules\]", None),
    (GOOD.replace('"raw.txt"', '"../outside.txt"'), "outside the manuscript folder", None),
    (GOOD.replace('"raw.txt"', '"missing.txt"'), "does not exist", None),
    (GOOD.replace('authors = ["A"]', 'authors = "A"'), "'authors' must be a list", None),
    (GOOD + 'kind = "scroll"\n', "'kind' must be one of", None),
])
def test_bad_configs_name_the_file_and_problem(tmp_path, toml, message, line):
    (tmp_path / "outside.txt").write_text("x")
    with pytest.raises(BookbuildError, match=message) as info:
        load_config(folder_with(tmp_path, toml))
    assert info.value.path.name == "book.toml"
    assert info.value.line == line


def test_missing_book_toml(tmp_path):
    with pytest.raises(BookbuildError, match="no book.toml"):
        load_config(tmp_path)
