"""`serve`: the workspace in the browser, on a folder of assessments."""

from __future__ import annotations

import argparse
import signal
import sys
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess.cli.common import EXIT_CLEAN, EXIT_INTERRUPTED, EXIT_TERMINATED, UsageError, existing_folders

if TYPE_CHECKING:
    from selfassess.workspace.server import Stopping

EXIT_SIGNALLED = {signal.SIGINT: EXIT_INTERRUPTED, signal.SIGTERM: EXIT_TERMINATED}


def run_serve(arguments: argparse.Namespace) -> int:
    from selfassess.workspace.server import Stopping

    try:
        with Stopping() as stopping:
            return _serve(arguments, stopping)
    except KeyboardInterrupt:  # Ctrl-C while starting, before the server was listening
        print("Stopped.", file=sys.stderr)
        return EXIT_SIGNALLED[signal.SIGINT]


def _serve(arguments: argparse.Namespace, stopping: Stopping) -> int:
    from selfassess.workspace.server import DEFAULT_PORT, LOCAL, base_address, bind, is_any_address, serve

    folder = Path(arguments.folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    code_dirs = existing_folders(arguments.codes)
    host = arguments.host or LOCAL
    public = arguments.public_url.rstrip("/") if arguments.public_url else None
    if public is not None and not public.startswith(("http://", "https://")):
        raise UsageError(f"--public-url {public}: give the address people open, starting http:// or https://")
    if is_any_address(host) and public is None:
        raise UsageError(
            f"--host {host} listens on every network; give --public-url with the address people will open "
            "(the workspace answers only to that address)"
        )
    try:
        listening = bind(host, arguments.port if arguments.port is not None else DEFAULT_PORT)
    except OSError as error:
        if arguments.port is not None:
            raise UsageError(f"cannot listen on {host} port {arguments.port}: {error.strerror}") from None
        listening = bind(host, 0)  # the usual port is taken (another workspace?): any free one
    port = int(listening.getsockname()[1])
    addresses = [] if is_any_address(host) else [base_address(host, port)]
    if host == LOCAL:
        addresses.append(base_address("localhost", port))
    if public is not None:
        addresses.append(public)
    secure = public is not None and public.startswith("https://")
    keys, server = serve(folder, listening, addresses, code_dirs, secure)
    address = f"{public or addresses[0]}/?token={keys.token}"
    if arguments.host:
        print(
            f"Warning: listening on {host}, not only on this computer. Anyone who can reach it and has the "
            "address below (with its token) can read and change the assessments in this folder; put it "
            "behind your own sign-in (docs/complaints-managers.md says how).",
            file=sys.stderr,
        )
    print(f"The workspace for {folder.resolve()} is at\n\n    {address}\n", flush=True)
    print(
        "Open that address in your browser; it carries this run's token, so keep it to yourself.",
        file=sys.stderr,
    )
    print("Press Ctrl-C to stop.", file=sys.stderr, flush=True)
    if not arguments.no_browser:
        webbrowser.open(address)
    stopped_by = stopping.run(server, listening)
    print("Stopped.", file=sys.stderr)
    return (
        EXIT_SIGNALLED.get(signal.Signals(stopped_by), EXIT_CLEAN) if stopped_by is not None else EXIT_CLEAN
    )
