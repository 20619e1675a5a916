"""ui/reviews."""
