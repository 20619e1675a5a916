"""resource_path finds the same files importlib.resources does."""

from __future__ import annotations

from importlib import resources

from mcdesk.resource_files import resource_path


def test_resource_path_is_where_importlib_resources_reads() -> None:
    for parts in (("icons", "catalog.svg"), ("i18n",), ("demo_catalog.json",)):
        found = resources.files("mcdesk.resources").joinpath(*parts)
        with resources.as_file(found) as expected:
            assert resource_path(*parts) == expected
            assert resource_path(*parts).exists()
