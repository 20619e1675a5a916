"""ui/plan: the Plan place (targets, states, hours, the stack goal, reminders); GUI thread."""
