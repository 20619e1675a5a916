"""ui/badges: the Badges place (earned credentials, stacks, recognition); GUI thread."""
