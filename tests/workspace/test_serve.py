"""`selfassess serve` as a real process: it prints an address with a token, answers only on this
computer, and Ctrl-C (or SIGTERM) ends it promptly and quietly."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.skipif(os.name == "nt", reason="signals are a POSIX matter")


def test_it_prints_an_address_with_a_token_on_this_computer_only(served):
    server = served()
    parts = urlsplit(server.address)
    assert (parts.scheme, parts.hostname, parts.port) == ("http", "127.0.0.1", server.port)
    assert re.fullmatch(r"token=[A-Za-z0-9_-]{32}", parts.query)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", f"/?{parts.query}")
    answer = connection.getresponse()
    assert answer.status == 303 and "HttpOnly" in answer.getheader("set-cookie")
    answer.read()
    connection.request("GET", "/")  # no cookie: refused
    assert connection.getresponse().status == 403
    connection.close()


def test_ctrl_c_stops_it_promptly_and_quietly(served):
    server = served()
    idle = http.client.HTTPConnection(
        "127.0.0.1", server.port, timeout=10
    )  # a browser's kept-alive connection
    idle.request("GET", "/")
    idle.getresponse().read()
    status, errors, took = server.stop(signal.SIGINT)
    assert status == 130
    assert errors.count("Stopped.") == 1 and "Traceback" not in errors and "KeyboardInterrupt" not in errors
    assert took < 5


def test_sigterm_stops_it_with_status_143(served):
    status, errors, _ = served().stop(signal.SIGTERM)
    assert status == 143
    assert errors.count("Stopped.") == 1 and "Traceback" not in errors


def test_another_address_needs_the_flag_and_prints_a_warning(served, folder):
    server = served("--host", "127.0.0.2")
    assert urlsplit(server.address).hostname == "127.0.0.2"
    _, errors, _ = server.stop(signal.SIGINT)
    assert "Warning: listening on 127.0.0.2, not only on this computer." in errors


def test_every_network_needs_the_address_people_will_use(folder):
    done = subprocess.run(
        [sys.executable, "-m", "selfassess", "serve", str(folder), "--no-browser", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "give --public-url with the address people will open" in done.stderr
    assert "Traceback" not in done.stderr


def test_behind_a_proxy_it_answers_at_the_public_address_and_still_needs_the_token(served):
    server = served("--public-url", "https://complaints.example.org/")
    assert server.address.startswith("https://complaints.example.org/?token=")
    token = urlsplit(server.address).query
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/", headers={"Host": "complaints.example.org"})
    assert connection.getresponse().status == 403  # the proxy's sign-in is not the token
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", f"/?{token}", headers={"Host": "complaints.example.org"})
    answer = connection.getresponse()
    assert answer.status == 303 and "Secure" in answer.getheader("set-cookie")
    connection.close()


def test_a_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "selfassess", "serve", str(tmp_path / "nowhere"), "--no-browser"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and "no such folder" in done.stderr
