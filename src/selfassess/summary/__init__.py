"""`summary`: every assessment in a folder at once, for auditors and regulators."""
