-- Raw and staging tables, loaded by pipelines/load/loader.py in bulk (Arrow), one batch per document.
-- Grain, keys and checks are stated per table; COMMENT ON gives BI tools the same descriptions.

CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS staging;

-- raw.schema_version: which schema.sql built this file (written by pipelines/load/loader.py). One row.
CREATE TABLE IF NOT EXISTS raw.schema_version (version VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL);
COMMENT ON TABLE raw.schema_version IS 'Hash of pipelines/load/schema.sql the raw and staging tables were built with. One row.';
COMMENT ON COLUMN raw.schema_version.version IS 'First 16 hex digits of the SHA-256 of schema.sql: a file built under another schema is rebuilt from scratch.';
COMMENT ON COLUMN raw.schema_version.created_at IS 'When the file was created under this schema (UTC).';

-- raw.pipeline_state: name -> value pairs saying what each table was built from (pipelines/buildstate.py).
CREATE TABLE IF NOT EXISTS raw.pipeline_state (
    name       VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE raw.pipeline_state IS 'Build state of this file, one row per name: what each mart was built from, so a run with nothing new rebuilds and publishes nothing. Key: name.';
COMMENT ON COLUMN raw.pipeline_state.name IS 'What the value is about: version:<schema.table>, model:<name>, input:fingerprint or run:failed_checks.';
COMMENT ON COLUMN raw.pipeline_state.value IS 'A token or signature (hash): a new token means the rows of the table changed.';
COMMENT ON COLUMN raw.pipeline_state.updated_at IS 'When the value was last written (UTC).';

-- raw.raw_documents: one row per raw page version (content hash). Key: document_id.
-- What was read, not the page text: the raw files are the source, and parsing reads them again.
CREATE TABLE IF NOT EXISTS raw.raw_documents (
    document_id   VARCHAR PRIMARY KEY,
    source_file   VARCHAR NOT NULL,
    source_format VARCHAR NOT NULL,
    byte_size     BIGINT  NOT NULL CHECK (byte_size >= 0),
    encoding      VARCHAR,
    url           VARCHAR,
    fetched_at    TIMESTAMP,
    is_html       BOOLEAN NOT NULL DEFAULT false,
    read_status   VARCHAR NOT NULL DEFAULT 'parsed' CHECK (read_status IN ('parsed', 'failed', 'empty')),
    read_error    VARCHAR,
    ingested_at   TIMESTAMP NOT NULL
);
COMMENT ON TABLE raw.raw_documents IS 'One row per raw page version as read from the raw folder (grain: content hash). Key: document_id.';
COMMENT ON COLUMN raw.raw_documents.document_id IS 'SHA-256 of the page bytes: the same content under two names is one document.';
COMMENT ON COLUMN raw.raw_documents.source_file IS 'Path relative to the raw folder (a .jsonl line adds #L<line>).';
COMMENT ON COLUMN raw.raw_documents.source_format IS 'txt, html, txt.gz, html.gz, jsonl-html or jsonl-text.';
COMMENT ON COLUMN raw.raw_documents.byte_size IS 'Size of the page in bytes as stored (compressed size for .gz).';
COMMENT ON COLUMN raw.raw_documents.encoding IS 'Character encoding detected when decoding the page.';
COMMENT ON COLUMN raw.raw_documents.url IS 'URL given by the scraper (jsonl), null otherwise.';
COMMENT ON COLUMN raw.raw_documents.fetched_at IS 'When the scraper fetched the page (jsonl fetched_at), null otherwise.';
COMMENT ON COLUMN raw.raw_documents.is_html IS 'True when the page is HTML (by name or by content), false for a text dump.';
COMMENT ON COLUMN raw.raw_documents.read_status IS 'parsed when the bytes were decoded; failed or empty when reading already failed (see read_error).';
COMMENT ON COLUMN raw.raw_documents.read_error IS 'Why the file could not be read, as a sentence a person can act on.';
COMMENT ON COLUMN raw.raw_documents.ingested_at IS 'When this run read the file (UTC).';

-- raw.raw_files: one row per file and document it holds (a .jsonl file holds many). Key: (file_path, document_id).
-- Lets a run skip files whose size and modification time have not changed since they were read.
CREATE TABLE IF NOT EXISTS raw.raw_files (
    file_path    VARCHAR NOT NULL,
    document_id  VARCHAR NOT NULL,
    byte_size    BIGINT  NOT NULL CHECK (byte_size >= 0),
    mtime_ns     BIGINT  NOT NULL,
    seen_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (file_path, document_id)
);
COMMENT ON TABLE raw.raw_files IS 'One row per raw file and document it holds, as last seen in the raw folder. Key: (file_path, document_id).';
COMMENT ON COLUMN raw.raw_files.file_path IS 'Path of the file relative to the raw folder.';
COMMENT ON COLUMN raw.raw_files.document_id IS 'A document (content hash) the file holds.';
COMMENT ON COLUMN raw.raw_files.byte_size IS 'File size when last read.';
COMMENT ON COLUMN raw.raw_files.mtime_ns IS 'File modification time (ns since epoch) when last read: unchanged size and time mean the file is not read again.';
COMMENT ON COLUMN raw.raw_files.seen_at IS 'When a run last read the file (UTC).';

-- staging.stg_documents: one row per raw file version. Key: document_id.
CREATE TABLE IF NOT EXISTS staging.stg_documents (
    document_id   VARCHAR PRIMARY KEY,
    source_file   VARCHAR NOT NULL,
    source_format VARCHAR NOT NULL,
    byte_size     BIGINT  NOT NULL CHECK (byte_size >= 0),
    ingested_at   TIMESTAMP NOT NULL,
    status        VARCHAR NOT NULL CHECK (status IN ('parsed', 'failed', 'empty')),
    error         VARCHAR CHECK ((status = 'parsed') = (error IS NULL)),
    encoding      VARCHAR,
    story_count   INTEGER NOT NULL DEFAULT 0,
    parser_version VARCHAR
);
COMMENT ON TABLE staging.stg_documents IS 'One row per raw file version (grain: content hash), with its parse status; bad files are quarantined here with an error. Key: document_id.';
COMMENT ON COLUMN staging.stg_documents.document_id IS 'SHA-256 of the page bytes (content hash).';
COMMENT ON COLUMN staging.stg_documents.source_file IS 'Path relative to the raw folder.';
COMMENT ON COLUMN staging.stg_documents.source_format IS 'txt, html, txt.gz, html.gz, jsonl-html or jsonl-text.';
COMMENT ON COLUMN staging.stg_documents.byte_size IS 'Size of the page in bytes as stored.';
COMMENT ON COLUMN staging.stg_documents.ingested_at IS 'When the file was read (UTC).';
COMMENT ON COLUMN staging.stg_documents.status IS 'parsed: stories extracted; failed: unreadable (see error); empty: readable but holds no story.';
COMMENT ON COLUMN staging.stg_documents.error IS 'What went wrong, as a sentence a person can act on; null when parsed.';
COMMENT ON COLUMN staging.stg_documents.encoding IS 'Character encoding detected when decoding.';
COMMENT ON COLUMN staging.stg_documents.story_count IS 'Number of stories (main and related) found on the page.';
COMMENT ON COLUMN staging.stg_documents.parser_version IS 'Hash of the parser code and rules that parsed the page; another version re-parses it.';

-- staging.stg_stories: one row per story per document. Key: (document_id, position).
CREATE TABLE IF NOT EXISTS staging.stg_stories (
    story_key    VARCHAR NOT NULL,
    document_id  VARCHAR NOT NULL,
    source_file  VARCHAR NOT NULL,
    position     INTEGER NOT NULL CHECK (position >= 0),
    role         VARCHAR NOT NULL CHECK (role IN ('main', 'related')),
    title        VARCHAR,
    category     VARCHAR,
    published_at TIMESTAMP,
    author       VARCHAR,
    source_site  VARCHAR,
    url          VARCHAR,
    body         VARCHAR NOT NULL,
    word_count   INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
);
COMMENT ON TABLE staging.stg_stories IS 'One row per story per document: the main story (position 0) and every related story on the page. Key: (document_id, position); story_key identifies the same story across documents.';
COMMENT ON COLUMN staging.stg_stories.story_key IS 'Stable key of the story: the same story found on two pages gets the same key.';
COMMENT ON COLUMN staging.stg_stories.document_id IS 'The page (stg_documents.document_id) the story was found on.';
COMMENT ON COLUMN staging.stg_stories.source_file IS 'Path of the raw file relative to the raw folder.';
COMMENT ON COLUMN staging.stg_stories.position IS 'Order on the page, 0 = first (the main story).';
COMMENT ON COLUMN staging.stg_stories.role IS 'main: the story the page is about; related: another story the page carries.';
COMMENT ON COLUMN staging.stg_stories.title IS 'Headline as printed.';
COMMENT ON COLUMN staging.stg_stories.category IS 'The site section label (e.g. Policy & Regulation), null when none.';
COMMENT ON COLUMN staging.stg_stories.published_at IS 'Publication time as given by the page, null when none.';
COMMENT ON COLUMN staging.stg_stories.author IS 'Byline, null when none.';
COMMENT ON COLUMN staging.stg_stories.source_site IS 'Site that published the page (domain or name), null when unknown.';
COMMENT ON COLUMN staging.stg_stories.url IS 'URL of the story, null when unknown.';
COMMENT ON COLUMN staging.stg_stories.body IS 'Clean story text, paragraphs separated by a blank line; empty for a headline-only link.';
COMMENT ON COLUMN staging.stg_stories.word_count IS 'Number of words in body.';

-- staging.stg_entity_mentions: one row per entity mention. Key: (story_key, field, entity_type, char_start, char_end).
CREATE TABLE IF NOT EXISTS staging.stg_entity_mentions (
    story_key    VARCHAR NOT NULL,
    document_id  VARCHAR NOT NULL,
    field        VARCHAR NOT NULL CHECK (field IN ('title', 'body')),
    entity_type  VARCHAR NOT NULL CHECK (entity_type IN ('company', 'jurisdiction', 'organization', 'person')),
    entity_name  VARCHAR NOT NULL,
    surface_text VARCHAR NOT NULL,
    char_start   INTEGER NOT NULL CHECK (char_start >= 0),
    char_end     INTEGER NOT NULL CHECK (char_end > char_start),
    parent_name  VARCHAR,
    PRIMARY KEY (story_key, field, entity_type, char_start, char_end)
);
COMMENT ON TABLE staging.stg_entity_mentions IS 'One row per entity mention in a story title or body, with offsets into that field. Key: (story_key, field, entity_type, char_start, char_end).';
COMMENT ON COLUMN staging.stg_entity_mentions.story_key IS 'The story (stg_stories.story_key) the mention is in.';
COMMENT ON COLUMN staging.stg_entity_mentions.document_id IS 'The document whose copy of the story was read (offsets refer to it).';
COMMENT ON COLUMN staging.stg_entity_mentions.field IS 'Where the mention is: body (the story text) or title; char offsets index into that field.';
COMMENT ON COLUMN staging.stg_entity_mentions.entity_type IS 'company, jurisdiction, organization or person.';
COMMENT ON COLUMN staging.stg_entity_mentions.entity_name IS 'Canonical name (SenseTime for Sense Time, Sichuan for Sichuan province).';
COMMENT ON COLUMN staging.stg_entity_mentions.surface_text IS 'The mention as written.';
COMMENT ON COLUMN staging.stg_entity_mentions.char_start IS 'Start offset of the mention in the field (body or title).';
COMMENT ON COLUMN staging.stg_entity_mentions.parent_name IS 'For a district recognised from the story context (Jiangning in Nanjing''s Jiangning district): the containing jurisdiction the story names; else null.';
COMMENT ON COLUMN staging.stg_entity_mentions.char_end IS 'End offset (exclusive) of the mention in the field (body or title).';

-- staging.stg_targets: one row per quantified target in a story. Key: (story_key, amount_start, amount_end, holder_no).
CREATE TABLE IF NOT EXISTS staging.stg_targets (
    story_key          VARCHAR NOT NULL,
    document_id        VARCHAR NOT NULL,
    jurisdiction_name  VARCHAR,
    metric             VARCHAR NOT NULL CHECK (metric IN ('industry_size', 'fund_size', 'investment', 'companies', 'talent', 'research_centers', 'projects', 'patents', 'industrial_parks', 'other')),
    target_value       DOUBLE NOT NULL,
    unit               VARCHAR NOT NULL,
    target_value_usd   DOUBLE,
    usd_is_stated      BOOLEAN,
    target_year        INTEGER,
    evidence           VARCHAR NOT NULL,
    char_start         INTEGER NOT NULL CHECK (char_start >= 0),
    char_end           INTEGER NOT NULL CHECK (char_end > char_start),
    amount_text        VARCHAR NOT NULL,
    amount_start       INTEGER NOT NULL CHECK (amount_start >= char_start),
    amount_end         INTEGER NOT NULL CHECK (amount_end <= char_end AND amount_end > amount_start),
    year_is_stated     BOOLEAN,
    initiative_no      INTEGER,
    holder_no          INTEGER NOT NULL DEFAULT 0 CHECK (holder_no >= 0),
    PRIMARY KEY (story_key, amount_start, amount_end, holder_no)
);
COMMENT ON TABLE staging.stg_targets IS 'One row per quantified target or commitment stated in a story (a sentence may state several, and one figure stated for several places is one row per place). Key: (story_key, amount_start, amount_end, holder_no).';
COMMENT ON COLUMN staging.stg_targets.story_key IS 'The story (stg_stories.story_key) stating the target.';
COMMENT ON COLUMN staging.stg_targets.document_id IS 'The document whose copy of the story was read (offsets refer to it).';
COMMENT ON COLUMN staging.stg_targets.jurisdiction_name IS 'Canonical name of the jurisdiction that set or holds the target.';
COMMENT ON COLUMN staging.stg_targets.metric IS 'What is targeted: industry_size, fund_size, investment, companies, talent, research_centers, projects, patents, industrial_parks, other.';
COMMENT ON COLUMN staging.stg_targets.target_value IS 'The figure in unit, as stated (250 billion yuan = 250000000000).';
COMMENT ON COLUMN staging.stg_targets.unit IS 'ISO 4217 currency code, or count.';
COMMENT ON COLUMN staging.stg_targets.target_value_usd IS 'USD figure stated by the text, else converted at the rate table in pipelines/data; null for counts.';
COMMENT ON COLUMN staging.stg_targets.usd_is_stated IS 'True when the USD figure is written in the text, false when converted; null for counts (no USD figure).';
COMMENT ON COLUMN staging.stg_targets.target_year IS 'Deadline year, null when none is given or implied.';
COMMENT ON COLUMN staging.stg_targets.evidence IS 'The sentence stating the target.';
COMMENT ON COLUMN staging.stg_targets.char_start IS 'Start offset of the evidence sentence in the story body.';
COMMENT ON COLUMN staging.stg_targets.char_end IS 'End offset (exclusive) of the evidence sentence in the story body.';
COMMENT ON COLUMN staging.stg_targets.amount_text IS 'The figure as written (250 billion yuan ($35.1 billion)).';
COMMENT ON COLUMN staging.stg_targets.amount_start IS 'Start offset of the figure in the story body.';
COMMENT ON COLUMN staging.stg_targets.amount_end IS 'End offset (exclusive) of the figure in the story body.';
COMMENT ON COLUMN staging.stg_targets.year_is_stated IS 'True when target_year is written in the evidence sentence, false when taken from its paragraph, the plan it refers back to or the headline; null when no year.';

COMMENT ON COLUMN staging.stg_targets.holder_no IS 'Which of the places a figure is stated for together this row is (北京市和上海市均突破1000亿元: 0 Beijing, 1 Shanghai); 0 for a figure one place holds.';
COMMENT ON COLUMN staging.stg_targets.initiative_no IS 'The initiative of the story the target belongs to (stg_initiatives.initiative_no).';

-- staging.stg_initiatives: one row per initiative a story reports. Key: (story_key, initiative_no).
CREATE TABLE IF NOT EXISTS staging.stg_initiatives (
    story_key          VARCHAR NOT NULL,
    document_id        VARCHAR NOT NULL,
    initiative_no      INTEGER NOT NULL CHECK (initiative_no >= 0),
    initiative_type    VARCHAR NOT NULL CHECK (initiative_type IN ('plan', 'fund', 'alliance', 'working_group', 'policy', 'partnership', 'license', 'facility', 'project', 'other')),
    jurisdiction_name  VARCHAR,
    description        VARCHAR NOT NULL,
    field              VARCHAR NOT NULL CHECK (field IN ('title', 'body')),
    char_start         INTEGER NOT NULL CHECK (char_start >= 0),
    is_headline        BOOLEAN NOT NULL,
    statement          VARCHAR NOT NULL CHECK (statement IN ('headline', 'target', 'mention')),
    PRIMARY KEY (story_key, initiative_no)
);
COMMENT ON TABLE staging.stg_initiatives IS 'One row per initiative a story reports: its headline initiative (number 0, typed by the most specific cue of headline and lead), the initiatives its target sentences name and the alliances or working groups it names in passing. Key: (story_key, initiative_no).';
COMMENT ON COLUMN staging.stg_initiatives.story_key IS 'The story (stg_stories.story_key) reporting the initiative.';
COMMENT ON COLUMN staging.stg_initiatives.document_id IS 'The document whose copy of the story was read (offsets refer to it).';
COMMENT ON COLUMN staging.stg_initiatives.initiative_no IS '0 for the headline initiative, 1.. for the others in order of first statement.';
COMMENT ON COLUMN staging.stg_initiatives.initiative_type IS 'plan, fund, alliance, working_group, policy, partnership, license, facility, project or other (cue words ranked in pipelines/data/initiatives.json).';
COMMENT ON COLUMN staging.stg_initiatives.jurisdiction_name IS 'Canonical name of the place that announced or holds the initiative, null when none.';
COMMENT ON COLUMN staging.stg_initiatives.description IS 'The headline or sentence announcing the initiative.';
COMMENT ON COLUMN staging.stg_initiatives.field IS 'title or body: the text char_start indexes into.';
COMMENT ON COLUMN staging.stg_initiatives.char_start IS 'Start offset of the description in that field.';
COMMENT ON COLUMN staging.stg_initiatives.is_headline IS 'True for the initiative the headline and lead announce.';
COMMENT ON COLUMN staging.stg_initiatives.statement IS 'headline (announced by headline and lead), target (named by target sentences) or mention (an alliance or working group the body names in passing: it links the story to the initiative another story announces, never makes one).';

-- staging.stg_initiative_companies: one row per company mention taking part in an initiative of a story.
CREATE TABLE IF NOT EXISTS staging.stg_initiative_companies (
    story_key          VARCHAR NOT NULL,
    document_id        VARCHAR NOT NULL,
    initiative_no      INTEGER NOT NULL,
    company_name       VARCHAR NOT NULL,
    role               VARCHAR NOT NULL CHECK (role IN ('member', 'lead', 'partner', 'other')),
    field              VARCHAR NOT NULL CHECK (field IN ('title', 'body')),
    char_start         INTEGER NOT NULL CHECK (char_start >= 0),
    PRIMARY KEY (story_key, initiative_no, company_name, field, char_start)
);
COMMENT ON TABLE staging.stg_initiative_companies IS 'One row per mention of a company taking part in an initiative of a story, with the role its sentence gives it; companies quoted as analysts, sources or investors are left out.';
COMMENT ON COLUMN staging.stg_initiative_companies.story_key IS 'The story (stg_stories.story_key).';
COMMENT ON COLUMN staging.stg_initiative_companies.document_id IS 'The document whose copy of the story was read.';
COMMENT ON COLUMN staging.stg_initiative_companies.initiative_no IS 'The initiative of the story (stg_initiatives.initiative_no).';
COMMENT ON COLUMN staging.stg_initiative_companies.company_name IS 'Canonical company name, as in stg_entity_mentions.entity_name.';
COMMENT ON COLUMN staging.stg_initiative_companies.role IS 'lead (subject of establishes / launched, agent of led by), member (listed as taking part in a group), partner, or other.';
COMMENT ON COLUMN staging.stg_initiative_companies.field IS 'title or body: where the company is named.';
COMMENT ON COLUMN staging.stg_initiative_companies.char_start IS 'Start offset of the company mention in that field.';

-- staging.stg_story_topics: one row per topic a story writes about. Key: (story_key, topic).
CREATE TABLE IF NOT EXISTS staging.stg_story_topics (
    story_key          VARCHAR NOT NULL,
    document_id        VARCHAR NOT NULL,
    topic              VARCHAR NOT NULL,
    title_mentions     INTEGER NOT NULL CHECK (title_mentions >= 0),
    body_mentions      INTEGER NOT NULL CHECK (body_mentions >= 0),
    is_primary         BOOLEAN NOT NULL,
    field              VARCHAR NOT NULL CHECK (field IN ('title', 'body')),
    char_start         INTEGER NOT NULL CHECK (char_start >= 0),
    surface_text       VARCHAR NOT NULL,
    CHECK (title_mentions + body_mentions > 0),
    PRIMARY KEY (story_key, topic)
);
COMMENT ON TABLE staging.stg_story_topics IS 'One row per topic (metaverse, web3, crypto, cbdc: pipelines/data/topics.yaml) whose cue words a story writes, with how often and where first. Key: (story_key, topic).';
COMMENT ON COLUMN staging.stg_story_topics.story_key IS 'The story (stg_stories.story_key).';
COMMENT ON COLUMN staging.stg_story_topics.document_id IS 'The document whose copy of the story was read (offsets refer to it).';
COMMENT ON COLUMN staging.stg_story_topics.topic IS 'metaverse, web3, crypto or cbdc (the topics of pipelines/data/topics.yaml).';
COMMENT ON COLUMN staging.stg_story_topics.title_mentions IS 'How many of the topic''s cue words the title writes.';
COMMENT ON COLUMN staging.stg_story_topics.body_mentions IS 'How many of the topic''s cue words the body writes.';
COMMENT ON COLUMN staging.stg_story_topics.is_primary IS 'True for the one topic the story is mostly about: written most in the title, then in the body (the earlier topic of topics.yaml on a tie); none when that topic is written only once, in the body.';
COMMENT ON COLUMN staging.stg_story_topics.field IS 'title or body: where the topic is first written.';
COMMENT ON COLUMN staging.stg_story_topics.char_start IS 'Start offset of the first mention in that field.';
COMMENT ON COLUMN staging.stg_story_topics.surface_text IS 'The first mention as written (NFTs, 元宇宙).';

-- staging.ref_jurisdictions: reference rows from the gazetteer (pipelines/extract) for every jurisdiction
-- mentioned and each of its ancestors. Key: jurisdiction_name (canonical).
CREATE TABLE IF NOT EXISTS staging.ref_jurisdictions (
    jurisdiction_name VARCHAR PRIMARY KEY,
    level             VARCHAR NOT NULL CHECK (level IN ('country', 'province', 'municipality', 'special_administrative_region', 'city', 'district', 'state', 'other')),
    parent_name       VARCHAR,
    country_code      VARCHAR,
    iso_code          VARCHAR
);
COMMENT ON TABLE staging.ref_jurisdictions IS 'Gazetteer rows for every jurisdiction mentioned and all its ancestors up to the country. Key: jurisdiction_name.';
COMMENT ON COLUMN staging.ref_jurisdictions.jurisdiction_name IS 'Canonical name, as used in stg_entity_mentions.entity_name and stg_targets.jurisdiction_name.';
COMMENT ON COLUMN staging.ref_jurisdictions.level IS 'country, province, municipality, special_administrative_region, city, district, state or other.';
COMMENT ON COLUMN staging.ref_jurisdictions.parent_name IS 'Canonical name of the containing jurisdiction; null for a country.';
COMMENT ON COLUMN staging.ref_jurisdictions.country_code IS 'ISO 3166-1 alpha-2 code of the country it lies in.';
COMMENT ON COLUMN staging.ref_jurisdictions.iso_code IS 'ISO 3166-2 code where one exists (CN-SC for Sichuan).';

-- staging.ref_companies: one row per canonical company known to the extractor or found in stories. Key: company_name.
CREATE TABLE IF NOT EXISTS staging.ref_companies (
    company_name VARCHAR PRIMARY KEY,
    aliases      VARCHAR[] NOT NULL,
    country_code VARCHAR
);
COMMENT ON TABLE staging.ref_companies IS 'One row per canonical company mentioned in a story, with the variants that merged into it. Key: company_name.';
COMMENT ON COLUMN staging.ref_companies.company_name IS 'Canonical company name, as in stg_entity_mentions.entity_name.';
COMMENT ON COLUMN staging.ref_companies.aliases IS 'Other spellings seen or known for the company.';
COMMENT ON COLUMN staging.ref_companies.country_code IS 'ISO 3166-1 alpha-2 code of the home country where known, else null.';

-- staging.stg_extractions: which copy of each story was last read by the extractors. Key: story_key.
-- A story found on several pages is extracted once, from its longest copy; when a longer copy arrives
-- (or the copy disappears, or its page is parsed again by another parser version) the story is extracted again.
CREATE TABLE IF NOT EXISTS staging.stg_extractions (
    story_key      VARCHAR PRIMARY KEY,
    document_id    VARCHAR NOT NULL,
    mention_count  INTEGER NOT NULL,
    target_count   INTEGER NOT NULL,
    extracted_at   TIMESTAMP NOT NULL,
    extractor_version VARCHAR,
    parser_version VARCHAR
);
COMMENT ON TABLE staging.stg_extractions IS 'One row per story: the copy (document) the entity and target extractors read, and what they found. Key: story_key.';
COMMENT ON COLUMN staging.stg_extractions.story_key IS 'The story (stg_stories.story_key).';
COMMENT ON COLUMN staging.stg_extractions.document_id IS 'The document whose copy of the story was read: the longest body, then the smallest document_id.';
COMMENT ON COLUMN staging.stg_extractions.mention_count IS 'Entity mentions found in the title and body.';
COMMENT ON COLUMN staging.stg_extractions.target_count IS 'Quantified targets found in the body.';
COMMENT ON COLUMN staging.stg_extractions.extracted_at IS 'When the extractors ran (UTC).';
COMMENT ON COLUMN staging.stg_extractions.extractor_version IS 'Hash of the extractor code and data that read the story; another version re-extracts it.';
COMMENT ON COLUMN staging.stg_extractions.parser_version IS 'stg_documents.parser_version of the copy that was read: a page parsed again by another parser has new bodies, so its stories are extracted again (offsets point into the body read).';
