"""Reading a visible-text dump (what Selenium's body.text or Playwright's inner_text() save): no tags are left, so the
page's lines are read by their shape. page.py puts a page together: lines.py reads and classifies its lines,
text/line_features.py / text/line_model.py score them as body or furniture, body.py / short_lines.py keep the main story,
related.py its related stories, title.py / text/title_features.py its headline, header.py / bylines.py / names.py /
dates.py / engines.py / bios.py its date and author, view.py the page string the header readers share."""
