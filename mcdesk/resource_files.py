"""Where mcdesk's packaged resources (icons, translations) are on disk; any thread."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A file or folder among mcdesk's resources. They are a real folder however mcdesk is
    installed (a wheel, an editable install, the frozen bundle); importlib.resources, which
    also reads them from zips, brought tempfile, zipfile and shutil into the window's start."""
    package_file = import_module("mcdesk.resources").__file__
    if package_file is None:
        raise RuntimeError("mcdesk's resources are not installed as a folder")
    return Path(package_file).parent.joinpath(*parts)
