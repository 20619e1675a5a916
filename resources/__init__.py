"""mcdesk's data files (icons, the demo catalog, JSON Schemas and contexts), installed as the
package `mcdesk.resources` and read with importlib.resources; no code lives here."""
