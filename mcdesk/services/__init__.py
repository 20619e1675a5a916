"""Use cases over the portfolio, shared by the CLI, the UI (through jobs) and tests; worker
threads."""
