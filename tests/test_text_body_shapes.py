"""What a text dump's main body keeps on pages that are no article: small invented pages in the shapes of a Q&A
engine's question, a forum thread and a shop's product cards, each asserting what must and must not come out."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text.body import without_site_notices
from pipelines.parse.text.page import parse_text


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
        cards += [name, blurb, "$24", "In stock"]
    paragraphs = _paragraphs("Clay Studio Shop", "Hand-made mugs", intro, *cards, "Copyright 2024 Clay Studio")
    assert intro in paragraphs
    assert paragraphs.count("In stock") == 3 and "$24" in paragraphs


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


SHOP_MENU = ("Men", "Women", "Kids", "Sale", "Gifts", "Stores")
SHOP_FOOTER = ("Help", "Order Status", "Shipping", "Returns", "Contact Us", "About Us", "Careers", "Press",
               "© 2025 Trail Goods Inc. All rights reserved.")


def test_a_product_page_without_running_text_is_read_from_its_block_of_short_lines():
    """A product page holds no sentence: its name, price and spec lines are read as its body, its menus are not."""
    product = ["Ridge Runner 3", "Men's Trail Running Shoes", "$129.95", "Rated 4.6 out of 5 by 212 buyers",
               "A grippy lug sole and a light foam midsole for long days on rocky ground",
               "Weight: 290 g per shoe", "Heel drop: 6 mm", "Upper: recycled mesh with a welded toe cap",
               "Sizes: 7 to 13, regular and wide", "Colour: Moss Green / Slate", "Free returns within 30 days"]
    stories = parse_text("\n".join(("Skip to main content", *SHOP_MENU, *product, *SHOP_FOOTER)))
    body = stories[0].body.split("\n\n")
    assert "Weight: 290 g per shoe" in body and "Upper: recycled mesh with a welded toe cap" in body
    assert not set(SHOP_MENU) & set(body) and "Order Status" not in body and "Careers" not in body


def test_a_collection_grid_without_running_text_is_read_and_its_filters_are_not():
    filters = ("Colour", "Black", "Blue", "Green", "Grey", "Red", "White", "Width", "Regular", "Wide")
    cards = []
    for name, kind, price in (("Ridge Runner 3", "Trail Running Shoes", "$129"),
                              ("Harbor Walk 2", "Road Walking Shoes", "$89"),
                              ("Summit Pro", "Hiking Boots", "$189"), ("Canyon Lite", "Trail Running Shoes", "$119"),
                              ("Meadow Glide", "Road Running Shoes", "$99"),
                              ("Peak Guard GTX", "Waterproof Hiking Boots", "$209")):
        cards += [name, kind, "4 Colours", price]
    body = parse_text("\n".join(("Skip to main content", *SHOP_MENU, "Men's Shoes (214)", *filters, *cards,
                                 *SHOP_FOOTER)))[0].body.split("\n\n")
    assert "Summit Pro" in body and "$209" in body and "Waterproof Hiking Boots" in body
    assert "Green" not in body and "Wide" not in body and "Careers" not in body


def test_pages_of_a_few_short_lines_stay_quarantined():
    """A cookie wall, a sign-in form or a shop whose items were never rendered holds no block of content: no story."""
    cookie_wall = ("Trail Goods", "We value your privacy", "Accept all", "Reject all", "Manage preferences",
                   "Cookie settings", "Privacy policy")
    sign_in = ("Trail Goods", "Sign in to your account", "Email address", "Password", "Forgot your password?",
               "Keep me signed in", "Create an account", "Need help?")
    empty_shop = ("Skip to main content", *SHOP_MENU, "New Arrivals", "Free shipping over $50", "Loading products",
                  *SHOP_FOOTER)
    for page in (cookie_wall, sign_in, empty_shop):
        assert parse_text("\n".join(page)) == []


ARTICLE_OPENING = ("Harbor towns sold more fish this year",
                   "The harbor towns of the north coast sold more fish this year than in any year since the new quay "
                   "opened, and the trade group expects the rise to hold through the winter season.",
                   "Most of the rise came from the two largest ports, where the new cold stores let boats land their "
                   "catch at night and sell it at the morning auction.")


def test_a_source_credit_under_a_table_inside_the_story_ends_nothing():
    """'Source: X' under a table of figures credits the table: the story's prose resumes under it, also under a
    section heading, and is read."""
    table = ("Landings by port", "North Quay 41,200 t", "Old Harbor 18,900 t", "Bay Point 7,300 t")
    after = ("The trade group said the smaller ports lost boats to the larger ones, whose cold stores and auctions draw "
             "the crews that used to land their catch closer to home.")
    heading_prose = ("The group asked the county to fund a shared cold store for the three smaller ports, so their "
                     "boats can land at night as the large ports' boats do.")
    page = (*ARTICLE_OPENING, *table, "Source: Coast Fisheries Board", after, "What comes next", heading_prose,
            "© 2025 Coast Daily")
    body = parse_text("\n".join(page))[0].body
    assert after in body and heading_prose in body
    assert "Source: Coast Fisheries Board" not in body


def test_a_press_releases_closing_source_line_still_ends_the_story():
    """A release's closing 'Source: Acme Corp' over the company's boilerplate ('Acme Corp is …') ends the story."""
    boilerplate = ("Northwind Fisheries is a cooperative of forty boat owners on the north coast that runs two cold "
                   "stores and a fish auction, and sells to buyers in six countries.")
    page = (*ARTICLE_OPENING, "Source: Northwind Fisheries", boilerplate, "© 2025 Newswire")
    body = parse_text("\n".join(page))[0].body
    assert ARTICLE_OPENING[2] in body and boilerplate not in body


def test_a_forum_engines_post_tools_make_a_thread_whose_tools_leave_the_body():
    """'Link to comment' / 'More sharing options...' under each post are a forum engine's comment actions: the page is a
    thread, so those lines and the poster's repeated rank leave the body."""
    post = ("My old laptop fan spins loudly whenever I open a browser, even with a single tab, and the case gets hot "
            "near the hinge. It is four years old.")
    reply = ("Open the bottom panel and blow the dust out of the fan and the heat sink: a clogged fin stack makes the "
             "fan run at full speed all the time.")
    thanks = "That fixed it. There was a thick mat of dust on the fins and the fan is quiet again now."
    tools = ["Link to comment", "More sharing options...", "Link to post", "More sharing options..."]
    paragraphs = _paragraphs("Laptop Forum", "Laptop fan is loud with one browser tab", "ann_lee", "Member", post,
                             *tools, "bo_chen", "Member", reply, *tools, "ann_lee", "Member", thanks, *tools)
    assert post in paragraphs and reply in paragraphs and thanks in paragraphs
    assert not {"Link to comment", "More sharing options...", "Link to post", "Member"} & set(paragraphs)


def test_a_forum_posters_details_leave_the_body_but_a_sentence_about_joining_stays():
    post = "The pump on my aquarium filter hums loudly since I cleaned it. Did I put the impeller back the wrong way?"
    joined = "Joined the club in 2019 and never looked back."
    paragraphs = ["ann_lee", "1,204 posts · Joined 2019", "Messages:", "312", "Reaction score:", "90", post,
                  "Joined: Mar 2021", joined]
    kept = without_site_notices(paragraphs, text_rules())
    assert post in kept and joined in kept
    assert not {"1,204 posts · Joined 2019", "Messages:", "Reaction score:", "Joined: Mar 2021"} & set(kept)
