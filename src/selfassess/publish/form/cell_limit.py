"""What an Excel cell holds at most, and the refusal of a longer text: apart from the workbook's
writer, so that what refuses can be caught without loading openpyxl (only a workbook made does)."""

from __future__ import annotations

#: The most characters an Excel cell holds; openpyxl would cut a longer text short without a word.
LONGEST_CELL = 32_767


class CellTooLong(ValueError):
    """A text longer than an Excel cell holds: the workbook would lose its end."""
