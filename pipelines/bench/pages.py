"""Site furniture for benchmark pages: a small HTML fixture dressed as a page of a real news site.

The HTML fixtures in tests/fixtures/html are 1-2 KB: an article and a related list, nothing else.
Pages saved from real news sites are far heavier (the 60 pages of the public html-dev benchmark:
median 125 KB, p25 80 KB, p75 208 KB, about 40 <script> elements and 130 links each): inline CSS,
analytics and ad configuration, a JSON blob of the app state, inline SVG icons, a mega-menu, a
"most read" rail, a large footer. The floor (read, decode, tokenise) and every parser pay for those
bytes, so a benchmark on bare fixtures measures the wrong page. `dress_html` wraps a fixture in
such furniture (about 110 KB and 40 scripts, deterministic for a given n) without touching its article.

>>> page = dress_html("<html><head><title>T</title></head><body><h1>T</h1><p>Body.</p></body></html>", 3)
>>> 90_000 < len(page) < 140_000 and "<h1>T</h1><p>Body.</p>" in page and page.count("<script") >= 20
True
>>> dress_html("<p>x</p>", 1) == dress_html("<p>x</p>", 1) != dress_html("<p>x</p>", 2)
True
"""
from __future__ import annotations

import json
import random
import re

SECTIONS = {
    "News": ["World", "Asia", "China", "Europe", "Americas", "Middle East", "Africa", "Analysis"],
    "Business": ["Markets", "Companies", "Banking", "Property", "Trade", "Energy", "Autos", "Retail"],
    "Tech": ["Gadgets", "Start-ups", "Cybersecurity", "AI", "Telecoms", "Semiconductors", "Gaming", "Reviews"],
    "Economy": ["Policy", "Central banks", "Jobs", "Inflation", "Currencies", "Debt", "Data", "Regions"],
    "Opinion": ["Editorials", "Columnists", "Letters", "Cartoons", "Podcasts", "Newsletters", "Events", "Books"],
    "Lifestyle": ["Travel", "Food", "Health", "Style", "Culture", "Sport", "Property", "Motoring"],
    "Video": ["Latest", "Explainers", "Interviews", "Documentaries", "Live", "Shorts", "Series", "Archive"],
    "More": ["Weather", "Puzzles", "Obituaries", "Corrections", "Archive", "Sitemap", "RSS", "Apps"],
}
TEASERS = [
    "Shipping rates ease as congestion at container terminals clears",
    "Regulators weigh new rules for online payment platforms",
    "Factory output beats forecasts for a second month",
    "Why small lenders are racing to digitise their branches",
    "Housing sales slow in big cities as mortgage rates hold",
    "The long road back for the region's tourism industry",
    "Chipmakers bet on advanced packaging to stay ahead",
    "Power grid operators brace for a hot, dry summer",
    "Commodity traders shift offices as costs climb",
    "Streaming services raise prices again, testing loyalty",
    "How a river port reinvented itself as a logistics hub",
    "Electric bus makers court overseas city councils",
]
RAILS = ["Top stories", "Latest", "Most read", "Editor's picks", "Video", "Markets", "Opinion", "Podcasts"]
FOOTER = {
    "About us": ["Our company", "Careers", "Editorial standards", "Ethics policy", "Contact us", "Newsroom",
                 "Corrections", "Accessibility", "Annual report", "Awards"],
    "Subscribe": ["Digital", "Print", "Gift", "Group", "Student", "Newsletters", "Alerts", "Podcasts", "E-paper",
                  "Manage account"],
    "Advertise": ["Media kit", "Branded content", "Events", "Classifieds", "Recruitment", "Public notices",
                  "Partnerships", "Sponsorship", "Research", "Contact sales"],
    "Legal": ["Terms of use", "Privacy policy", "Cookie policy", "Cookie settings", "Copyright", "Licensing",
              "Reprints", "Syndication", "Modern slavery statement", "Complaints"],
}


def _css(rng: random.Random) -> str:
    """A stylesheet of utility classes, components and media queries, as sites inline above the fold."""
    rules = []
    for i in range(520):
        rules.append(f".c-{i:03d}{{margin:{rng.randint(0, 32)}px {rng.randint(0, 24)}px;padding:{rng.randint(0, 16)}px;"
                     f"font:{rng.choice([400, 500, 700])} {rng.randint(12, 28)}px/1.{rng.randint(2, 6)} "
                     f"var(--font-{rng.choice(['serif', 'sans', 'mono'])});color:#{rng.randrange(16**6):06x}}}")
    for width in (480, 768, 1024, 1280):
        inner = "".join(f".grid-{j}{{grid-template-columns:repeat({j},minmax(0,1fr));gap:{width // 64}px}}"
                        for j in range(1, 13))
        rules.append(f"@media (min-width:{width}px){{{inner}}}")
    return "\n".join(rules)


