"""Company / organization extraction on sentences written for these tests."""
from __future__ import annotations

import pytest

from pipelines.extract.companies import find_organizations
from pipelines.extract.company_names import canonical_company, company_rows


def _names(text: str, kind: str = "company", site: str | None = None) -> set[str]:
    """Canonical names of one entity type found in text."""
    return {m.entity_name for m in find_organizations(text, site) if m.entity_type == kind}


# (sentence, companies that must be found)
FOUND = [
    ("Nairobi fintech Zuripay, a mobile lending startup, raised fresh money.", {"Zuripay"}),
    ("Quorvex, an Estonia-based crypto custody provider, opened an office.", {"Quorvex"}),
    ("Shares of Pellucid rose after the results.", {"Pellucid"}),
    ("The deal was struck by crypto exchange TradeNest last week.", {"TradeNest"}),
    ("Brazilian chip foundry Siliconia will build a new line.", {"Siliconia"}),
    ("The token is backed by stablecoin issuer Monetra.", {"Monetra"}),
    ("Talks with Harbourline Securities and Kestrel Bank are ongoing.", {"Harbourline Securities", "Kestrel Bank"}),
    ("Members include Alibaba, Tencent, Plexora and Wynbit.", {"Alibaba", "Tencent", "Plexora", "Wynbit"}),
    ("The list names Huawei, Baidu, ZYXO and NetEase as members.", {"Huawei", "Baidu", "ZYXO", "NetEase"}),
    ("Analysts at J.P. Morgan expect a rebound.", {"JPMorgan"}),
    ("Sense Time unveiled a new model.", {"SenseTime"}),
    ("Orbitex Holdings said Orbitex would list in Tokyo.", {"Orbitex"}),
    ("Veltrano Limited issued a statement to its customers.", {"Veltrano"}),
    ("The Lumora co-founder said revenue had doubled.", {"Lumora"}),
    ("Brightwave's CEO Ana Ruiz spoke at the event.", {"Brightwave"}),
    ("Last year it partnered with Qualcomm on headsets.", {"Qualcomm"}),
    ("The Lisbon Stock Exchange welcomed the listing.", {"Lisbon Stock Exchange"}),
    ("Depositors fled Larkspur Bank. Professor Ann Lee of Oakridge University disagreed.", {"Larkspur Bank"}),
    ("Tether, the issuer of USDT, said its reserves grew.", {"Tether"}),
    ("Kinetica Digital Exchange (KDX) will open in March, and KDX plans to list gold.", {"Kinetica Digital Exchange"}),
    ("The exchange has OKX, Bybit, CoinEx and 2000Z on its blacklist.", {"OKX", "Bybit", "CoinEx", "2000Z"}),
    ("Binance, OKX, and Hong Kong-headquartered Bybit expanded.", {"Binance", "OKX", "Bybit"}),
    ("Animoca Labs and Polygon Labs joined the alliance.", {"Animoca Labs", "Polygon Labs"}),
    ("Partners include Kakao, Naver and Seoul Metropolitan Government.", {"Kakao", "Naver"}),
]

# (sentence, names that must NOT come out as companies)
NOT_COMPANY = [
    ("The Ministry of Industry and Information Technology (MIIT) set up a group.",
     {"Ministry of Industry and Information Technology", "MIIT"}),
    ("The Securities and Futures Commission fined the broker.", {"Securities and Futures Commission", "Securities"}),
    ("The rules were confirmed by the Monetary Authority of Singapore on Monday.", {"Monetary Authority of Singapore"}),
    ("According to CoinDesk, the wallet moved 3,000 bitcoins.", {"CoinDesk"}),
    ("The news was first reported by Reuters on Tuesday.", {"Reuters"}),
    ("Lagos Ledger, a pan-African publication, covered the launch.", {"Lagos Ledger"}),
    ("The state news agency Novaya Vest said the law would pass.", {"Novaya Vest"}),
    ("Photo by Jane Doe on Unsplash", {"Unsplash", "Jane Doe"}),
    ("The app can be downloaded from Google Play and the App Store.", {"Google Play", "App Store"}),
    ("Mayor Lena Park said Busan would build the exchange.", {"Lena Park", "Busan"}),
    ("However, the plan was delayed. Retail investors were not told.", {"However", "Retail"}),
    ("The Metaverse Industry Alliance met in Shanghai.", {"Metaverse Industry Alliance", "Shanghai"}),
    ("Disclaimer. Coinwire.com holds no liability for any investments.", {"Coinwire.com", "Coinwire"}),
    ("Subsequently, the company pursued damages from the state.", {"Subsequently"}),
    ("The payments app Venmo added a crypto tab.", {"Payments"}),
    ("Payments firm Zaply, a Singapore-based startup, grew fast.", {"Singapore-based", "Singapore"}),
    ("Shoppers can pay with Apple Pay or WeChat Pay at the kiosks.", {"Apple Pay", "WeChat Pay"}),
    ("Solana users and USDC holders saw no change.", {"Solana", "USDC"}),
    ("Deputy General Manager Li Wen of Orbix Bank spoke first.", {"Deputy General Manager", "General Manager"}),
    ("Sheikh Rashid bin Saeed announced the Dubai Blockchain Strategy.", {"Sheikh Rashid", "Dubai Blockchain Strategy"}),
    # the first word of a place name cut off by '-headquartered', '-listed' ...
    ("Binance, OKX, and Hong Kong-headquartered Bybit expanded.", {"Hong", "Hong Kong"}),
    # a headline's verb phrase, after 'to' or in a title-case line
    ("Japanese Banks to Offer Crypto Retail Trading", {"Offer Crypto Retail Trading", "Crypto Retail Trading"}),
    ("Korean Exchanges Launch Stablecoin Trading Desks For Retail Clients", {"Launch Stablecoin Trading"}),
    ("Why I Chose Kestrel Insurance For My Trip", {"Chose Kestrel Insurance"}),
    # ordinary words written with capitals (a heading, a shouted word) that the story also writes in lower case
    ("Non-Owner Car Insurance explained. A non-owner policy is car cover for drivers.", {"Non-Owner Car Insurance"}),
    ("UPDATE: the broker will update its fee schedule.", {"UPDATE"}),
    # public research labs are organizations
    ("Zhejiang Lab and the Shanghai AI Lab released open models.", {"Zhejiang Lab", "Shanghai AI Lab"}),
    ("Peng Cheng Laboratory in Shenzhen trained the model.", {"Peng Cheng Laboratory"}),
    # products and platforms of known companies
    ("Users of Doubao and SenseNova grew; Alipay+ and Hunyuan too.", {"Doubao", "SenseNova", "Alipay+", "Hunyuan"}),
]


