"""ui/annotation."""
