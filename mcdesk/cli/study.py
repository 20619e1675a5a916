"""`mcdesk catalog resources|fetch|budget`: where each resource and exemplar file is, bring
files down now (progress on stderr), the storage budget; main thread."""

from __future__ import annotations

import argparse
import time
from typing import Any, TextIO

from mcdesk.cli.codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USER_ERROR
from mcdesk.cli.output import dump_json
from mcdesk.core.study import GIB, FetchReport, FileState, StudyItem
from mcdesk.core.units import human_size
from mcdesk.services.workspace import Workspace


class StderrProgress:
    """A JobControl that writes a progress line to stderr, at most a few times a second."""

    def __init__(self, err: TextIO) -> None:
        self._err = err
        self._last = 0.0

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last < 0.5 and (total is None or done < total):
            return
        self._last = now
        if message.startswith("study file") or total is None or total == 0:
            print(f"mcdesk: {message or human_size(done)}", file=self._err)
        else:
            print(f"mcdesk: {message}: {human_size(done)} of {human_size(total)} "
                  f"({int(100 * done / total)} %)", file=self._err)

    def check_cancelled(self) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


def _where(item: StudyItem) -> dict[str, Any]:
    file = item.file
    entry: dict[str, Any] = {"kind": item.kind, "title": item.title, "url": item.url}
    if file is None:
        entry.update(where="no file", state=None)
        return entry
    entry.update(sha256=file.sha256, size=file.size, media_type=file.media_type,
                 licence=file.licence, state=str(file.state), reason=file.reason or None)
    if file.state is FileState.OFFLINE:
        entry["where"] = "offline"
        entry["path"] = item.path
    elif file.state is FileState.REFUSED:
        entry["where"] = f"refused: {file.reason}"
    elif file.state is FileState.DOWNLOADING:
        entry["where"] = f"downloading ({file.percent} %)"
    else:
        entry["where"] = "online only"
    return entry


def resources(workspace: Workspace, args: argparse.Namespace, out: TextIO,
              err: TextIO) -> int:
    items = workspace.study.items(args.id)
    listed = [_where(item) for item in items]
    if args.json:
        mc = items[0].mc_name if items else workspace.catalog.detail(args.id).micro_credential.name
        dump_json({"micro_credential": mc, "resources": listed}, out)
        return EXIT_OK
    for entry in listed:
        where = entry["path"] if entry.get("path") else entry["where"]
        print(f"{entry['kind']}: {entry['title']}\n    {where}", file=out)
    return EXIT_OK


def fetch(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if (args.id is None) == (args.stack is None):
        print("mcdesk: name a micro-credential (ID) or a stack (--stack S), not both",
              file=err)
        return EXIT_USER_ERROR
    study = workspace.study
    shas = (study.files_of(args.id) if args.id is not None
            else study.files_of_stack(args.stack))
    report = study.fetch(shas, StderrProgress(err), asked=True)
    if args.json:
        dump_json(_report_json(report), out)
    else:
        print(f"{len(report.fetched)} brought down ({human_size(report.bytes_fetched)}), "
              f"{len(report.already)} already offline", file=out)
        for sha256, reason in report.refused:
            print(f"mcdesk: {sha256[:12]}…: refused: {reason}", file=err)
        for sha256, reason in report.left:
            print(f"mcdesk: {sha256[:12]}…: not now: {reason}", file=err)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def budget(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    study = workspace.study
    if args.gb is not None:
        if args.gb < 0:
            print("mcdesk: the storage budget cannot be below zero", file=err)
            return EXIT_USER_ERROR
        study.set_budget(int(args.gb * GIB))
    if args.json:
        dump_json({"budget_bytes": study.budget(), "used_bytes": study.used()}, out)
    else:
        print(f"storage budget for study files: {human_size(study.budget())} "
              f"({human_size(study.used())} used)", file=out)
    return EXIT_OK


def _report_json(report: FetchReport) -> dict[str, Any]:
    return {"ok": report.ok, "fetched": list(report.fetched), "already": list(report.already),
            "refused": [{"sha256": s, "reason": r} for s, r in report.refused],
            "left": [{"sha256": s, "reason": r} for s, r in report.left],
            "bytes_fetched": report.bytes_fetched}
