"""The window in Spanish: every place of every role, with its first item open, and the main
dialogs, show no English (catalog content, sample evidence, file names and proper names apart)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.services.demo_evidence import LESSON_PLAN, REFLECTION
from mcdesk.ui.shell import language
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import ROLES
from tests.conftest import DEMO_CATALOG
from tests.ui.i18n_helpers import catalog_strings, english_words, visible_texts

WAIT = 15_000


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert language.install(qapp, "es"), (
        f"{language.qm_file('es')} is missing: run scripts/setup.sh (it builds the .qm files)")
    yield
    language.install(qapp, "en")


@pytest.fixture
def window(spanish: None, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.demo_content_ready, timeout=60_000):
        open_portfolio_in_background(window)
    yield window
    window.close()


def allowed_data(window: MainWindow) -> list[str]:
    workspace = window.workspace
    assert workspace is not None
    # The sample evidence is made in English, like the demo catalog it goes with.
    titles = [text for evidence in workspace.evidence.all()
              for text in (evidence.title, evidence.derivation or "",
                           evidence.original_name or "")]
    data = [*catalog_strings(DEMO_CATALOG), *study_strings(window), *titles, REFLECTION,
            *LESSON_PLAN, str(workspace.root), "Demo"]
    return sorted({text for text in data if text}, key=len, reverse=True)


def study_strings(window: MainWindow) -> list[str]:
    """The demo's study material (resource and exemplar titles, reasons, licences), added to
    the catalog at set-up: catalog content, in the catalog's own language."""
    workspace = window.workspace
    assert workspace is not None
    found: list[str] = []
    for entry in workspace.catalog.entries(limit=10_000):
        mc = workspace.catalog.detail(entry.achievement_id).micro_credential
        for resource in mc.resources:
            found += [resource.title, resource.description or ""]
            if resource.file is not None:
                found.append(resource.file.licence)
        for exemplar in mc.exemplars:
            found += [exemplar.title, exemplar.reasons, exemplar.licence, exemplar.text or ""]
    return found


def english_in(root: QWidget, allowed: list[str]) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        words = english_words(text, allowed)
        if words:
            found.append(f"{where}: {text!r} ({', '.join(sorted(set(words)))})")
    return found


def open_first_items(qtbot: QtBot, page: QWidget) -> None:
    """Pick the first row of the place's lists, so its detail side shows too."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if (view.isVisibleTo(page) and model is not None and model.rowCount() > 0
                and not view.currentIndex().isValid()):
            view.setCurrentIndex(model.index(0, 0))
            qtbot.wait(150)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.jobs_indicator.isVisible(), timeout=WAIT)
    qtbot.wait(200)


def test_every_place_of_every_role_speaks_spanish(window: MainWindow, qtbot: QtBot) -> None:
    found: list[str] = []
    for role in ROLES:
        window.switch_role(role.role)
        for key in role.places:
            window.show_place(key)
            page = window.place(key)
            settle(qtbot, window)
            open_first_items(qtbot, page)
            settle(qtbot, window)
            # Read after each place: the demo's study material joins the catalog meanwhile.
            allowed = allowed_data(window)
            found += [f"[{role.label} › {key}] {line}" for line in english_in(window, allowed)]
    assert window.sidebar.item(0).text() != "", "the sidebar is empty"
    assert not sorted(set(found)), "English on a Spanish screen:\n" + "\n".join(
        sorted(set(found)))


def test_the_main_dialogs_speak_spanish(window: MainWindow, qtbot: QtBot) -> None:
    from mcdesk.ui.badges.dialogs import RulesDialog, TranscriptDialog
    from mcdesk.ui.drafts.dialogs import ChooseMicroCredentialDialog
    from mcdesk.ui.sync.page import ServerDialog

    allowed = allowed_data(window)
    window.open_check()
    assert window.check_dialog is not None
    qtbot.waitUntil(lambda: not window.jobs_indicator.isVisible(), timeout=WAIT)
    window.open_verify()
    window.show_place("evidence")
    window.evidence_page.open_privacy()
    settle(qtbot, window)
    dialogs: list[QWidget] = [window.check_dialog, window.verify_dialog,
                              window.evidence_page.privacy_dialog,
                              TranscriptDialog(date.today(), None, window),
                              RulesDialog([], window), ServerDialog(window),
                              ChooseMicroCredentialDialog(
                                  window.catalog_page.model.entries(), window)]
    found = []
    for dialog in dialogs:
        assert dialog is not None
        dialog.show()
        qtbot.wait(100)
        found += [f"[{type(dialog).__name__}] {line}" for line in english_in(dialog, allowed)]
        dialog.close()
    assert not found, "English in a Spanish dialog:\n" + "\n".join(found)


def test_a_review_in_the_workspace_speaks_spanish(window: MainWindow, qtbot: QtBot) -> None:
    """The review workspace (video, comments, rubric scoring) on the made-up sample."""
    from mcdesk.core.reviews import Role

    window.switch_role(Role.ASSESSOR)
    page = window.reviews_page
    with qtbot.waitSignal(page.reviews_shown, timeout=60_000,
                          check_params_cb=lambda count: count > 0):
        page.sample_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.workspace_view.work is not None, timeout=WAIT)
    settle(qtbot, window)
    allowed = allowed_data(window) + sample_texts(window)
    found = english_in(window, allowed)
    assert not found, "English in the review workspace:\n" + "\n".join(found)


def sample_texts(window: MainWindow) -> list[str]:
    """The sample submission's own words (its answers, captions, file names): data."""
    work = window.reviews_page.workspace_view.work
    assert work is not None
    package = work.package
    assert package is not None
    texts: list[str] = [package.mc_name]
    for criterion in package.criteria:
        texts += [criterion.answer or "", criterion.prompt or "", criterion.part or "",
                  *(e.name for e in criterion.evidence),
                  *(e.narrative for e in criterion.evidence)]
    return sorted({t for t in texts if len(t) >= 3}, key=len, reverse=True)


