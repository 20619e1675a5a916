"""The Linux bundle as a teacher gets it: built by packaging/build-linux.sh (or taken from dist/
when it is newer than every source), installed with its install.sh into a new home folder, then
run from there: the CLI, the window under a virtual screen with its media workers, a package
built from the demo draft, the desktop-file and AppStream validators, and uninstall.sh."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from mcdesk import __version__
from tests.conftest import REPO

pytestmark = pytest.mark.slow

APP_ID = "org.mcdesk.mcdesk"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
BUILD_TIMEOUT = 1800
RUN_TIMEOUT = 300
#: Sources whose change makes a bundle in dist/ out of date.
SOURCES = ("mcdesk", "resources", "packaging", "pyproject.toml", "setup.py")
REFLECTION_WORDS = ("The exit tickets showed that a third of the class still read a larger "
                    "denominator as a larger fraction, which the lively discussion had hidden "
                    "from me during the lesson itself.")


def newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = REPO / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()
                                                and "__pycache__" not in p.parts]
        newest = max([newest, *(p.stat().st_mtime for p in files)])
    return newest


@pytest.fixture(scope="session")
def tarball() -> Path:
    """The bundle: dist/'s when it is newer than every source, else a fresh build."""
    found = sorted((REPO / "dist").glob(f"mcdesk-{__version__}-linux-*.tar.gz"))
    if found and found[-1].stat().st_mtime > newest_source():
        return found[-1]
    started = time.monotonic()
    build = subprocess.run(["bash", str(REPO / "packaging" / "build-linux.sh")], cwd=REPO,
                           capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    print(f"built the bundle in {time.monotonic() - started:.0f} s")
    found = sorted((REPO / "dist").glob(f"mcdesk-{__version__}-linux-*.tar.gz"))
    assert found, build.stdout[-3000:]
    return found[-1]


@dataclass(frozen=True)
class Install:
    home: Path
    unpacked: Path

    @property
    def data(self) -> Path:
        return self.home / ".local" / "share"

    @property
    def command(self) -> Path:
        return self.home / ".local" / "bin" / "mcdesk"

    def env(self, **extra: str) -> dict[str, str]:
        """A user who has nothing but this home: no venv on PATH, no XDG overrides."""
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("XDG_", "PYTHON", "VIRTUAL_ENV", "QT_"))}
        env["HOME"] = str(self.home)
        env["PATH"] = "/usr/bin:/bin"
        env.update(extra)
        return env

    def run(self, *args: str | Path, timeout: float = RUN_TIMEOUT, **extra: str
            ) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.command), *map(str, args)], cwd=self.home,
                              env=self.env(**extra), capture_output=True, text=True,
                              timeout=timeout, check=False)