@pytest.mark.parametrize("text,expected", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_finds_company(text, expected):
    assert expected <= _names(text)


@pytest.mark.parametrize("text,forbidden", NOT_COMPANY, ids=[t[:40] for t, _ in NOT_COMPANY])
def test_not_a_company(text, forbidden):
    assert not (forbidden & _names(text))


def test_regulators_are_organizations():
    text = "The Hong Kong Monetary Authority (HKMA) and the SEC issued guidance; the HKMA will consult."
    assert {"Hong Kong Monetary Authority", "Securities and Exchange Commission"} <= _names(text, "organization")


def test_publishing_site_is_not_a_company():
    text = "Blockpress Daily readers asked about Blockpress, while Tradia Group expanded."
    assert _names(text, site="blockpress.com") == {"Tradia Group"}


def test_site_name_from_a_subdomain_is_not_a_company():
    text = "Readers of Ledgerwatch asked about Kirin Pay, a payments provider."
    assert _names(text, site="asia.ledgerwatch.net") == {"Kirin Pay"}


def test_offsets_point_at_surface_text():
    text = "Yesterday Hana Bank and crypto lender Ledgerly, a unit of Hana Bank, signed a deal."
    for m in find_organizations(text):
        assert text[m.char_start:m.char_end] == m.surface_text


def test_organization_does_not_swallow_a_person():
    text = "Professor Ann Lee of Oakridge University disagreed."
    assert _names(text, "organization") == {"Oakridge University"}


def test_person_from_title():
    assert "Ronald Lee" in _names("Veltra Bank CEO Ronald Lee said the launch is near.", "person")


@pytest.mark.parametrize("surface,canonical", [
    ("JP Morgan", "JPMorgan"), ("J.P. Morgan", "JPMorgan"), ("Sense Time", "SenseTime"),
    ("Aux Mira FinTech Co. Ltd.", "Aux Mira FinTech"), ("Facebook", "Meta"),
])
def test_canonical_company(surface, canonical):
    assert canonical_company(surface) == canonical


def test_company_rows_merge_variants():
    rows = company_rows(["Orbitex Holdings", "Orbitex", "SBI", "SBI Holdings", "Klarvo"])
    by_name = {r["company_name"]: r for r in rows}
    assert set(by_name) == {"Orbitex", "SBI Holdings", "Klarvo"}
    assert by_name["Orbitex"]["aliases"] == ["Orbitex Holdings"]
    assert by_name["SBI Holdings"]["country_code"] == "JP"
    assert by_name["Klarvo"]["country_code"] is None


def test_empty_text():
    assert find_organizations("") == []


def test_company_rows_fold_units_into_their_company():
    rows = company_rows(["Nexo", "Nexo DWTC", "Veltra VC Trade", "VC Trade", "Hana Bank"])
    by_name = {r["company_name"]: r["aliases"] for r in rows}
    assert by_name == {"Nexo": ["Nexo DWTC"], "Veltra VC Trade": ["VC Trade"], "Hana Bank": []}


def test_public_labs_are_organizations():
    text = "Zhejiang Lab, Peng Cheng Laboratory and the National Blockchain Lab signed; Animoca Labs joined."
    assert {"Zhejiang Lab", "Peng Cheng Laboratory"} <= _names(text, "organization")
    assert _names(text) == {"Animoca Labs"}


def test_headline_verb_leaves_the_company_after_it():
    assert _names("The regulator lets banks to Acquire Kestrel Securities by March.") == {"Kestrel Securities"}


def test_a_headline_verb_inside_a_title_case_run_ends_the_subject_before_it():
    assert _names("Tencent Sets Up Metaverse Unit in Shenzhen") == {"Tencent"}
    assert _names("Xiong'an Sets Up Blockchain Lab in Push to Digitize New City") == set()
    # in a sentence the same words are a name's ('the Rolls Out Fund' is no headline)
    assert _names("Investors backed Kestrel Plans Holdings Ltd, a software firm, last year.") == {"Kestrel Plans Holdings"}


def test_a_name_joined_to_its_legal_form_by_an_ampersand_is_the_name():
    assert canonical_company("McKinsey & Company") == "McKinsey"
    assert canonical_company("Johnson & Johnson") == "Johnson & Johnson"


def test_bracketed_short_form_and_its_company_form_are_the_defined_company():
    text = ("Busan Digital Asset Exchange (BDX) will open next year. BDX Corporation, the operator, "
            "said BDX would list tokenised bonds.")
    found = {(m.entity_name, m.surface_text) for m in find_organizations(text) if m.entity_type == "company"}
    assert found == {("Busan Digital Asset Exchange", "Busan Digital Asset Exchange"),
                     ("Busan Digital Asset Exchange", "BDX Corporation"), ("Busan Digital Asset Exchange", "BDX")}


def test_product_owners_come_from_the_company_data():
    from pipelines.extract.company_names import PRODUCT_OWNERS, fold_key

    assert PRODUCT_OWNERS[fold_key("WeChat Pay")] == "Tencent" and PRODUCT_OWNERS[fold_key("Alipay")] == "Ant Group"


def test_sense_time_is_a_known_alias_of_sensetime():
    (row,) = company_rows(["SenseTime"])
    assert row["aliases"] == ["Sense Time", "商汤科技", "商汤"]  # the Chinese names are aliases too


def _warehouse_from(stories: dict[str, str]):
    """An in-memory warehouse built from company mentions found in the given story bodies."""
    import duckdb

    from pipelines.modelling.modelgraph import SCHEMA_SQL, build_models

    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text())
    mentions = [(key, m) for key, body in stories.items() for m in find_organizations(body)
                if m.entity_type == "company"]
    for row in company_rows(sorted({m.entity_name for _, m in mentions})):
        con.execute("insert into staging.ref_companies values (?, ?, ?)",
                    [row["company_name"], row["aliases"], row["country_code"]])
    for key, body in stories.items():
        con.execute("insert into staging.stg_stories values (?, 'd-' || ?, 'a.txt', 0, 'main', 'T', null, null, "
                    "null, null, null, ?, 10)", [key, key, body])
    for key, m in mentions:
        con.execute("insert into staging.stg_entity_mentions (story_key, document_id, field, entity_type, entity_name, "
                    "surface_text, char_start, char_end) values (?, 'd-' || ?, 'body', 'company', ?, ?, ?, ?)",
                    [key, key, m.entity_name, m.surface_text, m.char_start, m.char_end])
    build_models(con)
    return con


