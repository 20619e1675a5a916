"""CatalogService.current_definition: the current version parsed once, parsed again when the
catalog brings a changed definition (the Badges list reads it for every credential)."""

from __future__ import annotations

import json
from pathlib import Path

from mcdesk.services.workspace import Workspace
from tests.conftest import DEMO_CATALOG

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"


def test_current_definition_is_kept_until_the_catalog_changes(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        catalog = workspace.catalog
        catalog.import_file(DEMO_CATALOG)
        first = catalog.current_definition(EXIT_TICKETS)
        assert first == catalog.detail(EXIT_TICKETS).micro_credential
        assert catalog.current_definition(EXIT_TICKETS) is first  # parsed once

        document = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
        for achievement in document["achievements"]:
            if achievement["id"] == EXIT_TICKETS:
                achievement["version"] = "9.9"
                achievement["mcdeskMicroCredential"]["competency"] = "A changed competency."
        changed = tmp_path / "changed.json"
        changed.write_text(json.dumps(document), encoding="utf-8")
        catalog.import_file(changed)

        again = catalog.current_definition(EXIT_TICKETS)
        assert again.competency == "A changed competency."
        assert again == catalog.detail(EXIT_TICKETS).micro_credential
    finally:
        workspace.close()
