from bookbuild.normalise import PIPELINE


def test_stage_order_is_pinned():
    # furniture before paragraphs (page breaks join paragraphs); contents before tables (a contents
    # entry ends a table) and before structure (it finds the chapters); tables before structure (cells
    # are no headings); footnotes and typography on the finished tree.
    assert [name for name, _ in PIPELINE] == [
        "site-furniture", "page-furniture", "paragraphs", "front-matter", "contents", "tables", "garbled",
        "structure", "tree", "footnotes", "typography"]