def test_dim_company_one_row_for_name_with_bracketed_short_form_and_the_short_form_alone():
    con = _warehouse_from({
        "s1": "Busan Digital Asset Exchange (BDX) will open next year, and BDX Corporation will run it.",
        "s2": "Crypto exchange BDX listed two tokens on Monday.",
        "s3": "Members include Baidu, NetEase and Sense Time.",
    })
    rows = dict(con.execute("select company_name, aliases from dim_company").fetchall())
    assert "BDX" not in rows and "BDX" in rows["Busan Digital Asset Exchange"]
    assert rows["SenseTime"] == ["Sense Time", "商汤", "商汤科技"]  # its Chinese names are aliases in companies.yaml


def test_headline_words_the_body_writes_in_lower_case_are_no_company():
    from pipelines.extract.story import extract_story

    mentions, _ = extract_story("New Tax Rate on Life Insurance", "The tax on life insurance premiums rises in May.")
    assert not [m for m in mentions if m.entity_type == "company"]


def test_a_legal_form_after_a_comma_joins_the_name_and_a_state_code_does_not():
    from pipelines.extract.story import extract_story
    mentions, _ = extract_story("", "Lakeview Technology Co., Ltd. and Acme, Inc. met in Las Vegas, NV on Monday.")
    companies = {m.entity_name for m in mentions if m.entity_type == "company"}
    assert {"Lakeview Technology", "Acme"} <= companies and not companies & {"Ltd.", "Inc.", "Las Vegas"}
