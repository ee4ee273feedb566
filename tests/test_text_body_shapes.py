"""What a text dump's main body keeps on pages that are no article: small invented pages in the shapes of a Q&A
engine's question, a forum thread and a shop's product cards, each asserting what must and must not come out."""
from __future__ import annotations

from pipelines.parse.text_page import parse_text


def _paragraphs(*lines: str) -> list[str]:
    """The main story's body paragraphs of a dump printing `lines` one under another."""
    return parse_text("\n".join(lines))[0].body.split("\n\n")


def test_a_qa_pages_vote_counts_and_repeated_engine_lines_leave_the_body():
    question = ("I have a small bakery and want to bake bread for about forty guests on Saturday. The oven fits two "
                "trays at a time and the dough needs an hour to rise.")
    answer = ("Bake the loaves in batches the day before and keep them wrapped in cloth, then warm them for five "
              "minutes in the oven just before the guests sit down to eat.")
    other = ("Ask a neighbour with a second oven to bake one batch for you, and let the dough rise in the fridge "
             "overnight so you can start early on the morning of the party.")
    paragraphs = _paragraphs("Ask Question", "How do I bake bread for forty guests?", "Asked 2 years ago",
                             "Viewed 3k times", "14", question, "Share", "Follow", "asked May 3, 2021 at 9:15", "Tom Baker",
                             "2 Answers", "9", answer, "Share", "Follow", "Reply", "answered May 4, 2021 at 8:01",
                             "Ann Lee", "3", other, "Share", "Follow", "Reply", "answered May 5, 2021 at 7:40",
                             "Bo Chen", "Reply")
    assert question in paragraphs and answer in paragraphs and other in paragraphs
    assert "9" not in paragraphs and "3" not in paragraphs
    assert "Follow" not in paragraphs and "Share" not in paragraphs


def test_a_forum_threads_post_furniture_leaves_the_body_and_its_posts_stay():
    post = ("My old router drops the connection every evening around eight, and restarting it only helps for an hour. "
            "The cable to the wall socket is new.")
    reply = ("Check the channel the router uses in the evening: your neighbours' networks may crowd it then, and a "
             "quieter channel often fixes drops like these.")
    thanks = "That was it, thank you. I moved to channel eleven and the connection has held for three evenings now."
    paragraphs = _paragraphs("Home Network Forum", "Router drops the connection every evening", "ann_lee", "Member",
                             "#1", post, "Link to comment", "Quote", "Reply", "bo_chen", "Member", "#2", reply,
                             "Link to comment", "Quote", "Reply", "ann_lee", "Member", "#3", thanks, "Link to comment",
                             "Quote", "Reply")
    assert post in paragraphs and reply in paragraphs and thanks in paragraphs
    assert "Member" not in paragraphs and "Link to comment" not in paragraphs and "#2" not in paragraphs


def test_a_shop_pages_repeated_card_lines_stay_when_no_one_replies():
    intro = ("Our hand-made mugs are thrown from local clay and fired twice, so each one holds its glaze for years of "
             "daily use in the kitchen or the office.")
    cards = []
    for name, blurb in (("Blue Mug", "A deep blue glaze over a wide handle that fits four fingers."),
                        ("Green Mug", "A pale green glaze with a thin rim that keeps tea warm for longer."),
                        ("Grey Mug", "A speckled grey glaze over a tall body that holds a large coffee.")):
        cards += [name, blurb, "$24", "Add to cart"]
    paragraphs = _paragraphs("Clay Studio Shop", "Hand-made mugs", intro, *cards, "Copyright 2024 Clay Studio")
    assert intro in paragraphs
    assert paragraphs.count("Add to cart") == 3 and "$24" in paragraphs


def test_a_threads_short_posts_in_other_scripts_stay():
    """A short post of Cyrillic, Greek or Hangul words is a post, not a count: only lines without letters of any
    script (vote counts, '#2') leave the body."""
    post = ("My old router drops the connection every evening around eight, and restarting it only helps for an hour. "
            "The cable to the wall socket is new.")
    reply = ("Check the channel the router uses in the evening: your neighbours' networks may crowd it then, and a "
             "quieter channel often fixes drops like these.")
    thanks = "That was it, thank you. I moved to channel eleven and the connection has held for three evenings now."
    short = ["Как заменить роутер?", "Ευχαριστώ πολύ", "감사합니다 정말로"]
    paragraphs = _paragraphs("Home Network Forum", "Router drops the connection every evening", "ann_lee", "#1", post,
                             short[0], "Quote", "Reply", "bo_chen", "#2", reply, short[1], "Quote", "Reply", "ann_lee",
                             "#3", thanks, short[2], "Quote", "Reply")
    assert post in paragraphs and reply in paragraphs and thanks in paragraphs
    assert all(text in paragraphs for text in short)
    assert "#2" not in paragraphs and "#3" not in paragraphs
