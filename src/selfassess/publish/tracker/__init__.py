"""A published tracker (a committee's recommendations, an improvement plan) in the committee's own columns."""