def install_into(tarball: Path, home: Path) -> Install:
    home.mkdir(parents=True)
    with tarfile.open(tarball) as archive:
        archive.extractall(home / "Downloads", filter="tar")
    unpacked = next((home / "Downloads").iterdir())
    install = Install(home, unpacked)
    done = subprocess.run(["sh", str(unpacked / "install.sh")], env=install.env(),
                          capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "mcdesk is installed" in done.stdout
    return install


@pytest.fixture(scope="module")
def installed(tarball: Path, tmp_path_factory: pytest.TempPathFactory) -> Install:
    return install_into(tarball, tmp_path_factory.mktemp("teacher") / "home")


@pytest.fixture(scope="module")
def demo_portfolio(installed: Install) -> Iterator[Path]:
    """The window, started from the installed command, opens a new portfolio: the demo
    catalog, and sample evidence made by the frozen app's media worker processes."""
    portfolio = installed.home / "portfolio"
    if shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", str(installed.command)]
        env = installed.env()
    else:
        command = [str(installed.command)]
        env = installed.env(QT_QPA_PLATFORM="offscreen")
    opened = subprocess.run([*command, "--portfolio", str(portfolio), "--smoke-test"],
                            cwd=installed.home, env=env, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT, check=False)
    assert opened.returncode == 0, opened.stdout + opened.stderr
    assert "mcdesk smoke test: portfolio" in opened.stdout
    assert "sample files added" in opened.stdout
    yield portfolio


def test_install_puts_the_app_the_command_the_menu_entry_and_icons_in_the_users_folders(
        installed: Install) -> None:
    app = installed.data / "mcdesk" / "app" / "mcdesk"
    assert app.is_file() and os.access(app, os.X_OK)
    assert installed.command.resolve() == app.resolve()
    assert (installed.data / "applications" / f"{APP_ID}.desktop").is_file()
    assert (installed.data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icons = installed.data / "icons" / "hicolor"
    for size in ICON_SIZES:
        png = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert not image.isNull(), f"{png} is not a PNG image"
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size * 26 // 64).alpha() == 255  # drawn, not empty
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == (
        REPO / "resources" / "icons" / "mcdesk.svg").read_bytes()
    # The bundle is the desktop app only: the reference issuer and its web stack stay out.
    internal = app.parent / "_internal"
    assert not list(internal.glob("mcdesk_issuer*")) and not list(internal.glob("fastapi*"))
    # The translations travel with it: mcdesk's own and Qt's for its standard dialogs.
    for code in ("en", "es"):
        assert (internal / "mcdesk" / "resources" / "i18n" / f"mcdesk_{code}.qm").is_file()
    assert list(internal.rglob("qtbase_es.qm"))


def test_the_desktop_file_passes_desktop_file_validate(installed: Install) -> None:
    desktop = installed.data / "applications" / f"{APP_ID}.desktop"
    checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                             text=True, check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr
    entry = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entry["Exec"] == str(installed.command)
    assert entry["Icon"] == APP_ID


def test_the_metainfo_passes_appstreamcli_validate(installed: Install) -> None:
    metainfo = installed.data / "metainfo" / f"{APP_ID}.metainfo.xml"
    checked = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic",
                              str(metainfo)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f'<release version="{__version__}"' in metainfo.read_text()


def test_the_installed_command_says_its_version(installed: Install) -> None:
    answered = installed.run("--version")
    assert answered.returncode == 0, answered.stderr
    assert answered.stdout.strip() == f"mcdesk {__version__}"


def test_check_runs_from_the_bundle(installed: Install) -> None:
    checked = installed.run("--portfolio", installed.home / "T", "check", "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report, checked.stdout


def test_the_window_opens_the_demo_portfolio_with_sample_evidence_from_the_media_workers(
        installed: Install, demo_portfolio: Path) -> None:
    listed = installed.run("--portfolio", demo_portfolio, "evidence", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    evidence = json.loads(listed.stdout)["evidence"]
    assert sorted({item["kind"] for item in evidence}) == ["document", "image", "text", "video"]
    # Read by the media workers: the video's length, the PDF's pages, the photos' locations.
    by_title = {item["title"]: item["media"] for item in evidence}
    assert by_title["Fractions lesson - exit tickets"]["duration_s"] == pytest.approx(8, abs=1)
    assert by_title["Lesson plan - comparing fractions"]["pages"] == 1
    assert by_title["Student work sample 1"]["gps"] is not None


def test_the_frozen_cli_builds_a_package_from_the_demo_draft(
        installed: Install, demo_portfolio: Path) -> None:
    drafts = cli_json(installed, demo_portfolio, "draft", "list")["drafts"]
    assert len(drafts) == 1, drafts
    draft_id = drafts[0]["id"]
    make_draft_ready(installed, demo_portfolio, draft_id)
    package = installed.home / "exit-tickets.zip"
    built = installed.run("--portfolio", demo_portfolio, "package", "build", draft_id,
                          "-o", package, "--json")
    assert built.returncode == 0, built.stdout + built.stderr
    assert json.loads(built.stdout)["built"] is True
    verified = installed.run("--portfolio", demo_portfolio, "package", "verify", package)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def cli_json(installed: Install, portfolio: Path, *args: str | Path) -> Any:
    done = installed.run("--portfolio", portfolio, *args, "--json")
    assert done.returncode == 0, f"mcdesk {' '.join(map(str, args))}: {done.stdout}{done.stderr}"
    return json.loads(done.stdout)


def make_draft_ready(installed: Install, portfolio: Path, draft_id: str) -> None:
    """What the demo leaves for the teacher to do, done with the frozen CLI: a recording long
    enough (probed in a media worker), the photos' locations removed (in a media worker) and
    the copies attached in their place, a longer reflection."""
    shown = cli_json(installed, portfolio, "draft", "show", draft_id)
    attached = {criterion["id"]: [a["evidence_id"] for a in criterion.get("attachments", [])]
                for part in shown["parts"] for criterion in part["criteria"]}

    video = installed.home / "Whole lesson.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=size=160x120:rate=4", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=8000", "-t", "301", "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                    str(video)], check=True, timeout=RUN_TIMEOUT)
    added = cli_json(installed, portfolio, "evidence", "add", video)["results"][0]["evidence"]
    assert added["media"]["duration_s"] == pytest.approx(301, abs=1)
    cli_json(installed, portfolio, "evidence", "consent", added["id"], "given")
    for old in attached["p2-video"]:
        cli_json(installed, portfolio, "draft", "detach", draft_id, "p2-video", old)
    cli_json(installed, portfolio, "draft", "attach", draft_id, "p2-video", added["id"])

    library = {e["id"]: e for e in cli_json(installed, portfolio, "evidence", "list")["evidence"]}
    located = [i for i in attached["p2-samples"] if library[i]["media"]["gps"] is not None]
    assert located, "the demo photos should carry a location"
    for old in located:
        copy = cli_json(installed, portfolio, "evidence", "strip-location", old)["evidence"]
        assert copy["media"]["gps"] is None
        cli_json(installed, portfolio, "draft", "detach", draft_id, "p2-samples", old)
        cli_json(installed, portfolio, "draft", "attach", draft_id, "p2-samples", copy["id"])

    reflection = installed.home / "reflection.txt"
    reflection.write_text(" ".join([REFLECTION_WORDS] * 8), encoding="utf-8")
    cli_json(installed, portfolio, "draft", "write", draft_id, "p3-impact", "--file",
             reflection)
    check = installed.run("--portfolio", portfolio, "draft", "check", draft_id)
    assert check.returncode == 0, check.stdout + check.stderr


def test_uninstall_removes_the_app_and_keeps_the_portfolio(
        tarball: Path, tmp_path: Path) -> None:
    install = install_into(tarball, tmp_path / "home")
    portfolio = install.data / "mcdesk" / "portfolio"
    portfolio.mkdir(parents=True)
    (portfolio / "keep-me.txt").write_text("a teacher's work")
    uninstall = install.data / "mcdesk" / "uninstall.sh"
    done = subprocess.run(["sh", str(uninstall)], env=install.env(), capture_output=True,
                          text=True, timeout=RUN_TIMEOUT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not install.command.exists() and not install.command.is_symlink()
    assert not (install.data / "mcdesk" / "app").exists()
    assert not (install.data / "applications" / f"{APP_ID}.desktop").exists()
    assert not (install.data / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert not list((install.data / "icons").rglob(f"{APP_ID}.*"))
    assert (portfolio / "keep-me.txt").read_text() == "a teacher's work"


def test_the_bundle_benchmark_measures_size_and_start_up(tarball: Path) -> None:
    from benchmarks import bundle

    result = bundle.run(rounds=1, progress=False)
    assert result is not None and result.tarball == tarball
    assert result.installed_bytes > result.packed_bytes > 0
    assert len(result.frozen) == len(result.installed) == 1
    names = [figure.name for figure in bundle.figures(result)]
    assert names == ["bundle size", "bundle start-up (window)", "bundle start-up (--version)"]


def test_the_bundle_carries_the_user_guide_and_its_screenshots(tarball: Path) -> None:
    """Help → User guide works from the bundle: its pages and the screenshots build-linux.sh
    made from the app are in it."""
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
    guide = "/app/_internal/mcdesk/resources/guide/"
    pages = {name.rsplit("/", 1)[-1] for name in names if guide in name
             and name.endswith(".html")}
    assert pages == {"index.html", "teacher.html", "coach.html", "assessor.html",
                     "staff.html"}, pages
    spanish = {name.rsplit("/", 1)[-1] for name in names if f"{guide}es/" in name
               and name.endswith(".html")}
    assert spanish == pages, spanish
    shots = {name.rsplit("/", 1)[-1] for name in names
             if f"{guide}screens/" in name and name.endswith(".png")}
    assert {"teacher-drafts.png", "assessor-reviews.png", "coach-observe.png"} <= shots
    spanish_shots = {name.rsplit("/", 1)[-1] for name in names
                     if f"{guide}screens/es/" in name and name.endswith(".png")}
    assert {"teacher-drafts.png", "assessor-reviews.png", "coach-observe.png"} <= spanish_shots
