"""pipelines.lifecycle.workers: a worker whose run died before it asked to die with it ends at once, whoever adopted
it (pid 1 or a subreaper), and a worker of a living run goes on."""
from __future__ import annotations

import os
import sys

import pytest

from pipelines.lifecycle.workers import die_with_parent

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
