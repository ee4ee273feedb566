"""pipelines.lifecycle.fastexit: a command's process ends with its code, its output flushed and every exit handler
run, without the interpreter's teardown; a command that raised ends as Python ends it."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = """
import atexit, sys
from pipelines.lifecycle import fastexit
fastexit.arm()
atexit.register(lambda: open(sys.argv[1], "w").write("handler ran"))
sys.stdout.write("output without a newline")
{ending}
"""


def _run(tmp_path: Path, ending: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(ending=ending), str(tmp_path / "mark")], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def test_the_process_ends_with_the_commands_code_its_output_and_every_handler(tmp_path):
    done = _run(tmp_path, "sys.exit(fastexit.set_code(3))")
    assert done.returncode == 3
    assert done.stdout == "output without a newline"
    assert (tmp_path / "mark").read_text() == "handler ran"


def test_a_command_that_raised_ends_as_python_ends_it(tmp_path):
    done = _run(tmp_path, "raise RuntimeError('the command failed')")
    assert done.returncode == 1
    assert "RuntimeError: the command failed" in done.stderr
    assert (tmp_path / "mark").read_text() == "handler ran"


def test_the_cli_exits_with_its_code_and_prints_its_output():
    done = subprocess.run([sys.executable, "-m", "pipelines", "report", "--list"], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "targets_by_province" in done.stdout
    missing = subprocess.run([sys.executable, "-m", "pipelines", "report", "no_such_report"], cwd=REPO,
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no report named 'no_such_report'" in missing.stderr
