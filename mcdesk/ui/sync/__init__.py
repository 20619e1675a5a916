"""ui/sync."""
