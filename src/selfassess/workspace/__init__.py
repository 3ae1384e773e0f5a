"""The workspace: a page in the browser where people fill in, check and publish an assessment.

`selfassess serve` starts it on a folder. The files stay what they are (YAML, kept in git and
checked in CI); the page reads them with the loader every command uses, shows the checks' findings
as the person types, and saves by changing only the lines of what was edited (splice.py).
"""
