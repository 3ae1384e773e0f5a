"""`selfassess import`: last year's self-assessment or tracker, kept as a Word or Excel table (or CSV,
or a PDF), brought in as an assessment file.

tables.py reads a document into grids of cell texts (pdf_tables.py a PDF's ruled tables),
layouts.py recognises the header rows,
rows.py joins the rows a page break split, match.py finds each row's provision, fields.py shapes
each cell into a field, and assemble.py writes the YAML. Nothing a table holds is dropped: what
cannot be placed is kept, commented, at the end of the output.
"""

from __future__ import annotations

#: The kinds of file `import` reads, by extension, as a person would name them.
SUPPORTED = {".docx": "Word", ".xlsx": "Excel", ".csv": "CSV", ".tsv": "tab-separated", ".pdf": "PDF"}


class ImportFailed(Exception):
    """The document cannot be brought in at all (damaged, or no table selfassess knows): one sentence."""
