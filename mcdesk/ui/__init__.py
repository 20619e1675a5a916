"""PySide6 widgets over services (through jobs) and core objects; GUI thread only."""
