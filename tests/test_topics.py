"""Story topics (pipelines/extract/topics.py, pipelines/data/topics.yaml): what is counted, what is not, which is primary."""
from __future__ import annotations

import re

from pipelines.extract.topics import TOPICS_FILE, story_topics, topic_cues
from pipelines.modelling.modelgraph import MODELS_DIR
from pipelines.yamlfile import load_yaml


def counts(title, body):
    return {t.topic: (t.title_mentions, t.body_mentions) for t in story_topics(title, body)}


def primary(title, body):
    return [t.topic for t in story_topics(title, body) if t.is_primary]


def test_words_match_whole_words_in_any_case_with_plurals_and_hyphens():
    body = "Metaverses, BLOCKCHAIN pilots, virtual-reality headsets, stablecoins and the Digital  Yuan."
    assert counts(None, body) == {"metaverse": (0, 2), "web3": (0, 1), "crypto": (0, 1), "cbdc": (0, 1)}


def test_a_cue_inside_a_longer_word_is_not_counted():
    assert counts("Cryptography and metaversal art", "Decryption keys; blockchainless designs; the VRAM of a GPU.") == {}


def test_acronyms_keep_their_case():
    assert counts(None, "The DAO voted on NFTs. A dao is a path; nft is a typo; CBDC pilots widen.") == {
        "web3": (0, 2), "cbdc": (0, 1)}


def test_an_acronym_beside_han_text_is_counted():
    assert counts("上海发行NFT数字藏品", None) == {"web3": (2, 0)}


def test_the_longest_unspaced_cue_at_a_place_wins_across_topics():
    assert counts("深圳扩大数字人民币试点", "推出虚拟数字人主播。") == {"metaverse": (0, 1), "cbdc": (1, 0)}


def test_words_set_aside_are_not_a_topic():
    assert counts(None, "广州将引进数字人才一万名，完善数字人社服务。") == {}
    assert counts("浙江推进数字人大建设", "高校成立数字人文研究中心，推行数字人事管理。") == {}  # people's congress, humanities, HR
    assert counts("數字人文研究", "推出虛擬數字人主播。") == {"metaverse": (0, 1)}


def test_traditional_chinese_japanese_and_korean_cues():
    assert set(counts("香港推動虛擬資產發展", "東京都がメタバース事業を支援。서울시는 블록체인 기업을 지원한다.")) == {
        "metaverse", "web3", "crypto"}


def test_the_title_decides_the_primary_topic_then_the_body():
    body = "Bitcoin and bitcoin miners and crypto exchanges were also discussed."
    assert primary("Seoul funds metaverse start-ups", body) == ["metaverse"]
    assert primary("City funds start-ups", body) == ["crypto"]


def test_a_tie_goes_to_the_topic_listed_first():
    assert primary(None, "A blockchain for a metaverse: the metaverse runs on the blockchain.") == ["metaverse"]


def test_a_topic_named_once_in_passing_is_no_primary_topic():
    topics = story_topics("Bond yields climb", "Unlike crypto, government bonds held their value this week.")
    assert [(t.topic, t.body_mentions, t.is_primary) for t in topics] == [("crypto", 1, False)]
    assert primary("Crypto lender expands", "The lender opened an office.") == ["crypto"]  # the title decides


def test_the_first_mention_is_kept_as_provenance():
    title, body = "Dubai courts Web3 firms", "The emirate licenses VASPs. Its web3 strategy adds NFTs."
    first = {t.topic: (t.field, t.char_start, t.surface_text) for t in story_topics(title, body)}
    assert first == {"web3": ("title", 13, "Web3"), "crypto": ("body", 21, "VASPs")}
    assert title[13:17] == "Web3" and body[21:26] == "VASPs"


def test_a_story_with_no_cue_has_no_topic_and_none_is_primary():
    assert story_topics("Japan earmarks funds for chips", "The plan backs semiconductors and AI.") == []
    assert story_topics(None, None) == []


def test_the_vocabulary_is_the_one_the_models_accept():
    """models/*.sql list the topics in @accepted; topics.yaml is the vocabulary they must match."""
    accepted = set()
    for path in MODELS_DIR.glob("*.sql"):
        for found in re.findall(r"@accepted: topic in \(([^)]*)\)", path.read_text(encoding="utf-8")):
            accepted.add(tuple(re.findall(r"'([^']+)'", found)))
    assert accepted == {topic_cues().topics}


