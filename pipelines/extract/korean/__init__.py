"""Reading Korean text: place names written in Hangul (korean/places.py) and figures with Korean group words
(korean/numbers.py: 1조 2000억 원, 4만 명). Korean targets are read by chinese/targets.py with the "korean" vocabulary
of pipelines/data/targets.json, as Japanese ones are with the "japanese" one."""
