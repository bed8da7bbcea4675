"""Values written into exported spreadsheets (CSV, XLSX) so that none runs as a formula.

A spreadsheet program takes a cell starting with = + - or @ as a formula, and a leading tab or
carriage return does not stop it; a name such as `=HYPERLINK(…)` typed into a form would run on
the computer of whoever opens the export (CSV injection, OWASP). Such text gets a leading
apostrophe, which spreadsheet programs read as "this is text".
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value):
    """`value` as an export cell: text that would start a formula is prefixed with «'»;
    numbers, dates and other text are kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
