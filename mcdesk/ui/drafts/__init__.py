"""ui/drafts."""
