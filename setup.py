"""Which packages the mcdesk distribution installs (the rest of the metadata is in
pyproject.toml): everything under mcdesk/, and resources/ as mcdesk.resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["mcdesk", "mcdesk.*"]), "mcdesk.resources"],
    package_dir={"mcdesk.resources": "resources"},
)
