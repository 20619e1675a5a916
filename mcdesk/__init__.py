"""mcdesk: an offline desktop application for educator micro-credentials."""

__version__ = "0.1.0"
