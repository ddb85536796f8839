import pytest

from bookbuild.errors import BookbuildError
from bookbuild.normalise import RULES
from bookbuild.read import TextKind


def test_rule_order_is_pinned():
    # characters, then furniture before paragraphs (page breaks join paragraphs), a site's trailer flagged
    # after book.toml's boilerplate is gone; contents before tables
    # (a contents entry ends a table) and before structure (it finds the chapters); tables before
    # structure (cells are no headings); footnotes and typography on the finished tree; a proofreader's
    # corrections last, on the text as the book has it.
    assert RULES.names == [
        "stray-characters", "page-breaks", "site-tag", "boilerplate", "site-trailer", "page-furniture", "navigation",
        "title-blocks", "paragraphs", "front-matter", "contents", "tables", "garbled", "structure",
        "restore-headings-from-bylines", "restore-chapters-from-navigation",
        "restore-titles-from-running-heads", "restore-skipped-chapters", "gaps", "title-case", "tree",
        "footnotes", "empty-headings", "typography", "corrections"]


def test_presets_leave_out_the_rules_of_one_site_or_tool():
    web, pdf = RULES.preset(TextKind.WEB), RULES.preset(TextKind.PDF)
    for opt_in in ("site-tag", "navigation", "restore-headings-from-bylines", "restore-chapters-from-navigation"):
        assert opt_in not in web and opt_in not in pdf
    assert "page-furniture" in pdf and "page-furniture" not in web
    assert "front-matter" in web and "front-matter" not in pdf


def test_a_chain_switches_rules_by_name():
    chain = [r.name for r in RULES.chain(TextKind.WEB, enable=["site-tag"], disable=["typography"])]
    assert "site-tag" in chain and "typography" not in chain
    assert chain == [n for n in RULES.names if n in chain]  # still in order
    with pytest.raises(BookbuildError, match="unknown rule 'no-such-rule'"):
        RULES.chain(TextKind.WEB, enable=["no-such-rule"])


def test_every_rule_says_what_it_does():
    assert all(rule.summary for rule in RULES.rules)
