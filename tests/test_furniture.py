from conftest import codes, normalise_text, texts

PROSE = ("The line of development of the Soviet economy is far from an uninterrupted and evenly rising curve in\n"
         "the first years of the new regime, and you can clearly distinguish several stages marked by sharp\n")


def pdf(*parts: str) -> str:
    return "\n".join(parts)


def test_page_url_and_running_head_removed_and_paragraph_joined():
    text = pdf(PROSE + "crises. The history of recent decades very clearly shows that, in the conditions of capitalist",
               "", "Some Book: Chapter 2", "", "http://example.org/book/ch02.htm (3 of 13) [22/08/2000 01:00:39]",
               "", "", "decline, backward countries are unable to attain that level which the old centers have attained.",
               "", PROSE + "the end.")
    tree, state = normalise_text(text, kind="pdf")
    paras = texts(tree, "//db:para")
    assert any("conditions of capitalist decline, backward countries" in p for p in paras)
    assert not any("Chapter 2" in p or "http" in p for p in paras)
    assert {"furniture.page-url", "furniture.running-head", "restore.page-join"} <= set(codes(state))


def test_navigation_lines_removed_and_logged():
    text = pdf(PROSE + "the end.", "", "Back to CHAPTER 3  —  On to CHAPTER 5", PROSE + "the end.")
    tree, state = normalise_text(text, kind="pdf")
    assert not any("Back to" in p for p in texts(tree, "//db:para"))
    assert [d.text for d in state.diagnostics.items if d.code == "furniture.navigation"] == \
        ["Back to CHAPTER 3  —  On to CHAPTER 5"]


def test_repeated_title_block_before_each_chapter_removed():
    block = ["The Site", "Archive", "", " The Author's", "Book Title", "", "What is the book about?", ""]
    chapter = lambda n: [*block, f"Chapter {n}", f"TITLE OF CHAPTER {n}", "", PROSE + "the end.", ""]
    tree, state = normalise_text(pdf(*chapter(1), *chapter(2), *chapter(3)), kind="pdf")
    assert texts(tree, "//db:chapter/@label") == ["1", "2", "3"]
    body = " ".join(texts(tree, "//db:chapter"))
    assert "Archive" not in body and "Book Title" not in body and "What is the book about" not in body
    assert codes(state).count("furniture.title-block") == 3 * 5


def test_site_tag_and_named_boilerplate_and_trailer():
    from bookbuild.config import FurnitureRules
    text = "\n\n".join(["[Book] A Title", "A first paragraph that says something of substance here.",
                       "Leave a comment", "A second paragraph that says something else entirely.",
                       "Join us", "Sign up to our newsletter today and never miss a post."])
    tree, state = normalise_text(text, furniture=FurnitureRules(lines=("Leave a comment",), trailer_from=("Join us",)))
    body = " ".join(texts(tree, "//db:para"))
    assert "Leave a comment" not in body and "Join us" not in body and "newsletter" not in body
    assert "[Book]" not in " ".join(tree.itertext())
    assert codes(state).count("furniture.boilerplate") == 3
    assert "furniture.site-tag" in codes(state)
