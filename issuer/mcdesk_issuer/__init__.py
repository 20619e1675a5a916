"""mcdesk-issuer: the reference issuing server of the mcdesk issuer protocol (FastAPI on
uvicorn, SQLAlchemy, a blob store on disk, Ed25519-signed Open Badges 3.0 credentials)."""

from __future__ import annotations

__version__ = "1.0.0"
#: The protocol version this server speaks (docs/issuer-protocol.md).
PROTOCOL_VERSION = "1.0"
