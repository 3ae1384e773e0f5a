"""The board report: compliance by section, what the checks found, actions, and what changed."""
