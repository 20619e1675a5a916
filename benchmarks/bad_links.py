"""Uploads on the links teachers have: mcdesk's tus client sends the same file to the reference
issuer through a loopback proxy on a clean (throttled) link, on one that cuts every connection
after a few megabytes, and on one that stalls every few megabytes; the figures are the faulty
links' times against the clean one's, measured side by side. Main thread; the uploads run in
child processes (their own interpreter, as the app's sync lane would be)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.stats import Figure
from benchmarks.upload import (
    UPLOAD_CHILD,
    UPLOADS,
    begin,
    child_env,
    finish,
    issuer,
    upload_spec,
    write_random_file,
)

GOAL_RATIO = 1.5  # a faulty link's time / the clean link's
MB = 1024 * 1024


@dataclass(frozen=True)
class Link:
    name: str
    cut_every: int | None = None
    stall_every: int | None = None
    stall_seconds: float = 0.0


@dataclass
class LinkResult:
    size: int
    rate: float
    cut: int
    stall: int
    times: dict[str, list[float]] = field(default_factory=dict)
    cuts: dict[str, int] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])


def links(size: int, *, cut: int = 2 * MB, stall: int = 5 * MB) -> list[Link]:
    """A clean link, one cut every `cut` bytes, one stalling 1 s every `stall` bytes (the
    same distances whatever the file's size: a hotspot does not know how big the file is)."""
    return [Link("clean"), Link(f"cut every {cut / MB:g} MB", cut_every=cut),
            Link(f"stall 1 s every {stall / MB:g} MB", stall_every=stall, stall_seconds=1.0)]


def measure(work: Path, *, rounds: int, size_bytes: int, rate: float,
            slice_size: int = 8 * MB, cut: int = 2 * MB, stall: int = 5 * MB) -> LinkResult:
    from tests.fault_proxy import FaultProxy

    result = LinkResult(size_bytes, rate, cut, stall)
    file = work / "lesson.bin"
    sha = write_random_file(file, size_bytes)
    with issuer(work) as (base, token, _server):
        port = urlsplit(base).port
        assert port is not None
        for index in range(rounds):
            order = links(size_bytes, cut=cut, stall=stall)
            for link in order[index % 3:] + order[:index % 3]:  # taking turns at going first
                target = begin(base, token, file, size_bytes, sha)
                with FaultProxy(port) as proxy:
                    proxy.throttle(rate)
                    if link.cut_every:
                        proxy.cut_every(link.cut_every)
                    if link.stall_every:
                        proxy.stall_every(link.stall_every, link.stall_seconds)
                    endpoint = proxy.url + UPLOADS
                    process = subprocess.Popen(
                        [sys.executable, "-c", UPLOAD_CHILD,
                         upload_spec(target, endpoint, slice_size)],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                        env=child_env(token))
                    answer = finish(process, f"the upload on a {link.name} link")
                    result.times.setdefault(link.name, []).append(float(answer["seconds"]))
                    result.cuts[link.name] = result.cuts.get(link.name, 0) + proxy.cuts
    return result


def figures(result: LinkResult) -> list[Figure]:
    clean = result.median("clean")
    made = []
    for link in links(result.size, cut=result.cut, stall=result.stall)[1:]:
        ratio = result.median(link.name) / clean
        made.append(Figure(
            f"upload {result.size // MB} MB, {link.name}", f"{result.median(link.name):.1f} s",
            f"clean link {clean:.1f} s", ratio, f"≤ {GOAL_RATIO}×", ratio <= GOAL_RATIO,
            f"{result.rate / MB:g} MB/s link"))
    return made


def details(result: LinkResult) -> str:
    lines = [f"Bad links: {result.size // MB} MB through a loopback proxy at "
             f"{result.rate / MB:g} MB/s"]
    for name, times in result.times.items():
        cuts = result.cuts.get(name, 0)
        lines.append(f"  {name}: " + ", ".join(f"{t:.1f} s" for t in times)
                     + (f" ({cuts} connections cut)" if cuts else ""))
    return "\n".join(lines)


def run(*, rounds: int, quick: bool) -> tuple[list[Figure], list[str]]:
    with tempfile.TemporaryDirectory(prefix="mcdesk-links-bench-") as temp:
        result = measure(Path(temp), rounds=rounds, size_bytes=(16 if quick else 64) * MB,
                         rate=2 * MB)
    return figures(result), [details(result)]
