"""ui/catalog."""