def _app_state(rng: random.Random, n: int) -> str:
    """The JSON state a JavaScript front end ships inside the page (teaser rails, config, user flags)."""
    rails = [{"id": f"rail-{r}", "title": title, "items": [
        {"id": f"{n}-{r}-{i}", "headline": rng.choice(TEASERS), "url": f"/news/{n}/{r}/{i}",
         "image": {"src": f"https://cdn.site.example/img/{rng.randrange(16**8):08x}.jpg", "width": 640,
                   "height": 360, "alt": ""},
         "published": f"2024-0{rng.randint(1, 9)}-{rng.randint(10, 28)}T{rng.randint(10, 23)}:00:00Z",
         "section": rng.choice(list(SECTIONS)), "premium": rng.random() < 0.3} for i in range(20)]}
        for r, title in enumerate(RAILS)]
    config = {"build": f"{rng.randrange(16**12):012x}", "env": "production", "features": {
        f"flag_{i}": rng.random() < 0.5 for i in range(60)}, "ads": {"slots": [
            {"id": f"ad-slot-{i}", "sizes": [[300, 250], [728, 90], [970, 250]], "targeting": {"pos": i, "kw": ["news"]}}
            for i in range(20)]}}
    return json.dumps({"props": {"pageProps": {"rails": rails}}, "config": config}, separators=(",", ":"))


def _svg_icons(rng: random.Random) -> str:
    """An inline SVG sprite: icons as path data."""
    paths = "".join(f'<symbol id="icon-{i}" viewBox="0 0 24 24"><path d="M{rng.randint(0, 24)} {rng.randint(0, 24)}'
                    + "".join(f"l{rng.randint(-9, 9)} {rng.randint(-9, 9)}" for _ in range(18)) + 'z"/></symbol>'
                    for i in range(30))
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{paths}</svg>'


def _link_list(items: list[str], prefix: str) -> str:
    slug = lambda s: re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")  # noqa: E731
    return "".join(f'<li><a href="/{prefix}/{slug(item)}">{item}</a></li>' for item in items)


def _header() -> str:
    """Cookie banner, top bar and a mega-menu of every section."""
    menu = "".join(f'<li class="nav-section"><a href="/{name.lower()}">{name}</a>'
                   f'<ul class="nav-sub">{_link_list(subs, name.lower())}</ul></li>' for name, subs in SECTIONS.items())
    return ('<div id="cookie-consent" role="dialog"><p>We use cookies to improve your experience and to show '
            'personalised ads. <a href="/cookies">Cookie settings</a></p><button>Accept all</button>'
            '<button>Reject all</button></div>'
            '<header class="site-header"><div class="top-bar"><a href="/subscribe">Subscribe</a> '
            '<a href="/login">Sign in</a> <a href="/edition">Edition: International</a></div>'
            f'<a class="logo" href="/"><svg><use href="#icon-0"/></svg></a><nav class="main-nav"><ul>{menu}</ul></nav>'
            '<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>')


def _after_article(rng: random.Random) -> str:
    """The 'most read' rail, a newsletter box and the footer."""
    most_read = "".join(f'<li><a href="/news/popular/{i}">{rng.choice(TEASERS)}</a></li>' for i in range(10))
    columns = "".join(f'<div class="footer-col"><h4>{name}</h4><ul>{_link_list(items, "about")}</ul></div>'
                      for name, items in FOOTER.items())
    return (f'<aside class="sidebar"><section class="most-read"><h3>Most read</h3><ol>{most_read}</ol></section>'
            '<section class="newsletter"><h3>The morning brief</h3><p>The day\'s top stories in your inbox.</p>'
            '<form action="/newsletter"><input type="email" placeholder="Email address"><button>Sign up</button>'
            '</form></section></aside>'
            f'<footer class="site-footer"><div class="footer-cols">{columns}</div>'
            '<p class="copyright">© 2024 The Daily Example. All rights reserved. Registered in England and Wales.</p>'
            '</footer>')


def _scripts(rng: random.Random, n: int, where: str) -> str:
    """Analytics, consent, ad and loader scripts of the head or the end of the body."""
    tags = [f'<script async src="https://cdn.site.example/js/{name}.{rng.randrange(16**8):08x}.js"></script>'
            for name in ("vendor", "app", "consent", "ads", "analytics", "video", "comments", "paywall", "polyfills",
                         "prebid", "recirculation", "newsletter", "share", "lazyload", "fonts", "metrics")]
    inline = [
        "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());"
        f"gtag('config','G-{rng.randrange(16**10):010X}',{{page_id:'{where}-{n}'}});",
        "(function(w,d){var s=d.createElement('script');s.async=true;s.src='https://cdn.site.example/js/loader.js';"
        "d.head.appendChild(s);w.__cmp=w.__cmp||function(){(w.__cmp.q=w.__cmp.q||[]).push(arguments)};})(window,document);",
        "if('serviceWorker' in navigator){navigator.serviceWorker.register('/sw.js').catch(function(){})}",
    ]
    return "".join(tags) + "".join(f"<script>{code}</script>" for code in inline)


def dress_html(page: str, n: int) -> str:
    """The page with a real site's furniture around its article: head assets, header, rails, footer, scripts."""
    rng = random.Random(n)
    head = (f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{_css(rng)}</style>'
            + _scripts(rng, n, "head")
            + f'<script id="__APP_STATE__" type="application/json">{_app_state(rng, n)}</script>')
    body_start = _svg_icons(rng) + _header()
    body_end = _after_article(rng) + _scripts(rng, n, "body")
    page = _insert(page, r"</head\s*>", head, before=True, default=0)
    page = _insert(page, r"<body[^>]*>", body_start, before=False, default=0)
    return _insert(page, r"</body\s*>", body_end, before=True, default=len(page))


def _insert(page: str, pattern: str, html: str, before: bool, default: int) -> str:
    """html inserted before or after the first match of pattern (case-insensitive), else at `default`."""
    match = re.search(pattern, page, re.I)
    at = default if match is None else match.start() if before else match.end()
    return page[:at] + html + page[at:]
