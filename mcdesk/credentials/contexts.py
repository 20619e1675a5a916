"""The pinned JSON-LD contexts shipped with mcdesk (resources/contexts, see docs/contexts.md) and
a pyld document loader that serves only them, never the network; any thread."""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from typing import Any

from mcdesk.credentials.errors import CredentialError


class UnpinnedContextError(CredentialError):
    """A context that is not in the pinned set; verifying it would need the network."""

    def __init__(self, url: str) -> None:
        super().__init__(f"the JSON-LD context {url} is not among the contexts shipped with "
                         "mcdesk")
        self.url = url


@functools.cache
def pinned_index() -> dict[str, dict[str, str]]:
    """URL -> {"file", "sha256", "package"} from resources/contexts/index.json."""
    text = resources.files("mcdesk.resources").joinpath("contexts/index.json").read_text("utf-8")
    index: dict[str, dict[str, str]] = json.loads(text)
    return index


@functools.cache
def _pinned_document(url: str) -> str:
    entry = pinned_index().get(url)
    if entry is None:
        raise UnpinnedContextError(url)
    data = resources.files("mcdesk.resources").joinpath("contexts", entry["file"]).read_bytes()
    # A file changed after it was pinned is refused rather than trusted.
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise CredentialError(f"the shipped copy of the context {url} does not match its "
                              "recorded hash; reinstall mcdesk")
    return data.decode("utf-8")


def load_context(url: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(_pinned_document(url))
    return document


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld's documentLoader: the pinned copy of `url`, or UnpinnedContextError."""
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": load_context(url)}
