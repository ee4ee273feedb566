"""Boilerplate lines: whole-line patterns, and patterns that may match a line of any length, tried only on a line
holding one of their cue words."""
from pipelines.parse.rules import text_rules


def boilerplate(line: str) -> bool:
    return text_rules().boilerplate.matches(line)


def test_a_cookie_banner_line_is_boilerplate_in_any_case_and_wherever_its_link_is_written():
    assert boilerplate("We bake no cookies without asking: read our COOKIE POLICY for the details")
    assert boilerplate("Cookie settings")
    assert boilerplate("Read our cookıe policy")  # re.IGNORECASE reads 'ı' as 'i', though 'ı' lowers to itself


def test_a_photo_credit_ending_with_its_source_is_boilerplate_but_not_a_sentence_naming_one():
    assert boilerplate("A harbour crane at dusk via Unsplash")
    assert not boilerplate("The harbour authority posted the pictures on Flickr, where they drew many views.")


def test_a_story_sentence_about_cookies_and_a_two_line_text_are_not():
    assert not boilerplate("The bakery sold four thousand cookies on its first day.")
    assert not boilerplate("Read our cookie policy\nThe harbour opened on Monday.")
    assert boilerplate("Back to top") and not boilerplate("Back to the harbour")


def test_a_line_sending_readers_to_the_latest_news_is_a_promotion():
    promo = text_rules().promo
    assert promo.search("(Catch all the latest tech news on ETTech)")
    assert not promo.search("The fund will catch the latest wave of start-ups in Chennai.")
