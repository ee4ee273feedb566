"""How much a page holds to read: the text a reader sees, not the markup around it."""
from __future__ import annotations

import re

# Elements whose content no reader sees, comments, then any tag (an unclosed <script> is left as text:
# the pattern never scans past the next closing tag of its kind).
HIDDEN_OR_TAG = re.compile(r"<(script|style|svg|template|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^>]*>",
                           re.I | re.S)


def text_size(content: str, is_html: bool, at_least: int = 0) -> int:
    """Characters of text in a page, whitespace runs counted once; markup, scripts and styles not at all.

    A page no longer than `at_least` characters is not scanned: its length is returned as it is.

    >>> text_size("<html><script>var x = 1;</script><p>Port   opens</p></html>", is_html=True)
    10
    >>> text_size("Port opens", is_html=False)
    10
    """
    if not is_html or len(content) <= at_least:
        return len(content)
    text = HIDDEN_OR_TAG.sub(" ", content)
    return len(" ".join(text.split()))
