"""Plain data and rules of mcdesk: no Qt, no SQL, no network, no media libraries. Any thread."""
