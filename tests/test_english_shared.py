"""Figures an English sentence states for several places at once (english_shared.py), as on the Chinese path."""
from datetime import datetime

import pytest

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def holders(body):
    return [(t.jurisdiction_name, t.target_value, t.extra.get("holder_no", 0)) for t in extract_story("", body, PUB)[1]]


@pytest.mark.parametrize("text", ["Hefei and Wuhu will each set up a 2 billion yuan metaverse fund by 2026.",
                                  "Hefei and Wuhu both plan to set up a 2 billion yuan metaverse fund by 2026."])
def test_each_or_both_after_the_places_gives_the_figure_to_each(text):
    assert holders(text) == [("Hefei", 2e9, 0), ("Wuhu", 2e9, 1)]


def test_respectively_pairs_the_figures_with_the_places_in_order():
    assert holders("Hefei and Wuhu will set up metaverse funds of 3 billion yuan and 2 billion yuan, respectively, by 2026.") == [
        ("Hefei", 3e9, 0), ("Wuhu", 2e9, 0)]


@pytest.mark.parametrize("text", ["Hefei, Wuhu and Bengbu will set up funds of 3 billion yuan and 2 billion yuan respectively by 2026.",
                                  "Hefei, Wuhu and Bengbu plan to attract 90, 70 and 50 metaverse companies respectively by 2026."])
def test_respective_figures_that_cannot_be_paired_give_no_row(text):
    assert holders(text) == []


@pytest.mark.parametrize("text", ["Hefei and Wuhu will jointly set up a 2 billion yuan metaverse fund by 2026.",
                                  "Hefei and Wuhu's three parks will each receive 2 billion yuan by 2026.",
                                  "Hefei and Wuhu signed a deal, and each will set up a 2 billion yuan fund by 2026."])
def test_a_joint_figure_or_one_each_of_other_things_keeps_one_owner(text):
    assert [h for h in holders(text) if h[1] == 2e9] == [("Hefei", 2e9, 0)]
