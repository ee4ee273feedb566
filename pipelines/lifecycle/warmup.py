"""What the stages' workers need loaded before their first page: importing this module loads it.

A command-line run gives this module to the fork server it starts before importing Dagster
(pipelines/lifecycle/workers.py `forking_from_server`): the server imports it once, on the core the run's start
leaves idle, and the parse and extraction workers fork from the server with the parsers' imports (trafilatura,
lxml) and rules, the extractors' imports, gazetteer and place names in place. Without it the run loaded them
itself before each pool forked: ~0.2 s for each of the two stages on the run's critical path.

A warm-up that fails here is left to the workers: theirs fails the same way, and the stage then warms up in the
run and forks its workers from there (pipelines/stages.py `pool_imap`), where the error is raised as it always was.
The server itself must not die of it: the report's drawing processes fork from it too.
"""
from __future__ import annotations

try:
    from pipelines.extract.stage import warm_extractors
    from pipelines.stages import warm_parsers

    warm_parsers()
    warm_extractors()
except Exception:  # noqa: BLE001, S110 - see above: the stage raises it again where it is reported
    pass
