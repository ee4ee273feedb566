"""What a reader is asked to consent to is no part of a story: a consent manager's dialog printed on the page (which must
not move where the story is read either) and a form's legal notice by the story."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text.body import without_site_notices
from pipelines.parse.text.page import parse_text

DISHES = ["Lemon Barley Soup With Greens", "Baked Trout With Fennel and Orange", "Slow Cooker Lentil Stew for Busy Nights",
          "Crispy Tofu Bowls With Peanut Sauce", "Sheet Pan Gnocchi With Tomatoes", "Mushroom Barley Risotto",
          "Spiced Chickpea Flatbreads", "One-Pot Orzo With Spinach and Feta", "Honey Garlic Salmon Traybake",
          "Roast Squash and Kale Salad", "Weeknight Pork Noodle Stir-Fry", "Ten-Minute Egg Fried Rice"]
ITEMS = DISHES + [f"{dish} Again" for dish in DISHES] + [f"{dish} for Two" for dish in DISHES]
DIALOG = [
    "We Care About Your Privacy",
    "",
    "We and our 120 partners store and/or access information on a device, such as unique IDs in cookies, to process "
    "personal data. You may accept or manage your choices at any time by clicking below.",
    "We and our partners process data to provide the following services to the readers of this website:",
    "Your choices apply to this website only. You can change your settings at any time, including withdrawing your "
    "consent, by using the toggles on the privacy policy page or by clicking the manage consent button at the bottom "
    "of the screen, where you can also read more about each partner and the purposes they use your data for.",
    "Store and/or access information on a device. Use limited data to select advertising. Create profiles for "
    "personalised advertising. Measure content performance and develop services.",
    "Accept All",
    "Reject All",
]


def _listing(dialog: list[str]) -> str:
    """A recipe listing of short item lines (a name over its rating count), with `dialog` printed under it."""
    head = ["Home", "Recipes", "Dinners", "Holidays", "Search", "", "Weeknight Dinner Ideas", "",
            "Quick dinners for busy evenings, picked by our test kitchen.", ""]
    return "\n".join(head + [line for item in ITEMS for line in (item, "12 Ratings")] + [""] + dialog)


def test_consent_dialog_under_a_listing_is_not_its_story():
    body = parse_text(_listing(DIALOG))[0].body
    assert all(item in body for item in ITEMS)
    assert "partners" not in body and "consent" not in body and "Store and/or access" not in body



def test_form_legal_notice_leaves_the_body():
    paragraphs = ["The river trail reopens on Friday after a month of repairs to its two footbridges.",
                  "By submitting this form, you agree to receive updates from the parks office.",
                  "By clicking Continue, I consent to the terms of use.",
                  "By using the new bridges, cyclists save ten minutes on the loop."]
    assert without_site_notices(paragraphs, text_rules()) == [paragraphs[0], paragraphs[3]]



def test_links_shop_widgets_and_pagers_printed_as_paragraphs_leave_the_body():
    paragraphs = ["Walnut Side Table", "A small table in oiled walnut with one drawer.", "Rated 4.5 out of 5",
                  "Learn more about our workshop", "Learn more about it here.", "See more photos", "Add to cart",
                  "See more of the grain in a darker oil: the drawer front shows it best.", "(128 reviews)",
                  "Price: Low - High", "Add to wishlist", "Add to the oil a drop of wax.", "Quick view", "Page 2 of 9"]
    assert without_site_notices(paragraphs, text_rules()) == [paragraphs[0], paragraphs[1], paragraphs[4],
                                                                       paragraphs[7], paragraphs[11]]


def test_affiliate_disclosure_leaves_the_body_but_a_story_about_affiliates_stays():
    story = ("Affiliate links pay small blogs more than display ads do, the survey of 300 publishers found, and most of "
             "them now earn a commission on at least one product they review each month, up from a third in 2021, while "
             "the share living on banner advertising alone fell below one in ten.")
    paragraphs = ["The new kettle boils a litre in under three minutes.", "This post may contain affiliate links.",
                  "As an Amazon Associate we earn from qualifying purchases.", story]
    assert without_site_notices(paragraphs, text_rules()) == [paragraphs[0], story]
