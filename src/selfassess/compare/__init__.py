"""Comparing assessments: which provision answers for which across versions of a code, and what
changed between two assessments. The board report, `diff` and `migrate` share it."""
