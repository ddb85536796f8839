from conftest import NS, normalise_text, texts

LONG = "This is a line of prose that runs on to the full width of the printed page of the book in"


def test_text_layer_junk_is_kept_out_and_reported():
    text = "\n".join([LONG, "the co-operatives,", "", "established over.1429 6.1429 Tto rA7", "watov and Stalin said.",
                      "", LONG, "the end."])
    tree, state = normalise_text(text, kind="pdf")
    body = " ".join(texts(tree, "//db:para"))
    assert "rA7" not in body and "6.1429" not in body
    assert "watov and Stalin said." not in body or "established" in body
    garbled = [d.text for d in state.diagnostics.items if d.code == "flag.garbled"]
    assert garbled and "rA7" in garbled[0]
    assert any("rA7" in r for r in texts(tree, "//db:remark"))


def test_numbers_currencies_and_ordinals_are_not_garbage():
    line = "In 1931 they paid Rbs735,000 (£668,000) in cash; the 21st congress met in the 1930s with 3a + 2b votes."
    tree, state = normalise_text("The Title\n\n" + line, kind="web")
    assert texts(tree, "//db:para") == [line.replace("'", "’")]
    assert not [d for d in state.diagnostics.items if d.code == "flag.garbled"]


def test_a_word_with_a_digit_right_before_or_after_garbage_goes_with_it_and_is_no_call():
    text = "\n".join([LONG, LONG, "blood, complexion, clean and sweet?",
                      "Do1 5ouy nto0 s9ee who It6 dulow eSrve oT vahe suhc4 0A yobD Het1", "the page of the book in the end.",
                      "", "Notes", "1. A note whose call was lost."])
    tree, state = normalise_text(text, kind="pdf")
    body = " ".join(texts(tree, "//db:para"))
    assert "Do1" not in body and "Het" not in body and not tree.xpath("//db:footnote", namespaces=NS)
    garbled = [d.text for d in state.diagnostics.items if d.code == "flag.garbled"][0]
    assert garbled.startswith("Do1 5ouy") and garbled.endswith("yobD Het1")
