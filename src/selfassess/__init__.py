"""selfassess: check, and publish, self-assessments against regulators' codes."""

from __future__ import annotations

__version__ = "0.1.0"
