"""Glued paragraphs: subheadings glued to the sentence after them are cut out wherever they are, however many."""
from pipelines.parse.cleaning import break_glued_sentences, sentence_starts, unglue_paragraph


def test_a_heading_glued_to_a_sentence_opener_and_a_plain_heading_are_cut_out():
    assert unglue_paragraph("It ended badly.Slow processMeanwhile, creditors wait.") == [
        "It ended badly.", "Slow process", "Meanwhile, creditors wait."]
    assert unglue_paragraph("The quay grew. A new harbour roadmapSouth berths open in May.") == [
        "The quay grew.", "A new harbour roadmap", "South berths open in May."]


def test_a_camel_case_name_or_a_heading_with_a_break_is_not_cut():
    assert unglue_paragraph("Shares of NetEase rose.", frozenset({"netease"})) == ["Shares of NetEase rose."]
    assert unglue_paragraph("Prices: a steep climbThe market cooled.") == ["Prices: a steep climbThe market cooled."]
    assert unglue_paragraph("BitOasis listed a new token.") == ["BitOasis listed a new token."]


def test_a_paragraph_of_thousands_of_glued_headings_is_cut_into_all_of_them():
    """Each heading is cut from the rest of the paragraph in a loop (a call on each rest overflowed the stack)."""
    pieces = unglue_paragraph("The harbour grew. " + "The port roadmapSouth berths. " * 3000)
    assert pieces[:4] == ["The harbour grew.", "The port roadmap", "South berths.", "The port roadmap"]
    assert len(pieces) == 1 + 2 * 3000 and pieces[-1] == "South berths."


def test_a_long_camel_case_run_before_a_glued_heading_is_read_as_one_word():
    """The letters around every glue point of the run are one token: never a heading (no lower-case opening)."""
    run = "Ab" * 5000
    assert unglue_paragraph(f"The quay {run} opened.") == [f"The quay {run} opened."]
    assert unglue_paragraph(f"The quay {run} opened. Dock roadmapSouth berths open.") == [
        f"The quay {run} opened.", "Dock roadmap", "South berths open."]


def test_sentence_starts_are_read_from_an_offset_as_in_the_text_after_it():
    text = 'It ended.  "Then rates rose." (A note.) 3 more; a b. c'
    assert list(sentence_starts(text)) == [0, 11, 30, 40]
    assert list(sentence_starts(text, 11)) == [11 + at for at in sentence_starts(text[11:])] == [11, 30, 40]
    assert list(sentence_starts(text, 3)) == [11, 30, 40]  # 'ended.' opens no sentence


def test_a_break_goes_after_each_glued_sentence_end_and_its_closing_quote_only():
    assert break_glued_sentences('Rates fell 5%.Then they rose!Markets "calmed."The OSL.AI rally') == \
        'Rates fell 5%.\n\nThen they rose!\n\nMarkets "calmed."\n\nThe OSL.AI rally'
    assert break_glued_sentences("“Quote.”Then") == "“Quote.”\n\nThen"
    for kept in ["U.S.Steel", "e.g. The", "version 2.0 Beta", "It ended. Then", "a.b", "ends.\nThe"]:
        assert break_glued_sentences(kept) == kept
