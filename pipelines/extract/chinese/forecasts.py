"""Whether a forecaster is named as a figure's source before its clause ('据IDC预测，…市场规模将达到1.5万亿元',
'アナリストによると、…'): the figure is the forecaster's estimate, not a target (chinese/targets.py). The pattern is the
compiled vocabulary's forecast_source_re (targets.json, per language)."""
from __future__ import annotations

from pipelines.extract.sentence_scans import SentenceScans


def forecaster_before(scans: SentenceScans, c_start: int) -> bool:
    """True when a forecaster is named as a source in text[:c_start] (forecast_source_re.search(text, 0, c_start)).

    The pattern asserts nothing after its last character, so a match within a prefix is one within every longer
    prefix: the shortest prefix holding a match is found once per sentence by bisection, and each clause compares
    its start with it instead of searching the sentence up to it. SentenceScans.first cannot serve it: the pattern's
    \\s* leaves its reach unbounded (match_index.pattern_reach), so the one-scan look-up would search each clause's
    prefix again.
    """
    rx, text = scans.cfg["forecast_source_re"], scans.text

    def shortest_prefix() -> int | None:
        if not rx.search(text):
            return None
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if rx.search(text, 0, mid) else (mid + 1, hi)
        return lo
    least = scans.kept(("forecaster",), shortest_prefix)
    return least is not None and least <= c_start
