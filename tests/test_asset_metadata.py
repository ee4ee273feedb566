"""Asset metadata: real column names and DuckDB types before and after a build, row counts, links to the model files."""
import dagster as dg
import pytest

from pipelines.definitions import build_definitions

BODY = "Chengdu will invest 5 billion yuan in a metaverse park by 2026."


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return tmp_path_factory.mktemp("meta")


@pytest.fixture(scope="module")
def defs(root):
    (root / "raw").mkdir()
    (root / "raw" / "a.txt").write_text(f"Chengdu plans a metaverse park\n\nPublished: 2024-06-02\n\n{BODY}\n", encoding="utf-8")
    return build_definitions(root / "raw", root / "w.duckdb")


@pytest.fixture(scope="module")
def materializations(defs):
    result = defs.resolve_job_def("build_warehouse").execute_in_process(instance=dg.DagsterInstance.ephemeral())
    assert result.success
    return {e.asset_key.to_user_string(): e.materialization.metadata for e in result.get_asset_materialization_events()}


def _types(schema: dg.TableSchema) -> dict[str, str]:
    return {c.name: c.type for c in schema.columns}


def test_specs_carry_duckdb_column_types(defs):
    specs = {s.key.to_user_string(): s for s in defs.resolve_all_asset_specs()}
    fact = _types(specs["main/fact_initiative"].metadata["dagster/column_schema"])
    assert fact["target_value_usd"] == "DOUBLE" and fact["initiative_id"] == "VARCHAR"
    stories = _types(specs["staging/stg_stories"].metadata["dagster/column_schema"])
    assert stories["published_at"] == "TIMESTAMP" and stories["position"] == "INTEGER"
    assert "see DuckDB" not in {t for s in specs.values() if "dagster/column_schema" in s.metadata
                                for t in _types(s.metadata["dagster/column_schema"]).values()}


def test_specs_document_columns(defs):
    spec = next(s for s in defs.resolve_all_asset_specs() if s.key == dg.AssetKey(["main", "dim_date"]))
    described = {c.name: c.description for c in spec.metadata["dagster/column_schema"].columns}
    assert described["year"] == "Calendar year."


def test_every_mart_links_to_its_sql_file(defs):
    marts = [s for s in defs.resolve_all_asset_specs() if s.key.path[0] == "main"]
    assert len(marts) >= 8
    for spec in marts:
        assert spec.metadata["source"].path == f"models/{spec.key.path[-1]}.sql"
        ref = spec.metadata["dagster/code_references"].code_references[0]
        assert ref.file_path.endswith(f"/models/{spec.key.path[-1]}.sql")


def test_materializations_carry_built_columns_and_row_counts(materializations):
    dim_story = materializations["main/dim_story"]
    assert dim_story["dagster/row_count"].value == 1
    assert _types(dim_story["dagster/column_schema"].schema)["word_count"] == "INTEGER"
    for key in ("staging/stg_documents", "staging/stg_stories", "staging/stg_targets", "raw/raw_documents"):
        assert "dagster/column_schema" in materializations[key] and "dagster/row_count" in materializations[key], key
    assert materializations["staging/stg_documents"]["not_parsed_share_now"].value == 0.0


def test_every_models_materialization_carries_its_columns_as_the_built_files_catalog_lists_them(materializations, root):
    """The marts step takes the comments it just wrote instead of asking duckdb_columns() again: the same metadata."""
    import duckdb

    from pipelines.config import build_path
    from pipelines.modelling.catalog import table_columns
    from pipelines.modelling.modelgraph import load_models

    con = duckdb.connect(str(build_path(root / "w.duckdb")), read_only=True)
    try:
        for model in load_models():
            built = materializations[f"{model.schema}/{model.name}"]["dagster/column_schema"].schema
            listed = table_columns(con, model.schema, model.name)
            assert [(c.name, c.type, c.description) for c in built.columns] == listed, model.name
            assert all(comment for _, _, comment in listed), model.name  # every column documented, so none was missed
    finally:
        con.close()
