"""Settings for the whole test run."""

from __future__ import annotations

import os
import tempfile

# The bank-holiday cache of this run lives in a folder of its own, so tests never read a cache a
# user (or an earlier run) left behind, nor leave one in the home folder. Set before any test, and
# inherited by every command the tests start as a process.
os.environ["SELFASSESS_CACHE_DIR"] = tempfile.mkdtemp(prefix="selfassess-test-cache-")

# Hypothesis's per-example deadline is a timing assertion, and timings belong in benchmarks/: on a
# busy machine it fails tests that are right. Every property test runs without one.
from hypothesis import settings

settings.register_profile("selfassess", deadline=None)
# In CI the examples are drawn from a seed fixed per test, so a run on a clean clone tests what the
# last run here tested and passes or fails for a reason; a local run draws new examples each time,
# which is how the fuzzing finds what no one thought of.
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "selfassess")
