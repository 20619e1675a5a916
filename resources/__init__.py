"""mcdesk's data files (icons, the demo catalog, JSON Schemas and contexts), installed as the
package `mcdesk.resources` and read with importlib.resources (or, on the window's start path,
mcdesk.resource_files); no code lives here."""
