"""A third-party tus 1.0 server for mcdesk's tests: tuspyserver's FastAPI router under uvicorn,
as its documentation sets it up. Usage: python tests/peers/tuspy_server.py PORT DIR (listens on
127.0.0.1 only); its own process."""

from __future__ import annotations

import sys

import uvicorn
from fastapi import FastAPI
from tuspyserver import create_tus_router


def main() -> None:
    port = int(sys.argv[1])
    files_dir = sys.argv[2]
    app = FastAPI()
    app.include_router(create_tus_router(prefix="files", files_dir=files_dir))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
