"""Whatever bytes a file holds, reading and checking it gives a result or a finding with a place."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary
from selfassess.load.yaml_source import load_yaml_bytes, load_yaml_text

LIBRARY = CodeLibrary()
EXAMPLE = (Path(__file__).parents[2] / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["Yes", "No", "on", "6.10", "31/11/09", "2025-02-30", "09-30", "10 working days"]),
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["code", "organisation", "assessed_on", "responses", "answer", "evidence", "actions", "policy", "due"]
    ),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


def _check_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzzed.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = check_files([(path, "fuzzed.yaml")], LIBRARY, CheckOptions())
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_any_yaml_document_loads_or_is_reported(tmp_path, document):
    text = yaml.safe_dump(document, allow_unicode=True)
    loaded = load_yaml_text(text)
    assert loaded.data is not None or loaded.problems or text.strip() in ("null", "...", "null\n...")
    _check_text(tmp_path, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_load_or_are_reported_with_a_place(raw):
    loaded = load_yaml_bytes(raw)
    for problem in loaded.problems:
        assert problem.position.line >= 1 and problem.position.column >= 1


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_real_assessment_corrupted_anywhere_never_crashes(tmp_path, data):
    cut = data.draw(st.integers(0, len(EXAMPLE)))
    noise = data.draw(
        st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#\t\n ?%@`,YesNo0123")), max_size=8)
    )
    _check_text(tmp_path, EXAMPLE[:cut] + noise + EXAMPLE[cut + len(noise) :])
