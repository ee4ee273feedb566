"""Addresses of pages: the site a URL belongs to."""
from __future__ import annotations

from urllib.parse import urlparse


def site_of(url: str | None) -> str | None:
    """The site of a page address, without 'www.'; None when the address names no host.

    >>> site_of("https://www.coinness.com/news/1"), site_of("/relative/path"), site_of(None)
    ('coinness.com', None, None)
    """
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None
