"""Write pipelines/data/month_names.json: the month names of MONTH_LANGUAGES (wide and abbreviated, as written in a date
and standing alone), in the case their language writes them ('agosto', German 'März'), to their numbers, from babel's
CLDR data.

dates.py reads the file (babel's locale data took 90 ms of CPU to load in every parsing process). Run again after
changing the languages or upgrading babel:

    python -m scripts.write_month_names
"""
from __future__ import annotations

import json

from babel import Locale

from pipelines.parse.dates import MONTH_NAMES_FILE

MONTH_LANGUAGES = ("es", "pt", "fr", "de", "it", "nl", "id", "tr", "pl", "ro", "sv", "da", "nb", "ru", "uk")


def month_names() -> dict[str, int]:
    """Month name as its language writes it -> month number over MONTH_LANGUAGES."""
    names: dict[str, int] = {}
    for language in MONTH_LANGUAGES:
        months = Locale.parse(language).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[name.rstrip(".")] = number
    return dict(sorted(names.items()))


def main() -> int:
    MONTH_NAMES_FILE.write_text(json.dumps({"languages": list(MONTH_LANGUAGES), "months": month_names()},
                                           ensure_ascii=False, indent=0) + "\n")
    print(f"wrote {MONTH_NAMES_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
