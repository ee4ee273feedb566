"""pipelines.report.preload: a module loaded in a background thread is there once wait() returns; a failed
load fails again, with its error, where the module is imported; a loaded module starts no thread."""
import importlib
import sys

import pytest

from pipelines.report import preload


@pytest.fixture
def probe(tmp_path, monkeypatch):
    """A module of the test's own, importable and not yet imported."""
    monkeypatch.syspath_prepend(str(tmp_path))

    def write(name: str, body: str) -> str:
        (tmp_path / f"{name}.py").write_text(body)
        importlib.invalidate_caches()
        monkeypatch.delitem(sys.modules, name, raising=False)
        return name

    return write


def test_a_module_started_in_the_background_is_loaded_once_wait_returns(probe):
    name = probe("preload_probe_ok", "LOADED = True\n")
    preload.start(name)
    preload.wait(name)
    assert sys.modules[name].LOADED


def test_a_load_that_fails_in_the_background_fails_again_where_it_is_imported(probe):
    name = probe("preload_probe_broken", "raise ValueError('broken on purpose')\n")
    preload.start(name)
    preload.wait(name)  # the thread's error is not raised here
    assert name not in sys.modules
    with pytest.raises(ValueError, match="broken on purpose"):
        importlib.import_module(name)


def test_a_module_already_loaded_starts_no_thread():
    preload.start("json")
    assert "json" not in preload._started  # noqa: SLF001


def test_wait_without_start_returns_at_once():
    preload.wait("preload_probe_never_started")
