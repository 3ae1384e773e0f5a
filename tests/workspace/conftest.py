from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from selfassess.workspace.app import make_app
from selfassess.workspace.security import Keys
from tests.browser import browser, new_page

REPO = Path(__file__).parents[2]
ORIGIN = "http://127.0.0.1:8765"


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the repository's assessments, kept in git as a team would keep them."""
    made = tmp_path / "team"
    shutil.copytree(REPO / "assessments", made / "assessments")
    git(made, "init", "-q")
    git(made, "add", "-A")
    git(made, "commit", "-q", "-m", "as published")
    return made


@pytest.fixture
def keys() -> Keys:
    return Keys.made([ORIGIN, "http://localhost:8765"], 8765)


@pytest.fixture
def client(folder, keys) -> TestClient:
    """The workspace on `folder`, signed in as the person who started it (the token exchanged for
    its cookie), sending the Origin its own pages send."""
    made = TestClient(make_app(folder, keys), base_url=ORIGIN, headers={"origin": ORIGIN})
    assert made.get(f"/?token={keys.token}", follow_redirects=False).status_code == 303
    return made


from tests.workspace.serving import served  # noqa: E402  (a fixture for every workspace test)

__all__ = ["served"]


@pytest.fixture
def page(served):
    """A browser page signed in to a workspace on a copy of the bundled examples kept in git."""
    server = served()
    with browser() as launched:
        opened = new_page(launched)
        opened.goto(server.address)
        yield opened
