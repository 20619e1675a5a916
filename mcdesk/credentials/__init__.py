"""Open Badges: reading achievements and credentials, baking, offline verification; any thread."""
