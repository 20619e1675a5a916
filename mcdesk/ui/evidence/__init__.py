"""ui/evidence."""
