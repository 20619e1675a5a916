"""Sync: server profiles, the issuer protocol, the tus client, the outbox; worker threads."""
