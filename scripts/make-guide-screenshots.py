"""Makes the user guide's screenshots (resources/guide/screens/*.png) from the real app: a demo
portfolio in a temporary folder (the demo catalog, sample evidence, the demo draft, the sample
submission to review, one earned badge), the main window at 1366x768, each place of each role.
Run by scripts/setup.sh (again only when the app's sources changed) and
packaging/build-linux.sh; by hand:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make-guide-screenshots.py [--out DIR]

With MCDESK_LANG=es the window speaks Spanish and the screenshots go to
resources/guide/screens/es (the Spanish guide's, resources/guide/es).
Nothing outside the temporary folder is touched (the window's settings go there too)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "resources" / "guide"
SIZE = (1366, 768)
WAIT_S = 60.0

#: (file name, role, place); the guide's pages refer to these names.
SHOTS = (
    ("teacher-catalog.png", "earner", "catalog"),
    ("teacher-evidence.png", "earner", "evidence"),
    ("teacher-drafts.png", "earner", "drafts"),
    ("teacher-sync.png", "earner", "sync"),
    ("teacher-badges.png", "earner", "badges"),
    ("coach-observe.png", "coach", "observe"),
    ("coach-coaching.png", "coach", "coaching"),
    ("assessor-reviews.png", "assessor", "reviews"),
)


def private_folders(base: Path) -> None:
    """Settings, logs and caches of this run stay in `base` (set before mcdesk is imported)."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(base / name.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def demo_portfolio(root: Path) -> None:
    from mcdesk.core.reviews import Role
    from mcdesk.services.demo import seed_demo_content
    from mcdesk.services.demo_review import open_sample_review
    from mcdesk.services.workspace import Workspace

    workspace = Workspace.open(root, seed_demo=True)
    try:
        seed_demo_content(workspace)
        open_sample_review(workspace)
        badge = demo_badge(root.parent)
        if badge is not None:
            workspace.badges.import_file(badge)
        workspace.roles.switch(Role.EARNER)
    finally:
        workspace.close()


def demo_badge(folder: Path) -> Path | None:
    """A credential for the exit-tickets micro-credential signed by the reference issuer's
    code, when it is installed (it is in a development set-up); else no badge is shown."""
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from mcdesk_issuer.credentials import award
        from mcdesk_issuer.keys import IssuerKey
    except ImportError:
        return None
    import json

    catalog = json.loads((ROOT / "resources" / "demo_catalog.json").read_text("utf-8"))
    wanted = "https://demo.mcdesk.org/achievements/exit-tickets"
    achievement = next(a for a in catalog["achievements"] if a["id"] == wanted)
    awarded = award(key=IssuerKey(Ed25519PrivateKey.generate()),
                    issuer_name="Riverbend Teaching Academy",
                    credential_id="urn:uuid:00000000-0000-4000-8000-000000000001",
                    earner_id="11111111-2222-4333-8444-555555555555",
                    earner_name="Sample Teacher", achievement=achievement,
                    valid_from=datetime(2026, 5, 4, tzinfo=UTC), results=(), evidence=())
    path = folder / "earned-badge.jwt"
    path.write_text(awarded.jws, "utf-8")
    return path


def wait_until(app: object, condition: object, timeout: float = WAIT_S) -> bool:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def settle(window: object) -> None:
    from PySide6.QtCore import QCoreApplication

    wait_until(None, lambda: not window.runner.active())  # type: ignore[attr-defined]
    end = time.monotonic() + 0.4
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def show_review_video(window: object) -> None:
    """Open the sample review's classroom video and wait for its first frame."""
    view = window.reviews_page.workspace_view  # type: ignore[attr-defined]
    wait_until(None, lambda: view.work is not None)
    node = next((n for n in view._nodes() if n.text(0).startswith("Video")), None)
    if node is None:
        return
    view.navigator.setCurrentItem(node)
    settle(window)
    sink = view.panel.video.video.videoSink()
    wait_until(None, lambda: sink.videoFrame().isValid(), timeout=15.0)


