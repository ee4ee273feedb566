"""Layout tables: the <table> grids older sites (many Chinese government sites among them) lay whole pages out with.

trafilatura reads every <table> as data and writes it as rows of cells ('| 首页 | 政务公开 |'), so a story set in a
layout grid came out as one cell line holding its paragraphs, with the grid's menus, breadcrumb and footer as rows
around it. A table is a layout table when it says so (role="presentation"), when it holds another table, or when it
is sized as the page's frame (width="1000", "100%") and a cell of its own holds block content (paragraphs,
divisions, headings, lists, a form) or every cell holds only links and images (the grid's menu or logo bar). A table
with headers (<th>, <thead>) or a caption is data, and so are an article's own tables, even with paragraphs in their
cells (a comparison table): trafilatura reads them well. Layout tables become plain <div>s before the body is read,
so the story's paragraphs are paragraphs again and the furniture around them is pruned as on any page.
"""
from __future__ import annotations

from lxml.html import HtmlElement

BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "form", "article", "section", "blockquote")
BLOCK_CHILDREN = "|".join(f"./{tag}" for tag in BLOCK_TAGS)  # a cell's own block children, one XPath
TABLE_PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th")


def _own_cells(table: HtmlElement) -> list[HtmlElement]:
    """The table's own cells, not those of a table nested in one of them."""
    return table.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th")


def is_layout_table(table: HtmlElement) -> bool:
    """True for a table that lays a page out rather than holding data.

    >>> from lxml.html import fromstring
    >>> is_layout_table(fromstring('<table width="1000"><tr><td><p>One.</p><p>Two.</p></td></tr></table>'))
    True
    >>> is_layout_table(fromstring("<table><tr><td><p>One.</p></td><td><p>Two.</p></td></tr></table>"))
    False
    >>> is_layout_table(fromstring("<table><tr><th>City</th><th>Fund</th></tr><tr><td>Jinan</td><td>1bn</td></tr></table>"))
    False
    >>> is_layout_table(fromstring("<table><tr><td>Jinan</td><td>1bn</td></tr><tr><td>Hefei</td><td>2bn</td></tr></table>"))
    False
    """
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    cells = _own_cells(table)
    if table.xpath("./caption|./thead") or any(cell.tag == "th" for cell in cells):
        return False
    if table.xpath(".//table"):
        return True
    return _page_wide(table) and (any(cell.xpath(BLOCK_CHILDREN) for cell in cells)
                                  or bool(cells) and all(_links_only(cell) for cell in cells))


def _links_only(cell: HtmlElement) -> bool:
    """True for a cell holding only links, images and separators: a menu's or a logo's cell.

    >>> from lxml.html import fromstring
    >>> _links_only(fromstring('<td><img src="a.png"> <a href="/">Home</a> | <a href="/b">News</a></td>'))
    True
    >>> _links_only(fromstring('<td><a href="/">Jinan</a> 1 billion</td>'))
    False
    """
    rest = cell.text_content()
    for link in cell.iter("a"):
        rest = rest.replace(link.text_content(), "", 1)
    return not any(ch.isalnum() for ch in rest)


def _page_wide(table: HtmlElement) -> bool:
    """True for a table sized as a page's frame (a width of 600 pixels or more, or of 90% or more): how layout grids
    are written; an article's data table inherits its column's width."""
    width = (table.get("width") or "").strip().rstrip("px")
    return width.endswith("%") and width[:-1].isdigit() and int(width[:-1]) >= 90 or width.isdigit() and int(width) >= 600


def unwrap_layout_tables(root: HtmlElement) -> int:
    """Turn every layout table under `root` (and its rows and cells) into <div>s; the number turned.

    >>> from lxml.html import fromstring, tostring
    >>> page = fromstring('<div><table width="100%"><tr><td><p>Story.</p></td></tr></table></div>')
    >>> unwrap_layout_tables(page), tostring(page)
    (1, b'<div><div width="100%"><div><div><p>Story.</p></div></div></div></div>')
    """
    layout = [t for t in root.iter("table") if is_layout_table(t)]
    for table in layout:
        parts = [el for el in table.iter(*TABLE_PARTS) if _table_of(el) is table]
        for el in parts:
            el.tag = "div"
        table.tag = "div"
    return len(layout)


def _table_of(el: HtmlElement) -> HtmlElement | None:
    """The nearest table holding a row, cell or section."""
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent
