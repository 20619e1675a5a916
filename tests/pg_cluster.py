"""A throwaway PostgreSQL cluster from Debian's `postgresql` package: initdb in a temporary
folder, pg_ctl on a unix socket there and a free port (no TCP listener), a fresh database per
caller, everything removed at the end. Run as the current user, or as `postgres` when that is
root (PostgreSQL refuses to run as root); test thread or a benchmark's main thread."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

STARTUP_TIMEOUT_S = 60


class PostgresUnavailableError(RuntimeError):
    """PostgreSQL cannot be started here (not installed, or it failed): a test needing it
    fails with this message, it is never skipped."""


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not found:
        raise PostgresUnavailableError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/"
                                  "initdb): install Debian's 'postgresql' (scripts/setup.sh "
                                  "does)")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class PgCluster:
    """One cluster; `url()` makes a new empty database and gives its SQLAlchemy URL."""

    def __init__(self, max_connections: int = 300) -> None:
        self.bin = _bin_dir()
        self.user = "mcdesk"
        # Short and in /tmp: a unix socket path is limited to ~100 bytes.
        self.root = Path(tempfile.mkdtemp(prefix="mcdesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.max_connections = max_connections
        self._run_as: dict[str, Any] = {}
        self._names = itertools.count(1)
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailableError("running as root needs the 'postgres' user (made "
                                          "by Debian's postgresql package)") from None
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._run_as = {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}
        self.started = False

    def _run(self, *command: str) -> None:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              timeout=STARTUP_TIMEOUT_S, cwd=self.root, **self._run_as)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailableError(f"{Path(command[0]).name} failed ({done.returncode}): "
                                      f"{done.stderr.strip()[-2000:]}\n{tail}")

    def start(self) -> PgCluster:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", self.user,
                  "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        # Durability is not the point of a test cluster: no fsync makes it several times
        # faster on a shared machine.
        options = (f"-k {self.root} -p {self.port} -c listen_addresses='' "
                   f"-c max_connections={self.max_connections} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.root / "server.log"), "-o", options, "-w", "-t",
                  str(STARTUP_TIMEOUT_S), "start")
        self.started = True
        return self

    def url(self, name: str | None = None) -> str:
        """A new, empty database: its psycopg (v3) SQLAlchemy URL over the unix socket."""
        import psycopg

        database = name or f"issuer_{next(self._names)}"
        with psycopg.connect(self._dsn("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{database}"')
        return (f"postgresql+psycopg://{self.user}@/{database}"
                f"?host={self.root}&port={self.port}")

    def _dsn(self, database: str) -> str:
        return f"host={self.root} port={self.port} user={self.user} dbname={database}"

    def stop(self) -> None:
        if self.started:
            subprocess.run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                            "-w", "stop"], capture_output=True, check=False, timeout=60,
                           cwd=self.root, **self._run_as)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)
