"""Properties that hold for any assessment built from the code, checked with hypothesis."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary

LIBRARY = CodeLibrary()
CODE = LIBRARY.find("hos-chc-2024", Path.cwd()).code
NUMBERS = list(CODE.provisions)
OPTIONS = CheckOptions(use_config=False)

actions = st.lists(
    st.fixed_dictionaries(
        {"action": st.sampled_from(["Automated reminders", "Refresher training", "Review the policy"])},
        optional={
            "owner": st.sampled_from(["Head of Complaints", "Complaints Manager"]),
            "due": st.dates().map(lambda d: d.isoformat()),
            "start": st.dates().map(lambda d: d.isoformat()),
            "status": st.sampled_from(["not-started", "in-progress", "done"]),
        },
    ),
    max_size=2,
)
responses = st.fixed_dictionaries(
    {"answer": st.sampled_from(["Yes", "No", "Partial", "N/A", "yes.", "YAC", ""])},
    optional={
        "evidence": st.lists(
            st.sampled_from(["complaints-policy", "Complaints page", "missing-key"]), max_size=2
        ),
        "commentary": st.sampled_from(["", "Stage 1 responses were late in winter.", "We meet this."]),
        "actions": actions,
    },
)
assessments = st.fixed_dictionaries(
    {
        "code": st.just("hos-chc-2024"),
        "organisation": st.just("Fenbrook Homes"),
        "assessed_on": st.just("2025-05-20"),
        "evidence": st.just({"complaints-policy": {"title": "Complaints policy"}}),
        "responses": st.dictionaries(st.sampled_from(NUMBERS), responses, max_size=12),
    }
)


def check(tmp_path: Path, data: dict) -> list:
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return check_files([(path, "generated.yaml")], LIBRARY, OPTIONS).findings


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(assessments)
def test_invariants(tmp_path, data):
    findings = check(tmp_path, data)
    by_rule = {(f.rule, f.provision) for f in findings}
    for number, response in data["responses"].items():
        meaning = CODE.answers.meaning(response["answer"]) if response["answer"] else None
        if meaning in ("not-met", "partly-met") and not response.get("commentary"):
            assert ("SA301", number) in by_rule
        if response["answer"]:
            assert ("SA101", number) not in by_rule
        else:
            assert ("SA101", number) in by_rule
    for number in NUMBERS:
        if number not in data["responses"]:
            assert ("SA101", number) in by_rule
    assert findings == sorted(findings)
    assert check(tmp_path, data) == findings  # deterministic
