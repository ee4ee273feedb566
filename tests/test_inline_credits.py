"""Inline credits glued inside a paragraph: found where their opening words are written, as a search of the whole
paragraph finds them."""
from pipelines.parse.cleaning import remove_inline_credits
from pipelines.parse.rules import text_rules


def whole_search(text: str) -> str:
    return text_rules().inline_credit.sub("\n\n", text)


def test_credits_glued_between_sentences_become_paragraph_breaks():
    text = "The quay opened.Photo by Jon Hale on UnsplashA longer quay is next. Image: Reuters The berth, too."
    assert remove_inline_credits(text) == "The quay opened.\n\nA longer quay is next. \n\n The berth, too."


def test_a_cue_word_inside_another_word_or_without_its_credit_is_kept():
    for text in ["Prices spread more widely this year", "The photo shows the new quay at dusk."]:
        assert remove_inline_credits(text) == text == whole_search(text)


def test_a_closing_read_more_goes_and_text_before_the_cue_is_kept_as_written():
    text = "The berth opens in May. “It will take big ships,” she said.\u00a0Read more"
    assert remove_inline_credits(text) == "The berth opens in May. “It will take big ships,” she said.\u00a0\n\n"


def test_letters_lowered_to_other_lengths_or_read_as_ascii_do_not_hide_a_credit():
    for text in ["İzmir port opened.Photo by Jon Hale on UnsplashA longer quay",  # 'İ' lowers to two characters
                 "A ſhort photo essay.Photo by Jon Hale on UnsplashThe quay"]:     # 'ſ' is read as 's'
        assert remove_inline_credits(text) == whole_search(text) != text
