"""Reading Chinese (and Japanese, which shares its figures and place words) text: numbers written in Han characters,
place names and their levels, bodies and their roles, traditional-character forms, and the targets, shared figures,
lists and deadlines of plans written in Chinese. Each module's docstring says what it reads; the word lists are data
in pipelines/data/."""