def wait_for_frames(window: object) -> None:
    """Wait until each visible player has a picture to show (a paused player shows its first
    frame once it has decoded it)."""
    from PySide6.QtMultimediaWidgets import QVideoWidget

    players = [video for video in window.findChildren(QVideoWidget)  # type: ignore[attr-defined]
               if video.isVisible()]
    wait_until(None, lambda: all(video.videoSink().videoFrame().isValid()
                                 for video in players), timeout=15.0)


def grab(window: object) -> object:
    """The window as drawn, with the video's current frame painted where the player shows it
    (an offscreen grab does not capture the video surface)."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QPainter

    from PySide6.QtMultimediaWidgets import QVideoWidget

    image = window.grab().toImage()  # type: ignore[attr-defined]
    for video in window.findChildren(QVideoWidget):  # type: ignore[attr-defined]
        frame = video.videoSink().videoFrame()
        if not video.isVisible() or not frame.isValid():
            continue
        picture = frame.toImage().scaled(video.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
        area = QRect(video.mapTo(window, QPoint(0, 0)), video.size())
        painter = QPainter(image)
        painter.fillRect(area, Qt.GlobalColor.black)
        painter.drawImage(area.center() - picture.rect().center(), picture)
        painter.end()
    return image


def make(out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from mcdesk.core.reviews import Role
    from mcdesk.jobs.runner import JobRunner
    from mcdesk.ui.shell import language
    from mcdesk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not language.install(app, shown_language()):
        raise SystemExit(f"make-guide-screenshots: no compiled translation for "
                         f"{shown_language()} (scripts/update-translations.sh makes it)")
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory(prefix="mcdesk-guide-") as folder:
        root = Path(folder) / "portfolio"
        demo_portfolio(root)
        runner = JobRunner()
        window = MainWindow(runner, root)
        window.resize(*SIZE)
        window.show()
        window.open_portfolio(seed_demo=False)
        if not wait_until(app, lambda: window.role_box.isEnabled()):
            raise SystemExit("make-guide-screenshots: the demo portfolio did not open")
        for name, role, place in SHOTS:
            window.switch_role(Role(role))
            window.show_place(place)
            settle(window)
            if place == "reviews":
                show_review_video(window)
            if place == "evidence":
                page = window.evidence_page
                # A photo: its preview and every way to make it safe (the offscreen player
                # shows no picture until it plays).
                page.list.setCurrentIndex(page.model.index(1, 0))
                settle(window)
                wait_for_frames(window)
            window.notice_bar.hide()
            path = out / name
            if not grab(window).save(str(path), "PNG"):  # type: ignore[attr-defined]
                raise SystemExit(f"make-guide-screenshots: could not write {path}")
            made.append(path)
        window.close()
    return made


def shown_language() -> str:
    """The window's language in the screenshots: English unless MCDESK_LANG asks for another
    (never the system's, so a developer's Spanish desktop still makes the English ones)."""
    code = os.environ.get("MCDESK_LANG", "").strip().lower()
    return code if code == "es" else "en"


def main() -> int:
    folder = GUIDE / "screens" if shown_language() == "en" else GUIDE / "screens" / "es"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=folder,
                        help="where the PNG files go (default: resources/guide/screens, with "
                             "MCDESK_LANG=es resources/guide/screens/es)")
    parser.add_argument("--if-stale", action="store_true",
                        help="do nothing when every screenshot is there and was made from "
                             "the app's present sources")
    args = parser.parse_args()
    stamp = args.out / ".made-from"
    digest = sources_digest()
    if args.if_stale and all((args.out / name).is_file() for name, _r, _p in SHOTS) \
            and stamp.is_file() and stamp.read_text("utf-8").strip() == digest:
        return 0
    with tempfile.TemporaryDirectory(prefix="mcdesk-guide-home-") as home:
        private_folders(Path(home))
        for path in make(args.out.resolve()):
            print(f"make-guide-screenshots: {path}")
    stamp.write_text(digest + "\n", "utf-8")
    return 0


def sources_digest() -> str:
    """A hash of what the screenshots show: the app's code, the demo catalog, this script."""
    import hashlib

    digest = hashlib.sha256()
    files = sorted((ROOT / "mcdesk").rglob("*.py")) + [
        ROOT / "resources" / "demo_catalog.json", Path(__file__).resolve()]
    if shown_language() != "en":
        files.append(ROOT / "resources" / "i18n" / f"mcdesk_{shown_language()}.ts")
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
