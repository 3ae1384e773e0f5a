"""Running the workspace: uvicorn serving a socket bound first (so the address printed is known to be
listening), until Ctrl-C or SIGTERM, which end it quietly."""

from __future__ import annotations

import ipaddress
import signal
import socket
from pathlib import Path
from types import FrameType

import uvicorn

from selfassess.check.runner import collect_garbage_less_often
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
    folder: Path, listening: socket.socket, addresses: list[str], code_dirs: list[Path], secure: bool = False
) -> tuple[Keys, uvicorn.Server]:
    """The workspace for `folder`, ready to run on `listening`, answering at `addresses`."""
    port = int(listening.getsockname()[1])
    keys = Keys.made(addresses, port, secure)
    config = uvicorn.Config(
        make_app(folder, keys, code_dirs),
        log_level="warning",
        access_log=False,
        use_colors=False,  # standard error shows control characters rather than obey them (cli)
        lifespan="off",
        timeout_graceful_shutdown=2,
        server_header=False,
    )
    return keys, uvicorn.Server(config)


class Stopping:
    """Ctrl-C and SIGTERM noted from before the address is printed until the server has stopped.

    uvicorn finishes the requests under way, then hands each signal back to the handler that was
    there before it started: that handler is this one, which only notes it, so nothing is printed
    and no KeyboardInterrupt is raised. A signal that comes before uvicorn is listening for its own
    stops the server the moment it starts.
    """

    def __init__(self) -> None:
        self.received: list[int] = []
        self.server: uvicorn.Server | None = None
        self._before: dict[int, object] = {}

    def _note(self, number: int, frame: FrameType | None) -> None:
        self.received.append(number)
        if self.server is not None:
            self.server.should_exit = True

    def __enter__(self) -> Stopping:
        self._before = {number: signal.signal(number, self._note) for number in _STOPPING}
        return self

    def __exit__(self, *exception: object) -> None:
        for number, handler in self._before.items():
            signal.signal(number, handler)  # type: ignore[arg-type]

    def run(self, server: uvicorn.Server, listening: socket.socket) -> int | None:
        """Serve until stopped; the signal that stopped it (None if it stopped otherwise)."""
        self.server = server
        # A page's live check makes and drops many small objects, as `check` does; the collector's
        # default pace would now and then pause an answer for a tenth of a second.
        collect_garbage_less_often()
        try:
            if not self.received:
                server.run(sockets=[listening])
        finally:
            listening.close()
        return self.received[0] if self.received else None
