"""Prometheus metrics of the issuer (prometheus-client): requests, upload bytes, finalize
latency, and the queues read from the database when scraped; any thread.

With several issuer processes on one machine, set PROMETHEUS_MULTIPROC_DIR to an empty folder
(emptied at every service start) before they start: each process then writes its counters
there and /metrics on any process answers for all of them (prometheus-client's multiprocess
mode). Without it, /metrics counts the process that answers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import REGISTRY, Collector

REQUESTS = Counter("mcdesk_issuer_requests", "HTTP requests answered",
                   ["method", "route", "status"])
REQUEST_SECONDS = Histogram("mcdesk_issuer_request_seconds", "Time to answer a request",
                            ["method", "route"])
UPLOAD_BYTES = Counter("mcdesk_issuer_upload_bytes", "Bytes received by tus PATCH requests")
FINALIZE_SECONDS = Histogram(
    "mcdesk_issuer_finalize_seconds",
    "Time to check a submission's bag from its stored files and record it received",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0))
ASSEMBLE_SECONDS = Histogram(
    "mcdesk_issuer_assemble_seconds",
    "Time to assemble the zip of a received bag handed to assessors (after finalize)",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0))

CONTENT_TYPE = CONTENT_TYPE_LATEST


class QueueCollector(Collector):
    """The queues, counted in the database at scrape time (so every process agrees)."""

    def __init__(self, count: Callable[[], dict[str, int]]) -> None:
        self.count = count

    def collect(self) -> Iterator[Metric]:
        gauge = GaugeMetricFamily("mcdesk_issuer_queue_depth",
                                  "Work waiting: open uploads, submissions awaiting review "
                                  "and awaiting a decision", labels=["queue"])
        for queue, depth in sorted(self.count().items()):
            gauge.add_metric([queue], depth)
        yield gauge


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


def exposition(count_queues: Callable[[], dict[str, int]]) -> bytes:
    """The text /metrics answers: this process's metrics (or every process's, in
    multiprocess mode) and the queue depths."""
    counted: CollectorRegistry = REGISTRY
    if multiprocess_dir():
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)  # type: ignore[no-untyped-call]
    queues = CollectorRegistry()
    queues.register(QueueCollector(count_queues))
    return bytes(generate_latest(counted)) + bytes(generate_latest(queues))


def process_exited(pid: int) -> None:
    """Drop a finished process's live gauges (multiprocess mode; counters are kept)."""
    if multiprocess_dir():
        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