def test_the_checker_finds_english(window: MainWindow) -> None:
    """The walk above would catch an untranslated label: English shown anyway is reported."""
    from PySide6.QtWidgets import QLabel

    label = QLabel("Choose a piece of evidence on the left", window.evidence_page)
    label.show()
    window.show_place("evidence")
    assert any("Choose a piece" in line for line in english_in(window, allowed_data(window)))
    assert QCoreApplication.translate("places", "Evidence") == "Evidencias"


def test_the_plan_and_the_study_material_speak_spanish(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    """The Plan place with entries (overdue, due soon, later; hours under a rule; a stack
    goal) and its dialogs, then a micro-credential with resources and examples of work in the
    Catalog and a study file in its viewer."""
    from datetime import timedelta

    from mcdesk.core.credentials import RecognitionRule
    from mcdesk.ui.plan.dialogs import AddToPlanDialog, GoalDialog
    from mcdesk.ui.plan.page import PlanPage
    from mcdesk.ui.shell.places import PlaceKey

    workspace = window.workspace
    assert workspace is not None
    exit_tickets = "https://demo.mcdesk.org/achievements/exit-tickets"
    # The demo's study files join the catalog in the background after the demo content.
    qtbot.waitUntil(lambda: bool(workspace.catalog.detail(exit_tickets)
                                 .micro_credential.exemplars), timeout=60_000)
    settle(qtbot, window)
    today = date.today()
    workspace.badges.save_rule(RecognitionRule(None, "Riverbend district", 3.0, None))
    plan = workspace.plan
    plan.today = lambda: today - timedelta(days=30)  # an overdue date can only be planned
    plan.add(exit_tickets, today - timedelta(days=2))
    plan.add("two-way-family-communication", today + timedelta(days=5))
    plan.add("culturally-responsive-read-alouds", today + timedelta(days=90))
    plan.set_goal("Formative Assessment")
    plan.today = date.today  # back to the real day: the first entry is overdue now

    window.show_place(PlaceKey.PLAN)
    page = window.place(PlaceKey.PLAN)
    assert isinstance(page, PlanPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() == 3, timeout=WAIT)
    page.list.setCurrentItem(page.list.topLevelItem(0))
    settle(qtbot, window)
    allowed = [*allowed_data(window), "Riverbend district"]
    assert page.banner.isVisible() and "atrasada 2 días" in page.banner.text
    found = [f"[plan] {line}" for line in english_in(window, allowed)]
    stacks = workspace.catalog.stacks()
    dialogs: list[QWidget] = [
        AddToPlanDialog(today, entries=workspace.catalog.entries(limit=100), parent=window),
        AddToPlanDialog(today, title=workspace.catalog.detail(exit_tickets).micro_credential.name,
                        current=today, parent=window),
        GoalDialog(stacks, today, current=stacks[0].id, parent=window)]
    for dialog in dialogs:
        dialog.show()
        qtbot.wait(100)
        found += [f"[{type(dialog).__name__}] {line}" for line in english_in(dialog, allowed)]
        dialog.close()

    catalog = window.catalog_page
    window.show_place(PlaceKey.CATALOG)
    with qtbot.waitSignal(catalog.detail_shown, timeout=WAIT):
        catalog.show_micro_credential(exit_tickets)
    qtbot.waitUntil(lambda: catalog.browser.property("achievement") == exit_tickets,
                    timeout=WAIT)
    settle(qtbot, window)
    text = catalog.browser.toPlainText()
    assert "Ejemplos de trabajo" in text and "disponible sin conexión" in text
    found += [f"[catalog] {line}" for line in english_in(window, allowed)]
    guide = next(r.file for r in workspace.catalog.detail(exit_tickets).micro_credential
                 .resources if r.file is not None)
    catalog.study_action("open", guide.sha256)
    qtbot.waitUntil(lambda: catalog.viewer is not None, timeout=WAIT)
    settle(qtbot, window)
    viewer = catalog.viewer
    assert viewer is not None
    found += [f"[study viewer] {line}" for line in english_in(viewer, allowed)]
    viewer.close()
    assert not found, "English on a Spanish screen:\n" + "\n".join(found)
