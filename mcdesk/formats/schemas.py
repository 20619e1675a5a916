"""Loads the published JSON Schemas from mcdesk.resources and validates against them; any thread.

jsonschema is imported when the first validator is built, not with this module."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

EXTENSION_SCHEMA = "mcdesk-achievement-extension.schema.json"
CATALOG_SCHEMA = "mcdesk-catalog.schema.json"


@cache
def _validator(name: str) -> Any:
    import jsonschema

    text = resources.files("mcdesk.resources").joinpath("schemas", name).read_text(encoding="utf-8")
    schema = json.loads(text)
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def schema_errors(name: str, instance: object, *, limit: int = 5) -> list[str]:
    """Readable problems of `instance` against schema `name`, at most `limit`, empty if valid."""
    errors = sorted(_validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))
    messages = []
    for error in errors[:limit]:
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        message = error.message if len(error.message) <= 200 else error.message[:197] + "..."
        messages.append(f"{where}: {message}")
    return messages
