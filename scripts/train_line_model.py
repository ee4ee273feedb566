"""Train the line model (pipelines/data/line_model.json) on a split of text dumps and their ground truth.

    python -m scripts.train_line_model /tmp/splits/tune [--check /tmp/splits/check] [--write]

Labels come from the ground truth: a line is main content when most of its word 4-grams (or, for
lines of fewer than four words, the line itself) occur in the page's `articleBody`. The body model is a
scikit-learn LogisticRegression (liblinear, fixed seed: the same data give the same weights). The title
model ranks one page's candidates against each other: a linear score trained as a softmax over each
page's candidate lines (the headline's share of the page's probability is raised), with scipy's L-BFGS
from zero weights (deterministic); a page none of whose candidates is its title teaches nothing. Only
weights and feature names are written. Needs scikit-learn and scipy (`pip install -e .[train]`).
`--title-only` refits the title weights alone and keeps the shipped body weights.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import difflib

from pipelines.parse.text.line_features import NAMES, line_features
from pipelines.parse.text.line_model import MODEL_FILE
from pipelines.parse.rules import text_rules
from pipelines.parse.text.lines import read_lines
from pipelines.parse.text.page import page_layout
from pipelines.parse.text.title_features import TITLE_NAMES, opening_lines, title_candidates, title_features

TOKEN = re.compile(r"\w+")  # the scorer's tokens


def _tokens(text: str) -> list[str]:
    return TOKEN.findall((text or "").casefold())


def _grams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}


def page_rows(text: str):
    """(lines, feature rows) of one text dump."""
    lines = read_lines(text, text_rules())
    rows = line_features([x.text for x in lines], [x.kind for x in lines], [x.para for x in lines])
    return lines, rows


def body_labels(lines, truth_body: str) -> list[int]:
    """1 for lines whose words are in the truth body, else 0."""
    truth_tokens = _tokens(truth_body)
    grams, joined = _grams(truth_tokens), f" {' '.join(truth_tokens)} "
    labels = []
    for line in lines:
        tokens = _tokens(line.text)
        if len(tokens) >= 4:
            own = _grams(tokens)
            labels.append(int(sum(g in grams for g in own) >= 0.5 * len(own)))
        else:
            labels.append(int(bool(tokens) and f" {' '.join(tokens)} " in joined))
    return labels


def is_title(line: str, truth_title: str | None) -> bool:
    """The scorer's test (same words, or 90% alike), also against the title without a ' | Site' suffix."""
    if not truth_title:
        return False
    got = " ".join(_tokens(line))
    for want in {truth_title, re.split(r"\s+[|–—-]\s+", truth_title)[0]}:
        want = " ".join(_tokens(want))
        if got and (got == want or difflib.SequenceMatcher(None, got, want).ratio() >= 0.9):
            return True
    return False


def title_rows(text: str, truth_title: str | None):
    """(feature rows, labels) of one page's title candidates, before the title model is used."""
    lines = read_lines(text, text_rules())
    layout = page_layout(lines, text_rules(), choose=False)
    if layout is None:
        return [], []
    candidates = title_candidates(lines, layout.body_start)
    rows = title_features(lines, candidates, layout.body_start, layout.scores, opening_lines(layout.keep), layout.rule_title)
    return rows, [int(is_title(lines[i].text, truth_title)) for i in candidates]


def load_split(split: Path):
    """Per page id: (lines, rows, body labels, truth item)."""
    truth = json.loads((split / "ground-truth.json").read_text())
    pages = {}
    for key, item in sorted(truth.items()):
        path = split / "text" / f"{key}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        lines, rows = page_rows(text)
        pages[key] = (lines, rows, body_labels(lines, item.get("articleBody", "")), item, title_rows(text, item["title"]))
    return pages


def fit_body(pages, c: float):
    from sklearn.linear_model import LogisticRegression
    xs = [row for lines, rows, labels, *_ in pages.values() for row in rows]
    ys = [y for lines, rows, labels, *_ in pages.values() for y in labels]
    model = LogisticRegression(C=c, solver="liblinear", fit_intercept=False, max_iter=2000, random_state=0)
    model.fit(xs, ys)
    return [float(w) for w in model.coef_[0]]


def fit_title(pages, penalty: float):
    """Title weights that rank each page's headline over its other candidates: the softmax over one page's candidate
    scores is fitted to spread its mass over the page's title lines (cross-entropy summed over pages, plus
    `penalty` / 2 times the squared weights). The bias is constant within a page, so it ends at zero: a score above
    0 is a candidate better than an even chance against a line of no features."""
    import numpy as np
    from scipy.optimize import minimize
    groups = [(np.array(rows, dtype=float), np.array(labels, dtype=float) / sum(labels))
              for *_, (rows, labels) in pages.values() if any(labels)]

    def loss(w):
        total, grad = 0.5 * penalty * w @ w, penalty * w
        for xs, target in groups:
            scores = xs @ w
            shifted = scores - scores.max()
            log_z = np.log(np.exp(shifted).sum())
            total -= target @ (shifted - log_z)
            grad = grad + xs.T @ (np.exp(shifted - log_z) - target)
        return total, grad

    fitted = minimize(loss, np.zeros(len(TITLE_NAMES)), jac=True, method="L-BFGS-B")
    return [float(w) for w in fitted.x]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--span-threshold", type=float, default=0.4)
    ap.add_argument("--keep-threshold", type=float, default=0.2)
    ap.add_argument("--title-penalty", type=float, default=0.3, help="L2 penalty of the title ranking")
    ap.add_argument("--title-threshold", type=float, default=0.731,
                    help="a page's best candidate scoring under this (0.731: a ranking score under 1) leaves the rules' pick")
    ap.add_argument("--title-only", action="store_true", help="refit the title weights, keep the shipped body ones")
    ap.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    args = ap.parse_args()
    pages = load_split(args.split)
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    weights = shipped["body"] if args.title_only else fit_body(pages, args.c)
    title_weights = fit_title(pages, args.title_penalty)
    for name, w in sorted(zip(NAMES, weights), key=lambda p: -abs(p[1]))[:10]:
        print(f"  body  {name:20s} {w:+.3f}")
    for name, w in sorted(zip(TITLE_NAMES, title_weights), key=lambda p: -abs(p[1]))[:10]:
        print(f"  title {name:20s} {w:+.3f}")
    if args.write:
        trained_on = f"{len(pages)} text dumps ({args.split.name} split)"
        body_keys = ("span_threshold", "keep_threshold", "trained_on", "c")
        body = {k: shipped[k] for k in body_keys} if args.title_only else \
            {"span_threshold": args.span_threshold, "keep_threshold": args.keep_threshold, "trained_on": trained_on, "c": args.c}
        model = {"features": list(NAMES), "body": [round(w, 5) for w in weights], "span_threshold": body["span_threshold"],
                 "keep_threshold": body["keep_threshold"], "title_features": list(TITLE_NAMES),
                 "title": [round(w, 5) + 0.0 for w in title_weights],  # (+ 0.0: a bias fitted to -1e-17 is written 0.0)
                 "title_threshold": args.title_threshold,
                 "trained_on": body["trained_on"], "c": body["c"],
                 "title_trained_on": f"{trained_on}, softmax over each page's candidates, penalty {args.title_penalty}"}
        MODEL_FILE.write_text("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in model.items())
                              + "\n}\n", encoding="utf-8")
        print("wrote", MODEL_FILE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
