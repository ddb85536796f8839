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


def test_rare_words_of_the_text_right_after_garbage_stay():
    """The garbage ends at its last malformed token: the next line's rare words ('debasing', 'homage',
    used nowhere else in the book) are the text's, not garbage."""
    common = "The slave and the master: quite servile enough to crouch at the feet of a master, most of the slaves."
    text = "\n".join([common, common, common, "", LONG, "fortune to od6 ,4hietre u3ednR the rshevieepsrO 8of M6.r eGor0. e6H swa6 sjut 4odpur e4ht",
                      "most debasing homage of the slave, and quite servile enough to crouch at the feet of a master.",
                      "", LONG, "the end."])
    tree, state = normalise_text(text, kind="pdf")
    body = " ".join(texts(tree, "//db:para"))
    assert "most debasing homage of the slave" in body and "u3ednR" not in body
    assert [d.text for d in state.diagnostics.items if d.code == "flag.garbled"][0].endswith("4odpur e4ht")


def test_a_word_with_a_digit_two_words_after_garbage_goes_with_it_and_is_no_call():
    common = "The virtue or the vice to resist it, a day passed, a lash for stealing fruit: the page of the book."
    text = "\n".join([common, common, common, "", LONG, LONG, "the virtue or the vice to resist it. Scarcely a day passed,",
                      "dguinr hte mU,emrs but 8tath oes7m av5lse dha6 ot aetk Het1",
                      "lash for stealing fruit, the page of the book in the end.", "", "Notes", "1. A note whose call was lost."])
    tree, state = normalise_text(text, kind="pdf")
    body = " ".join(texts(tree, "//db:para"))
    assert "Het" not in body and "aetk" not in body and not tree.xpath("//db:footnote", namespaces=NS)
    assert "Scarcely a day passed," in body and "lash for stealing fruit" in body  # rare words, the text's
    assert [d.text for d in state.diagnostics.items if d.code == "flag.garbled"] == ["mU,emrs but 8tath oes7m av5lse dha6 ot aetk Het1"]


def test_rare_words_ending_the_line_before_garbage_stay():
    """Three rare words ('overseeing', 'beginnings', 'schooling') close the line over the garbage, and
    the garbage opens with a word that is no worse than rare: they end a clean line of the source,
    so they are the text's, and the garbage starts on its own line."""
    common = "The relief of suffering, the paying of bounties: the page of the book, and the end of it."
    text = "\n".join([common, common, common, "", LONG, "physical suffering, the overseeing of the beginnings of schooling",
                      "9,broal t2eh guybn6i dn7a nlslgei f7o lnd,a het hlesbttemasni oF3",
                      "schools, the paying of bounties, the page of the book in the end.", "", LONG, "the end."])
    tree, state = normalise_text(text, kind="pdf")
    body = " ".join(texts(tree, "//db:para"))
    assert "the overseeing of the beginnings of schooling schools, the paying" in body and "t2eh" not in body
    assert [d.text for d in state.diagnostics.items if d.code == "flag.garbled"][0].startswith("9,broal t2eh")


def test_rare_words_ending_two_lines_before_garbage_stay():
    """Rare words close two clean lines over the garbage ('… the boldest' / 'defender of besieged but
    unbowed harbours, narrates'): line by line, both are the text's, and the garbage starts on its own."""
    common = "The lamp and the harbour: a keeper of the lamp at the harbour, the page of the book, and the end."
    text = "\n".join([common, common, common, "", LONG, "the keeper of the lamp at the harbour, and the boldest",
                      "defender of besieged but unbowed harbours, narrates",
                      "h8eT glliowfOn ecToadne1 ni 0a psheec ivl3redeed by6 him7 I6n",
                      "the keeper of the lamp, the page of the book in the end.", "", LONG, "the end."])
    tree, state = normalise_text(text, kind="pdf")
    body = " ".join(texts(tree, "//db:para"))
    assert "and the boldest defender of besieged but unbowed harbours, narrates the keeper" in body
    assert [d.text for d in state.diagnostics.items if d.code == "flag.garbled"][0].startswith("h8eT")
