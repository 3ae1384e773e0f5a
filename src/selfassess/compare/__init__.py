"""`diff`: what changed between two assessments, said for a person, as text, JSON or Markdown.

Which provision answers for which across versions of a code is `model/versions.py`; how answers
stand against each other is `model/standing.py`; the board report and `migrate` use those too.
"""
