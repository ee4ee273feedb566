"""The warehouse's lifecycle around a run (pure modules, no dagster).

preflight (start-up checks) -> runstamp (is anything new?) -> versions (which rows are stale) ->
buildstate (what the build file was built from) -> publish (atomic switch, shrink guard);
failures holds the one-line causes and exit codes, refcache the start-up caches.
"""