def test_common_synonyms_of_each_topic_are_cues():
    """Spellings wire stories and Asian government news use for the same things: 'Web 3', DCEP, the e-rupee, stable
    coins, security token offerings; HK's 數碼港元 and 代幣化, Taiwan's 數位新臺幣, Japan's 中銀デジタル通貨,
    Korea's 디지털자산 and 토큰증권."""
    assert counts("Dubai courts Web 3 firms", "China widens DCEP trials; the e-rupee pilot grows.") == {
        "web3": (1, 0), "cbdc": (0, 2)}
    assert counts("Stable coin rules", "Issuers of stable coins; a security token offering.") == {
        "crypto": (1, 1), "web3": (0, 1)}
    assert counts("金管局推進數碼港元", "研究代幣化存款；數位新臺幣仍在研究。") == {"cbdc": (1, 1), "web3": (0, 1)}
    assert counts("日銀、中銀デジタル通貨を検討", "부산시는 디지털자산 거래소와 토큰증권 발행을 추진한다.") == {
        "cbdc": (1, 0), "crypto": (0, 1), "web3": (0, 1)}


def test_an_ambiguous_cue_counts_only_beside_a_clear_one_or_in_the_headline():
    """'digital assets' of a media library, the 'tokenization' of a language model or a card, a bank's 'RWAs'
    (risk-weighted assets), a game's 'virtual currency', 数字资产 of enterprise IT: in a body alone they make no topic;
    in a story that writes a clear cue of some topic, or in its headline (a tax agency's 'digital assets' strategy),
    they count."""
    assert counts("Museum digitises archive", "It will manage its digital assets and photos in a new system.") == {}
    assert counts("Models get cheaper", "A new tokenizer; card tokenisation; RWAs rose; in-game virtual currency.") == {}
    assert counts("推进国有企业数字化转型", "加强数据资产和数字资产管理。") == {}
    assert counts("Thailand probes crypto exchanges", "Digital asset operators need a licence; RWA tokenization grows.") == {
        "crypto": (1, 1), "web3": (0, 2)}
    assert counts("海南探索数字资产交易", "建设基于区块链的交易平台。") == {"crypto": (1, 0), "web3": (0, 1)}
    assert primary("Tax agency names head of digital assets", None) == ["crypto"]
    assert primary("Virtual currency gains to be taxed at 20%", "The cut would apply from next year.") == ["crypto"]


def test_every_ambiguous_cue_is_a_cue_of_a_topic():
    spec = load_yaml(TOPICS_FILE)
    cues = {cue.lower() for topic in spec["topics"].values() for kind in ("words", "acronyms", "unspaced")
            for cue in topic.get(kind) or []}
    assert spec["ambiguous"] and {cue.lower() for cue in spec["ambiguous"]} - cues == set()


def test_offsets_count_code_points_past_astral_characters_and_dotted_capital_i():
    """char_start indexes the field as Python (and DuckDB's substr) count characters: an emoji or a CJK character of
    the astral plane is one, and 'İ', which lowers to two, does not shift what follows."""
    title, body = "İzmir 😀 hosts a Metaverse expo", "𠀀𠀁 上海 😀 ANKARA İ BLOCKCHAIN 元宇宙"
    first = {t.topic: (t.field, t.char_start, t.surface_text) for t in story_topics(title, body)}
    assert first == {"metaverse": ("title", 16, "Metaverse"), "web3": ("body", 17, "BLOCKCHAIN")}
    assert title[16:25] == "Metaverse" and body[17:27] == "BLOCKCHAIN"


def test_spaced_words_set_aside_hide_the_cue_they_start_with():
    """'digital human rights' (policy), 'digital human resources' (HR software) are no digital humans, as 数字人才
    is none."""
    assert counts("Digital human rights charter", "A digital human resources suite for payroll.") == {}
    assert counts("Digital humans host the news", "A digital human anchor; the Digital Human Rights Forum.") == {
        "metaverse": (1, 1)}
    assert counts(None, "Digital token service providers need a licence.") == {"crypto": (0, 1)}  # Singapore's law's word


def test_full_width_latin_letters_of_japanese_and_chinese_text_are_read_as_latin():
    """Japanese papers (and some Chinese sites) set Latin letters full width: ＮＦＴ, Ｗｅｂ３, ＶＲ; offsets and the
    first mention stay as written."""
    title, body = "政府、Ｗｅｂ３推進へ", "ＮＦＴやＶＲを活用する。ＶＲＡＭは対象外。"
    first = {t.topic: (t.title_mentions, t.body_mentions, t.char_start, t.surface_text) for t in story_topics(title, body)}
    assert first == {"metaverse": (0, 1, 4, "ＶＲ"), "web3": (1, 1, 3, "Ｗｅｂ３")}
