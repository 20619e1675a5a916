"""A tiny fault-injecting TCP proxy on 127.0.0.1 for the sync tests: forwards to a server on
loopback and, when asked, cuts a connection after N bytes, stalls it, throttles it, or answers
a new connection with an HTTP error of its own (e.g. 503 with Retry-After). Everything is
bounded in time; test thread plus its own daemon threads."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from types import TracebackType

BUFFER = 64 * 1024
SOCKET_TIMEOUT = 30.0
MAX_STALL = 20.0
MAX_DISCARD = 64 * 1024 * 1024


def _abort(sock: socket.socket) -> None:
    """Close at once (SO_LINGER 0: a reset), the way a dropped link looks to the other end.
    shutdown() first: it wakes a thread blocked reading the socket, without which Linux keeps
    the connection open until that read returns."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class FaultProxy:
    """Use as a context manager; `url` is the proxy's base URL."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self._target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._cut_at: int | None = None
        self._cut_every: int | None = None
        self._stall_every: tuple[int, float] | None = None
        self._stall: tuple[int, float] | None = None
        self._injected: list[bytes] = []
        self._rate: float | None = None
        self._sockets: set[socket.socket] = set()
        self.upstream_bytes = 0  # client -> server, every connection
        self.downstream_bytes = 0  # server -> client, every connection
        self._cut_down_at: int | None = None
        self.connections = 0
        self.cuts = 0
        self._thread = threading.Thread(target=self._serve, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _abort(sock)
        self._thread.join(5)
        self._listener.close()

    # -- faults ----------------------------------------------------------------------------

    def cut_after(self, count: int) -> None:
        """Reset the connection carrying the upstream byte `count` bytes from now."""
        with self._lock:
            self._cut_at = self.upstream_bytes + count

    def cut_every(self, count: int | None) -> None:
        """Reset the connection every `count` upstream bytes from now on (None: stop), as a
        school hotspot that drops every few megabytes."""
        with self._lock:
            self._cut_every = count
            self._cut_at = None if count is None else self.upstream_bytes + count

    def cut_download_after(self, count: int) -> None:
        """Reset the connection carrying the downstream byte `count` bytes from now (a
        download dropped half way)."""
        with self._lock:
            self._cut_down_at = self.downstream_bytes + count

    def stall_every(self, count: int | None, seconds: float = 0.0) -> None:
        """Stop forwarding for `seconds` every `count` upstream bytes from now on."""
        with self._lock:
            self._stall_every = None if count is None else (count, min(seconds, MAX_STALL))
            self._stall = None if count is None else (self.upstream_bytes + count,
                                                      min(seconds, MAX_STALL))

    def stall_after(self, count: int, seconds: float) -> None:
        """Stop forwarding for `seconds` (at most MAX_STALL) `count` upstream bytes from now."""
        with self._lock:
            self._stall = (self.upstream_bytes + count, min(seconds, MAX_STALL))

    def inject(self, status: int, reason: str, headers: dict[str, str] | None = None,
               body: bytes = b"", times: int = 1) -> None:
        """Answer the next `times` new connections with this response, not the server's."""
        lines = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}",
                 "Connection: close", *(f"{k}: {v}" for k, v in (headers or {}).items())]
        response = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        with self._lock:
            self._injected += [response] * times

    def heal(self) -> None:
        """The link is good again: no more injected answers, cuts or stalls."""
        with self._lock:
            self._injected.clear()
            self._cut_at = self._cut_every = None
            self._stall = self._stall_every = None

    def throttle(self, bytes_per_second: float | None) -> None:
        """Limit the upstream rate (None: as fast as it goes)."""
        with self._lock:
            self._rate = bytes_per_second

    def wait_idle(self, timeout: float = 15.0) -> bool:
        """Wait until no connection is open (e.g. a stalled one was let go); True if so."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._sockets:
                    return True
            time.sleep(0.05)
        return False

    def drop_connections(self) -> None:
        """Reset every open connection now."""
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _abort(sock)

    # -- plumbing --------------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(SOCKET_TIMEOUT)
            with self._lock:
                self.connections += 1
                injected = self._injected.pop(0) if self._injected else None
                self._sockets.add(client)
            if injected is not None:
                threading.Thread(target=self._answer, args=(client, injected),
                                 daemon=True).start()
                continue
            try:
                upstream = socket.create_connection(self._target, timeout=SOCKET_TIMEOUT)
            except OSError:
                _abort(client)
                continue
            with self._lock:
                self._sockets.add(upstream)
            done = threading.Barrier(2, action=lambda c=client, u=upstream: self._close(c, u))
            threading.Thread(target=self._pump_up, args=(client, upstream, done),
                             daemon=True).start()
            threading.Thread(target=self._pump_down, args=(upstream, client, done),
                             daemon=True).start()

    def _answer(self, client: socket.socket, response: bytes) -> None:
        """Read one request (head and declared body, bounded), answer it, close."""
        try:
            data = b""
            deadline = time.monotonic() + SOCKET_TIMEOUT
            while b"\r\n\r\n" not in data and time.monotonic() < deadline:
                chunk = client.recv(BUFFER)
                if not chunk:
                    break
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = min(int(value.strip() or b"0"), MAX_DISCARD)
            left = length - len(rest)
            while left > 0 and time.monotonic() < deadline:
                chunk = client.recv(min(BUFFER, left))
                if not chunk:
                    break
                left -= len(chunk)
            client.sendall(response)
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        finally:
            self._forget(client)
            with contextlib.suppress(OSError):
                client.close()

    def _forget(self, *sockets: socket.socket) -> None:
        with self._lock:
            for sock in sockets:
                self._sockets.discard(sock)

    def _close(self, *sockets: socket.socket) -> None:
        self._forget(*sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.close()

    @staticmethod
    def _finished(done: threading.Barrier) -> None:
        with contextlib.suppress(threading.BrokenBarrierError):
            done.wait(SOCKET_TIMEOUT)

    def _pump_up(self, client: socket.socket, upstream: socket.socket,
                 done: threading.Barrier) -> None:
        try:
            while not self._stop.is_set():
                with self._lock:
                    rate = self._rate
                chunk = client.recv(BUFFER if rate is None else min(BUFFER, 16 * 1024))
                if not chunk:
                    with contextlib.suppress(OSError):
                        upstream.shutdown(socket.SHUT_WR)
                    return
                cut = False
                stall = 0.0
                with self._lock:
                    start = self.upstream_bytes
                    end = start + len(chunk)
                    if self._cut_at is not None and end >= self._cut_at:
                        chunk = chunk[:max(0, self._cut_at - start)]
                        self._cut_at = (None if self._cut_every is None
                                        else start + len(chunk) + self._cut_every)
                        cut = True
                    elif self._stall is not None and end >= self._stall[0]:
                        stall = self._stall[1]
                        self._stall = (None if self._stall_every is None
                                       else (end + self._stall_every[0], self._stall_every[1]))
                    self.upstream_bytes += len(chunk)
                if chunk:
                    upstream.sendall(chunk)
                if cut:
                    with self._lock:
                        self.cuts += 1
                    time.sleep(0.05)  # let the server take the bytes it got
                    _abort(client)
                    _abort(upstream)
                    return
                if stall:
                    self._stop.wait(stall)
                if rate:
                    self._stop.wait(len(chunk) / rate)
        except OSError:
            _abort(client)
            _abort(upstream)
        finally:
            self._finished(done)

    def _pump_down(self, upstream: socket.socket, client: socket.socket,
                   done: threading.Barrier) -> None:
        try:
            while not self._stop.is_set():
                chunk = upstream.recv(BUFFER)
                if not chunk:
                    with contextlib.suppress(OSError):
                        client.shutdown(socket.SHUT_WR)
                    return
                with self._lock:
                    start = self.downstream_bytes
                    cut = (self._cut_down_at is not None
                           and start + len(chunk) >= self._cut_down_at)
                    if cut and self._cut_down_at is not None:
                        chunk = chunk[:max(0, self._cut_down_at - start)]
                        self._cut_down_at = None
                    self.downstream_bytes += len(chunk)
                if chunk:
                    client.sendall(chunk)
                if cut:
                    with self._lock:
                        self.cuts += 1
                    time.sleep(0.05)
                    _abort(client)
                    _abort(upstream)
                    return
        except OSError:
            _abort(client)
            _abort(upstream)
        finally:
            self._finished(done)
