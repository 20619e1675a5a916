"""The Assessors place (issuer staff): each micro-credential's pools (experts, peers, how many
reviews each owes, their calibration), its calibration set (an item can be taken out with the
next sync) and the agreement figures per assessor (with a small chart each), per
micro-credential and per criterion, as the last sync brought them; GUI thread (work runs in
this place's operations)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import id_tail
from mcdesk.core.changes import Change
from mcdesk.core.staff import CalibrationRemoval, DecisionStatus
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.assessors import ops
from mcdesk.ui.assessors.chart import AgreementChart
from mcdesk.ui.widgets.empty_state import empty_state
from mcdesk.ui.widgets.locale_text import date_time_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place

# Where a calibration item's row keeps (server, submission id).
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def _percent(value: Any) -> str:
    return "—" if not isinstance(value, int | float) else f"{value * 100:.0f} %"


def _number(value: Any) -> str:
    return "—" if not isinstance(value, int | float) else f"{value:.2f}"


class AssessorsPage(Place):
    watches = frozenset({Change.DECISIONS, Change.OUTBOX, Change.SERVERS})

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.view: ops.AssessorsView | None = None
        self.when = QLabel()
        self.when.setWordWrap(True)
        self.pools = QTreeWidget()
        self.pools.setAccessibleName(self.tr("Assessor pools"))
        self.pools.setHeaderLabels([self.tr("Micro-credential and assessors"),
                                    self.tr("Open reviews"), self.tr("Calibration")])
        self.pools.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.pools.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.pools.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.pools.currentItemChanged.connect(lambda *_: self._item_chosen())
        self.take_out = QPushButton(self.tr("Take out of the calibration set…"))
        self.take_out.setToolTip(self.tr(
            "The chosen submission leaves its calibration set with the next sync, with every "
            "assessor's score of it"))
        self.take_out.setEnabled(False)
        self.take_out.clicked.connect(self.take_out_chosen)
        pools_tab = QWidget()
        pools_layout = QVBoxLayout(pools_tab)
        pools_layout.setContentsMargins(0, 0, 0, 0)
        pools_layout.addWidget(self.pools, 1)
        pools_row = QHBoxLayout()
        pools_row.addStretch(1)
        pools_row.addWidget(self.take_out)
        pools_layout.addLayout(pools_row)
        self.assessors = QTableWidget()
        self.assessors.setAccessibleName(self.tr("Agreement per assessor"))
        self.assessors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assessors.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        headers = [self.tr("Assessor"), self.tr("Reviews"), self.tr("Pairs"), self.tr("Exact"),
                   self.tr("Within one level"), self.tr("Kappa"), self.tr("Chart")]
        self.assessors.setColumnCount(len(headers))
        self.assessors.setHorizontalHeaderLabels(headers)
        self.assessors.verticalHeader().hide()
        self.assessors.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.by_mc = QTreeWidget()
        self.by_mc.setAccessibleName(self.tr("Agreement per micro-credential and criterion"))
        self.by_mc.setHeaderLabels([self.tr("Micro-credential and criteria"), self.tr("Exact"),
                                    self.tr("Within one level"), self.tr("Kappa"),
                                    self.tr("Alpha"), self.tr("Hours to decision")])
        self.by_mc.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        agreement = QWidget()
        agreement_layout = QVBoxLayout(agreement)
        explained = QLabel(self.tr(
            "How often each assessor gives the same level as the others on the same work "
            "(exact), within one level, and linear-weighted Cohen's kappa; Krippendorff's "
            "alpha where three or more scored the same criterion."))
        explained.setWordWrap(True)
        agreement_layout.addWidget(explained)
        agreement_layout.addWidget(self.assessors, 3)
        agreement_layout.addWidget(self.by_mc, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(pools_tab, self.tr("Pools and calibration"))
        self.tabs.addTab(agreement, self.tr("Agreement"))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.when)
        body_layout.addWidget(self.tabs, 1)
        self.empty = QLabel(self.tr(
            "Nothing pulled yet.\n\nWith an issuer staff token, Sync brings each "
            "micro-credential's assessor pools, who is calibrated, and how well the assessors "
            "agree; they stay readable offline."))
        self.stack = QStackedWidget()
        self.stack.addWidget(empty_state(self.empty))
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def refresh(self) -> None:
        super().refresh()
        if self._workspace is None:
            return
        ops.load(self._workspace).success(self._loaded).failure(self._failed).run(
            self._runner, origin=self)

    def _loaded(self, view: ops.AssessorsView) -> None:
        self.view = view
        server = next((s for s in view.servers if s in view.pools), None)
        if server is None:
            self.stack.setCurrentIndex(0)
            return
        self.when.setText(self.tr("%1, as of the sync of %2").replace("%1", server).replace(
            "%2", date_time_text(view.pools[server].pulled_at)))
        calibration = view.calibration.get(server)
        self._pools(view.pools[server].data, calibration.data if calibration else [],
                    view.names, server, view.removals)
        report = view.report.get(server)
        self._agreement(report.data if report is not None else {})
        self.stack.setCurrentIndex(1)

    def _pools(self, pools: Any, sets: Any, names: dict[str, str], server: str = "",
               removals: dict[tuple[str, str], CalibrationRemoval] | None = None) -> None:
        self.pools.clear()
        items_of = {found.get("achievementId"): found.get("items", [])
                    for found in (sets if isinstance(sets, list) else [])
                    if isinstance(found, dict)}
        listed = [p for p in pools if isinstance(p, dict)] if isinstance(pools, list) else []
        # The micro-credentials staff look after (experts named, work received) come first.
        listed.sort(key=lambda p: (not (p.get("expertsNamed") or p.get("submissionsReceived")),
                                   str(p.get("name", ""))))
        for pool in listed:
            phase = (self.tr("experts (%1 of the first %2 submissions)")
                     .replace("%1", str(min(pool.get("submissionsReceived", 0),
                                            pool.get("expertSubmissions", 0))))
                     .replace("%2", str(pool.get("expertSubmissions", 0)))
                     if pool.get("phase") == "expert" else
                     self.tr("peers, %1 per submission").replace(
                         "%1", str(pool.get("peersPerSubmission", 0))))
            items = int(pool.get("calibrationItems", 0))
            top = QTreeWidgetItem([f"{pool.get('name', '')} — {phase}", "",
                                   self.tr("no calibration set") if not items else
                                   self.tr("calibration set of %1").replace("%1", str(items))])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.pools.addTopLevelItem(top)
            active = bool(pool.get("expertsNamed") or pool.get("submissionsReceived"))
            for key, label in (("experts", self.tr("Experts")), ("peers", self.tr("Peers"))):
                people = pool.get(key, [])
                group = QTreeWidgetItem([f"{label} ({len(people)})"])
                top.addChild(group)
                if key == "experts" and not pool.get("expertsNamed"):
                    group.setText(0, group.text(0) + " " + self.tr("— every assessor, until "
                                                                   "experts are named"))
                for person in people:
                    group.addChild(QTreeWidgetItem([
                        person.get("name", ""), str(person.get("openReviews", 0)),
                        self._calibration(person)]))
                group.setExpanded(True)
            self._calibration_items(top, items_of.get(pool.get("achievementId")), names,
                                    server, removals or {})
            top.setExpanded(active)

    def _calibration_items(self, top: QTreeWidgetItem, items: Any, names: dict[str, str],
                           server: str,
                           removals: dict[tuple[str, str], CalibrationRemoval]) -> None:
        """The submissions in the set, each with its reference levels (one row per criterion
        under it, the reference feedback in its tooltip)."""
        items = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        if not items:
            return
        group = QTreeWidgetItem([self.tr("Calibration items (%1)").replace(
            "%1", str(len(items)))])
        top.addChild(group)
        for item in items:
            reference = [r for r in item.get("reference", []) if isinstance(r, dict)]
            sid = str(item.get("submissionId", ""))
            removal = removals.get((server, sid))  # queued, or refused (the view keeps no other)
            queued = removal is not None and removal.status is DecisionStatus.QUEUED
            line = QTreeWidgetItem([
                self.tr("Submission %1").replace("%1", sid[:8]), "",
                self.tr("taken out with the next sync") if queued else
                self.tr("reference: %1").replace("%1", ", ".join(
                    self._named(names, r.get("levelId")) for r in reference))])
            line.setData(0, ITEM_ROLE, (server, sid))
            if removal is not None and not queued:
                line.setToolTip(2, self.tr("The issuer did not take it out: %1").replace(
                    "%1", removal.error))
            for criterion in reference:
                row = QTreeWidgetItem([self._named(names, criterion.get("rubricCriterionId")),
                                       "", self._named(names, criterion.get("levelId"))])
                if criterion.get("feedback"):
                    row.setToolTip(0, str(criterion["feedback"]))
                    row.setToolTip(2, str(criterion["feedback"]))
                line.addChild(row)
            group.addChild(line)
        group.setExpanded(True)

    def _chosen_item(self) -> tuple[str, str] | None:
        current = self.pools.currentItem()
        data = current.data(0, ITEM_ROLE) if current is not None else None
        return (str(data[0]), str(data[1])) if isinstance(data, tuple | list) else None

    def _item_chosen(self) -> None:
        chosen = self._chosen_item()
        removal = (self.view.removals.get(chosen) if self.view is not None and chosen
                   else None)
        self.take_out.setEnabled(chosen is not None and (
            removal is None or removal.status is not DecisionStatus.QUEUED))

    def take_out_chosen(self) -> None:
        chosen = self._chosen_item()
        if chosen is None or self._workspace is None:
            return
        server, sid = chosen
        answer = QMessageBox.question(
            self, self.tr("Take out of the calibration set"),
            self.tr("Take submission %1 out of its calibration set? Every assessor's score "
                    "of it goes too; it happens with the next sync.").replace("%1", sid[:8]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.take_out_of_calibration(self._workspace, server, sid).success(
            self._taken_out).failure(self._failed).run(self._runner, origin=self)

    def _taken_out(self, _removal: object) -> None:
        self.notice.emit(self.tr("The item leaves its calibration set with the next sync."),
                         Tone.INFO)
        self.refresh()  # a place is not told of the changes it made itself

    @staticmethod
    def _named(names: dict[str, str], ident: Any) -> str:
        """A criterion's or level's name; the last part of its id when not in the catalog."""
        text = str(ident or "")
        return names.get(text) or id_tail(text)

    def _calibration(self, person: dict[str, Any]) -> str:
        standing = person.get("calibration") or {}
        items = int(standing.get("items", 0))
        if not items:
            return self.tr("no set")
        if person.get("released"):
            return self.tr("released (exact %1)").replace("%1", _percent(standing.get("exact")))
        return self.tr("held back: %1 of %2 scored, exact %3").replace(
            "%1", str(standing.get("scored", 0))).replace("%2", str(items)).replace(
            "%3", _percent(standing.get("exact")))

    def _agreement(self, report: dict[str, Any]) -> None:
        people = report.get("assessors", []) if isinstance(report, dict) else []
        self.assessors.setRowCount(len(people))
        for row, person in enumerate(people):
            cells = [person.get("name", ""), str(person.get("reviews", 0)),
                     str(person.get("pairs", 0)), _percent(person.get("exact")),
                     _percent(person.get("adjacent")), _number(person.get("kappa"))]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.assessors.setItem(row, col, item)
            self.assessors.setCellWidget(row, len(cells), AgreementChart(
                {key: person.get(key) for key in ("exact", "adjacent", "kappa")}))
            self.assessors.setRowHeight(row, 34)
        self.assessors.resizeColumnsToContents()
        self.assessors.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.by_mc.clear()
        criteria = report.get("criteria", []) if isinstance(report, dict) else []
        for mc in report.get("microCredentials", []) if isinstance(report, dict) else []:
            top = QTreeWidgetItem([mc.get("name", ""), _percent(mc.get("exact")),
                                   _percent(mc.get("adjacent")), _number(mc.get("kappa")),
                                   _number(mc.get("alpha")),
                                   _number(mc.get("meanHoursToDecision"))])
            for criterion in criteria:
                if criterion.get("achievementId") != mc.get("achievementId"):
                    continue
                top.addChild(QTreeWidgetItem([
                    criterion.get("name", ""), _percent(criterion.get("exact")),
                    _percent(criterion.get("adjacent")), _number(criterion.get("kappa")),
                    _number(criterion.get("alpha")), ""]))
            self.by_mc.addTopLevelItem(top)
            top.setExpanded(True)
