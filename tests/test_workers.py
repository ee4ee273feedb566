"""pipelines.lifecycle.workers: a worker whose run died before it asked to die with it ends at once, whoever adopted
it (pid 1 or a subreaper), and a worker of a living run goes on; while a run holds the fork server the stages' pools
fork from it, warm there and not in the run, and die with the run."""
from __future__ import annotations

import os
import sys

import pytest

from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_operations import killed_leaves_nothing  # noqa: E402

from pipelines.lifecycle.workers import die_with_parent, forking_from_server  # noqa: E402
from pipelines.report import drawing  # noqa: E402
from pipelines.stages import pool_map  # noqa: E402

# The server lives as long as this process and keeps its first preload: what a drawing test run after these expects
SERVER_PRELOAD = drawing.PRELOAD
WARMED: list[int] = []  # the processes in which _warm ran

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's")


def _exit_code_of_child(parent_of: callable) -> int:
    """Fork; the child calls die_with_parent(parent_of(real parent)) and exits 0 if it returns."""
    real_parent = os.getpid()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            die_with_parent(parent_of(real_parent))
        finally:
            os._exit(0)
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status)


def test_a_worker_of_a_living_run_goes_on():
    assert _exit_code_of_child(lambda real: real) == 0


def test_a_worker_whose_run_is_no_longer_its_parent_ends_at_once():
    """Its parent is now another process (the run died; a subreaper, not pid 1, adopted it): it must not stay."""
    assert _exit_code_of_child(lambda real: real + 1_000_000) == 1


def _warm() -> None:
    WARMED.append(os.getpid())


def _parent_and_warmed(_item) -> tuple[int, bool]:
    """In a worker: its parent, and whether _warm ran in this very process."""
    return os.getppid(), os.getpid() in WARMED


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    WARMED.clear()


def test_while_a_run_holds_the_server_its_pools_fork_from_it_and_warm_there_not_in_the_run(two_workers):
    with forking_from_server(SERVER_PRELOAD):
        seen = pool_map(_parent_and_warmed, list(range(8)), warm=_warm, min_items=2)
    assert os.getpid() not in {parent for parent, _ in seen}  # the server's children, not the run's
    assert all(warmed for _, warmed in seen)  # each worker warmed itself (finding what the server loaded)
    assert os.getpid() not in WARMED  # the run did not


def test_without_the_server_pools_fork_from_the_run_which_warms_once_for_them(two_workers):
    seen = pool_map(_parent_and_warmed, list(range(8)), warm=_warm, min_items=2)
    assert {parent for parent, _ in seen} == {os.getpid()}
    assert WARMED == [os.getpid()] and not any(warmed for _, warmed in seen)  # the workers inherited the run's warm-up


def test_little_work_is_done_and_warmed_in_the_run_even_while_it_holds_the_server(two_workers):
    with forking_from_server(SERVER_PRELOAD):
        assert pool_map(abs, [-1, -2], warm=_warm) == [1, 2]
    assert WARMED == [os.getpid()]


def test_pool_workers_forked_from_the_server_die_with_a_killed_run(tmp_path):
    """kill -9 of the run leaves neither the fork server nor a worker it forked behind."""
    killed_leaves_nothing(tmp_path, "from pipelines.lifecycle.workers import forking_from_server\n"
                                    "from pipelines.stages import pool_map\n"
                                    "if __name__ == '__main__':\n"
                                    "    with forking_from_server(['pipelines.lifecycle.workers']):\n"
                                    "        pool_map(time.sleep, [20] * 200)\n", processes=3)


def _warm_only_in_the_run() -> None:
    """A warm-up that fails anywhere but in the test's own process (as one failing in the server's workers would)."""
    if os.environ.get("WARM_ONLY_IN") != str(os.getpid()):
        raise RuntimeError("this warm-up fails outside the run")
    WARMED.append(os.getpid())


def test_workers_of_the_server_that_die_warming_are_replaced_by_workers_forked_from_the_run(two_workers, monkeypatch,
                                                                                            caplog):
    monkeypatch.setenv("WARM_ONLY_IN", str(os.getpid()))
    with forking_from_server(SERVER_PRELOAD):
        seen = pool_map(_parent_and_warmed, list(range(8)), warm=_warm_only_in_the_run, min_items=2)
    assert {parent for parent, _ in seen} == {os.getpid()} and WARMED == [os.getpid()]
    assert "forking them here" in caplog.text


def _warm_that_fails() -> None:
    raise RuntimeError("rules file unreadable: fix it and run again")


def test_a_warm_up_failing_everywhere_fails_the_stage_with_its_own_error_not_a_broken_pool(two_workers, caplog):
    """Workers of the server die warming, the run warms to fork its own: the warm-up's error is what the run reports."""
    with forking_from_server(SERVER_PRELOAD), pytest.raises(RuntimeError, match="rules file unreadable"):
        pool_map(_parent_and_warmed, list(range(8)), warm=_warm_that_fails, min_items=2)
    assert "forking them here" in caplog.text  # it got there through the server's broken pool
