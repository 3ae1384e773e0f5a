"""The pre-commit hook definition, run for real by pre-commit on a temporary repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).parents[1]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A landlord's repository: its assessment, and a CI file that is not an assessment."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("landlord")
    (root / "assessments").mkdir()
    shutil.copy(REPO / "assessments" / "example-homes-2025.yaml", root / "assessments" / "2025.yaml")
    shutil.copytree(REPO / "assessments" / "evidence", root / "assessments" / "evidence")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n")
    git = ["git", "-c", "user.email=team@fenbrookhomes.example", "-c", "user.name=Complaints Team"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "2025 self-assessment"], cwd=root, check=True)
    return root


def hook(project: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(REPO), "selfassess", "--files", *files],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env={**__import__("os").environ, "PRE_COMMIT_HOME": str(home)},
        check=False,
    )


def test_the_hook_passes_a_clean_assessment_and_fails_a_broken_one(project, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")  # one hook environment for both runs
    clean = hook(project, home, "assessments/2025.yaml", ".github/workflows/ci.yml")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "selfassess check" in clean.stdout and "Passed" in clean.stdout
    path = project / "assessments" / "2025.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"2.5":\n    answer: "Yes"', '"2.5":\n    answer: YAC', 1)
    )
    broken = hook(project, home, "assessments/2025.yaml", ".github/workflows/ci.yml")
    assert broken.returncode == 1
    assert "Failed" in broken.stdout
    assert "assessments/2025.yaml:" in broken.stdout and "SA103 error [2.5] Answer 'YAC'" in broken.stdout
    assert "ci.yml" not in broken.stdout.split("Failed", 1)[1]  # only codes and assessments are checked
