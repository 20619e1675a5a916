"""Study files the catalog names (resource files, exemplar media): stored by sha256 in the
data folder's resources/ (apart from submitted evidence, which is never served to others),
imported from a folder beside the catalog, and the catalog as served, each file's href
pointing here and a file this server lacks marked with the reason; worker threads."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcdesk_issuer.files import CHUNK, fsync_dir, is_sha256

EXTENSION_KEY = "mcdeskMicroCredential"
RESOURCES_PATH = "resources"
MISSING = "this server does not hold the file"


@dataclass(frozen=True)
class ServedFile:
    sha256: str
    size: int
    media_type: str
    path: Path


def file_objects(catalog: Any) -> Iterator[dict[str, Any]]:
    """Every `file` object of a parsed catalog: resources' and exemplars'."""
    if not isinstance(catalog, dict):
        return
    for achievement in catalog.get("achievements", []):
        extension = achievement.get(EXTENSION_KEY) if isinstance(achievement, dict) else None
        if not isinstance(extension, dict):
            continue
        for key in ("researchAndResources", "exemplars"):
            for entry in extension.get(key, []) or []:
                if isinstance(entry, dict) and isinstance(entry.get("file"), dict):
                    yield entry["file"]


class ResourceStore:
    """resources/ab/ab12…: the bytes of the files the catalog names."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path(sha256).is_file()

    def add(self, source: Path, sha256: str, size: int) -> str | None:
        """Copy `source` in if its bytes are `sha256` and `size`; else the problem."""
        if not source.is_file():
            return f"{source}: no such file"
        if source.stat().st_size != size:
            return f"{source}: {source.stat().st_size} bytes, the catalog says {size}"
        digest = hashlib.sha256()
        with open(source, "rb") as reader:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            return f"{source}: its sha256 is {digest.hexdigest()}, the catalog says {sha256}"
        target = self.path(sha256)
        if target.is_file():
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(target.name + ".part")
        shutil.copyfile(source, scratch)
        os.replace(scratch, target)
        fsync_dir(target.parent)
        return None

    def import_beside(self, catalog_text: str, folder: Path) -> list[str]:
        """Copy in every file the catalog names whose href is a path relative to `folder`
        (never outside it); returns the problems (missing or wrong files)."""
        problems: list[str] = []
        base = folder.resolve()
        for file in file_objects(json.loads(catalog_text)):
            href, sha256 = str(file.get("href", "")), str(file.get("sha256", "")).lower()
            if "://" in href or not is_sha256(sha256) or self.has(sha256):
                continue
            source = (base / href).resolve()
            if not source.is_relative_to(base):
                problems.append(f"{href}: outside the catalog's folder; not read")
                continue
            problem = self.add(source, sha256, int(file.get("size", -1)))
            if problem:
                problems.append(problem)
        return problems

    def served(self, catalog_text: str) -> tuple[str, str]:
        """The catalog as this server serves it, and its ETag value: each file's href
        points at resources/<sha256> here, a file it lacks says so (`unavailable`), and a
        `resourceFiles` list sums it up."""
        catalog = json.loads(catalog_text)
        listed: dict[str, dict[str, Any]] = {}
        for file in file_objects(catalog):
            sha256 = str(file.get("sha256", "")).lower()
            if "://" in str(file.get("href", "")) and not self.has(sha256):
                continue  # a file kept elsewhere on the web: left as the catalog gives it
            file["href"] = f"{RESOURCES_PATH}/{sha256}"
            entry = {"sha256": sha256, "href": file["href"], "size": file.get("size")}
            if self.has(sha256):
                file.pop("unavailable", None)
            else:
                file["unavailable"] = MISSING
                entry["unavailable"] = MISSING
            listed[sha256] = entry
        if listed and isinstance(catalog, dict):
            catalog["resourceFiles"] = list(listed.values())
        text = json.dumps(catalog, ensure_ascii=False, indent=1)
        return text, hashlib.sha256(text.encode("utf-8")).hexdigest()

    def named(self, catalog_text: str, sha256: str) -> ServedFile | None:
        """The file `sha256` if the served catalog names it and it is here (nothing else in
        the data folder is ever served this way)."""
        if not self.has(sha256):
            return None
        for file in file_objects(json.loads(catalog_text)):
            if str(file.get("sha256", "")).lower() == sha256:
                path = self.path(sha256)
                return ServedFile(sha256, path.stat().st_size,
                                  str(file.get("mediaType") or "application/octet-stream"),
                                  path)
        return None
