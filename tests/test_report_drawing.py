"""pipelines.report.drawing: charts drawn by the drawing processes a command-line run starts are the bytes one process
draws, in processes with matplotlib already loaded; without them (or once they died) the report draws on its own; a
run killed with kill -9 leaves none of them behind; and a page found up to date, or the report module itself, loads
no matplotlib."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_models import file_warehouse, small_warehouse  # noqa: E402
from test_operations import killed_leaves_nothing  # noqa: E402

from pipelines.report import drawing  # noqa: E402
from pipelines.report.page import render_report  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def started():
    drawing.start(count=2)
    yield
    drawing.stop()


def _pid(_item) -> int:
    return os.getpid()


def _matplotlib_loaded(_item) -> bool:
    return "matplotlib.figure" in sys.modules


def test_charts_drawn_by_the_started_processes_are_the_bytes_drawn_without_them(started):
    con = small_warehouse()
    with_workers = render_report(con)
    drawing.stop()
    assert with_workers.count("<svg") == 4
    assert render_report(con) == with_workers


def test_the_started_processes_are_others_with_matplotlib_loaded_before_their_first_task(started):
    assert os.getpid() not in drawing.map(_pid, [1, 2, 3])
    assert drawing.map(_matplotlib_loaded, [1, 2]) == [True, True]


def test_without_started_processes_map_leaves_the_drawing_to_the_caller():
    assert not drawing.started()
    assert drawing.map(abs, [-1]) is None


def test_processes_that_died_leave_the_drawing_to_the_caller(started):
    assert drawing.map(os._exit, [1]) is None  # noqa: SLF001 - a worker dies under its task
    assert not drawing.started()
    assert drawing.map(abs, [-1]) is None


def test_the_report_module_and_a_page_found_up_to_date_load_no_matplotlib(tmp_path):
    published = tmp_path / "warehouse.duckdb"
    script = ("import sys\n"
              "from pipelines.report.page import write_report\n"
              "loaded_by_import = 'matplotlib' in sys.modules\n"
              "write_report(sys.argv[1])\n"
              "print(loaded_by_import, 'matplotlib' in sys.modules)\n")
    file_warehouse(published)
    from pipelines.report.page import write_report

    assert write_report(published)[1]  # written here; the subprocess finds it up to date
    done = subprocess.run([sys.executable, "-c", script, str(published)], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.split() == ["False", "False"], done.stderr


def test_what_was_submitted_is_taken_by_its_key_once(started):
    assert drawing.submit("k", abs, -3)
    assert drawing.take("k") == 3
    assert drawing.take("k") is None


def test_nothing_is_submitted_without_started_processes():
    assert not drawing.submit("k", abs, -3)
    assert drawing.take("k") is None


def test_drawing_processes_and_their_server_end_with_a_killed_run(tmp_path):
    """kill -9 of the run leaves neither the fork server nor a drawing process behind (nor the resource tracker)."""
    killed_leaves_nothing(tmp_path, "from pipelines.report import drawing\n"
                                    "if __name__ == '__main__':\n"
                                    "    drawing.start(count=1)\n"
                                    "    drawing.submit('k', time.sleep, 60)\n"
                                    "    time.sleep(60)\n", processes=3)


def _ignores_ctrl_c(_item) -> bool:
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_drawing_processes_leave_ctrl_c_to_the_run(started):
    """Ctrl-C reaches the whole process group: the run stops them; they print no KeyboardInterrupt of their own."""
    assert drawing.map(_ignores_ctrl_c, [1, 2]) == [True, True]


def test_charts_that_fail_to_draw_ahead_leave_the_build_published_and_the_report_drawn(started, tmp_path, monkeypatch,
                                                                                        capfd):
    from test_operations import run_in_process, write_pages

    from pipelines.report import page

    def broken(*_args, **_kwargs):
        raise RuntimeError("drawing ahead broke on purpose")

    monkeypatch.setattr(page, "predraw", broken)
    write_pages(tmp_path / "raw", 1)
    run_in_process(tmp_path / "raw", tmp_path / "w.duckdb")  # asserts every step succeeded
    assert "charts not drawn ahead of the report (drawing ahead broke on purpose)" in capfd.readouterr().err  # Dagster's log
    assert (tmp_path / "w.duckdb").exists()
    assert page.report_path(tmp_path / "w.duckdb").read_text().count("<svg") == 4
