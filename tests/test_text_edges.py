"""The main story's furniture edges in a text dump (pipelines/parse/text/edges.py)."""
from pipelines.parse.rules import text_rules
from pipelines.parse.text.edges import without_furniture_edges
from pipelines.parse.text.lines import Line
from pipelines.parse.text.page import parse_text

STORY = ["The harbour board voted on Tuesday to widen the northern channel for larger ferries.",
         "Work is due to start next spring and will take about two years."]


def test_short_lines_after_the_last_sentence_are_left_out():
    body = without_furniture_edges(STORY + ["Tags", "Ports", "Ferries", "Share this article"], text_rules())
    assert body == STORY


def test_short_lines_before_the_first_sentence_are_left_out():
    body = without_furniture_edges(["Local news", "Photo: Harbour board"] + STORY, text_rules())
    assert body == STORY


def test_a_long_run_of_short_lines_at_the_end_is_kept():
    specs = ["Length: 40 m", "Beam: 9 m", "Draught: 3 m", "Seats: 300", "Cars: 40", "Speed: 18 knots", "Crew: 6"]
    assert without_furniture_edges(STORY + specs, text_rules()) == STORY + specs


def test_a_story_without_sentences_is_left_whole():
    cards = ["Blue Mug", "$24", "Green Bowl", "$31"]
    assert without_furniture_edges(cards, text_rules()) == cards


def test_a_colon_line_counts_as_a_sentence():
    body = ["Residents can comment in three ways this month:", "By post", "Online"]
    assert without_furniture_edges(STORY + body, text_rules())[:3] == STORY + body[:1]


def test_parse_text_leaves_trailing_tags_out_of_the_main_body():
    page = "\n\n".join(["Harbour board widens the channel", "May 2, 2024"] + STORY + ["Tags", "Ports", "Ferries"])
    body = parse_text(page)[0].body
    assert "widen the northern channel" in body and "about two years" in body
    assert "Ferries" not in body.splitlines()


def test_an_end_holding_a_line_printed_between_the_sentences_is_kept():
    cards = STORY[:1] + ["Blue Mug", "A deep blue glaze over a wide handle that fits four fingers.", "$24", "Add to cart",
             "Green Mug", "A pale green glaze with a thin rim that keeps tea warm for longer.", "$24", "Add to cart"]
    assert without_furniture_edges(cards, text_rules()) == cards


def test_a_threads_last_short_post_is_kept():
    posts = STORY + ["Thanks, that helped"]
    thread = [Line(text, n, "text") for n, text in enumerate(posts + ["Reply", "Quote", "Reply", "Quote"])]
    assert without_furniture_edges(posts, text_rules(), thread) == posts
    assert without_furniture_edges(posts, text_rules(), thread[:3]) == STORY


def test_a_menu_above_the_first_sentence_is_left_out():
    menu = ["Products", "Pricing", "Docs", "Blog", "Careers", "Sign in", "Get a demo", "Our platform",
            "Build faster with fewer tools.", "Support"]
    assert without_furniture_edges(menu + STORY, text_rules()) == STORY


def test_a_long_run_of_item_lines_with_figures_above_the_first_sentence_is_kept():
    items = ["Item 1", "Red, 2 kg", "$12", "Item 2", "Blue, 3 kg", "$15", "Item 3", "Green, 4 kg", "$19"]
    assert without_furniture_edges(items + STORY, text_rules()) == items + STORY


def test_a_last_sentence_closed_by_an_end_mark_is_the_story_s_last():
    last = "Lakeside district plans to attract 1,000 digital firms in the next three years. ■"
    body = without_furniture_edges(STORY + [last, "Follow us"], text_rules())
    assert body == STORY + [last]
    # a mark alone ends nothing: a short line with it is still furniture
    assert without_furniture_edges(STORY + ["Follow us ■"], text_rules()) == STORY
