"""What the start page cannot list as a file to open is named there with its reason, never
dropped in silence, and never a failed page: a link in a loop, a link to nothing, a folder that
cannot be read."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from selfassess.load import discover as discovery


def _unreadable(page: str) -> list[str]:
    listed = re.search(r'<ul class="unreadable-files">(.*?)</ul>', page, re.S)
    assert listed is not None, "no list of files that cannot be read"
    return [
        html.unescape(re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li>(.*?)</li>", listed[1], re.S)
    ]


def test_links_that_lead_nowhere_and_unreadable_folders_are_named(client, folder, monkeypatch):
    assessments = folder / "assessments"
    (assessments / "a.yaml").symlink_to("b.yaml")
    (assessments / "b.yaml").symlink_to("a.yaml")
    (assessments / "gone.yaml").symlink_to("deleted-last-year.yaml")
    (assessments / "2024").mkdir()
    scandir = os.scandir

    def refusing(path):  # type: ignore[no-untyped-def]  # as root, no folder is unreadable
        if Path(path) == assessments / "2024":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", refusing)
    page = client.get("/")
    assert page.status_code == 200
    assert _unreadable(page.text) == [
        "assessments/2024: This folder cannot be read (permission denied), so no file in it was checked.",
        "assessments/a.yaml: It is a link in a loop of links that never reaches a file.",
        "assessments/b.yaml: It is a link in a loop of links that never reaches a file.",
        "assessments/gone.yaml: It is a link to a file that does not exist.",
    ]
    assert 'href="/edit/assessments/a.yaml' not in page.text  # there is nothing there to open
    opened = client.get("/edit/assessments/a.yaml")
    assert opened.status_code == 404
    assert "is a link in a loop of links that never reaches a file." in html.unescape(opened.text)
