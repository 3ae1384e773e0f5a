"""Running the workspace: uvicorn serving a socket bound first (so the address printed is known to be
listening), until Ctrl-C or SIGTERM, which end it quietly."""

from __future__ import annotations

import ipaddress
import signal
import socket
from pathlib import Path
from types import FrameType

import uvicorn

from selfassess.workspace.app import make_app
from selfassess.workspace.security import Keys

DEFAULT_PORT = 8765
LOCAL = "127.0.0.1"
_STOPPING = (signal.SIGINT, signal.SIGTERM)


def is_any_address(host: str) -> bool:
    """0.0.0.0 or ::, which no browser can be pointed at."""
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host`:`port` (0: any free port). Raises OSError if it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((host, port))
        listening.listen(128)
    except OSError:
        listening.close()
        raise
    return listening


def base_address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def serve(
    folder: Path, listening: socket.socket, addresses: list[str], code_dirs: list[Path]
) -> tuple[Keys, uvicorn.Server]:
    """The workspace for `folder`, ready to run on `listening`, answering at `addresses`."""
    port = int(listening.getsockname()[1])
    keys = Keys.made(addresses, port)
    config = uvicorn.Config(
        make_app(folder, keys, code_dirs),
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
        server_header=False,
    )
    return keys, uvicorn.Server(config)


def run(server: uvicorn.Server, listening: socket.socket) -> int | None:
    """Serve until Ctrl-C or SIGTERM; the signal that stopped it (None if it stopped otherwise).

    uvicorn finishes the requests under way, then hands each signal back to the handler that was
    there before it started: that handler is this one, which only notes it, so nothing is printed
    and no KeyboardInterrupt is raised.
    """
    received: list[int] = []

    def note(number: int, frame: FrameType | None) -> None:
        received.append(number)

    before = {number: signal.signal(number, note) for number in _STOPPING}
    try:
        server.run(sockets=[listening])
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
        listening.close()
    return received[0] if received else None
