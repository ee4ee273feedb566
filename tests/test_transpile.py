"""Every model and report translates to postgres, snowflake, bigquery and spark, and the result parses there."""
import pytest
import sqlglot

from pipelines.modelling.transpile import DIALECTS, sql_files, transpile_all, transpile_sql

FILES = sql_files()


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_translation_parses_in_its_dialect(path, dialect):
    sql, _caveat = transpile_sql(path.read_text(), dialect)
    assert sqlglot.parse_one(sql, read=dialect) is not None


def test_exact_translations_are_the_rule():
    translations = transpile_all()
    assert len(translations) == len(FILES) * len(DIALECTS)
    caveats = [t for t in translations if t.caveat]
    assert len(caveats) <= len(FILES)  # only a few BigQuery nuances (ordered array_agg, regexp modifiers)
    assert all(t.dialect == "bigquery" for t in caveats)


def test_writes_files(tmp_path):
    transpile_all(["postgres"], out_dir=tmp_path)
    assert (tmp_path / "postgres" / "dim_story.sql").read_text().startswith("-- translated from DuckDB")
