"""ui/decide: the Decide place (issuer staff: submissions waiting, reviews side by side, the
decision and the earner's feedback); GUI thread."""
