"""The Plan place (teacher): the reminders, the stack goal with its progress, the planned
micro-credentials with target date, state and hours on the left and the chosen one on the
right; GUI thread (work runs in this place's operations)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change
from mcdesk.core.plan import MAX_REMIND_DAYS, Due, PlanEntry, PlanItem, PlanView
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.plan import ops
from mcdesk.ui.plan.detail import GoalBox, PlanDetail, ReminderBanner
from mcdesk.ui.plan.dialogs import AddToPlanDialog, GoalDialog
from mcdesk.ui.plan.words import (
    DUE_SOON_COLOUR,
    OVERDUE_COLOUR,
    STATE_COLOURS,
    due_words,
    hours_words,
    short_date,
    state_words,
)
from mcdesk.ui.widgets.empty_state import empty_state
from mcdesk.ui.widgets.locale_text import decimal_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.splitter import list_detail_splitter


class PlanPage(Place):
    watches = frozenset({Change.PLAN, Change.DRAFTS, Change.OUTBOX, Change.CREDENTIALS,
                         Change.RECOGNITION, Change.CATALOG})
    start_draft_requested = Signal(str)
    open_draft_requested = Signal(str)
    show_in_catalog_requested = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.view: PlanView | None = None
        self.add_dialog: AddToPlanDialog | None = None
        self.goal_dialog: GoalDialog | None = None
        self._select_after_load: str | None = None
        self._load_generation = 0

        self.banner = ReminderBanner()
        self.goal_box = GoalBox()
        self.goal_box.choose_requested.connect(self.choose_goal)
        self.goal_box.clear_requested.connect(self.clear_goal)
        self.goal_box.add_rest_requested.connect(self.add_rest_of_stack)

        self.add_button = QPushButton(self.tr("Add a micro-credential…"))
        self.add_button.setToolTip(self.tr("Put a micro-credential of the catalog in your plan "
                                           "with the date you aim to send it by"))
        self.add_button.clicked.connect(self.choose_and_add)
        self.remind_days = QSpinBox()
        self.remind_days.setRange(0, MAX_REMIND_DAYS)
        self.remind_days.setSuffix(self.tr(" days"))
        self.remind_days.setAccessibleName(self.tr("Remind me this many days before a target "
                                                   "date"))
        self.remind_days.setKeyboardTracking(False)
        self.remind_days.valueChanged.connect(self._remind_days_changed)
        remind_label = QLabel(self.tr("&Remind me"))
        remind_label.setBuddy(self.remind_days)
        remind_after = QLabel(self.tr("before a target date"))
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.add_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.rule_label, 1)
        toolbar.addWidget(remind_label)
        toolbar.addWidget(self.remind_days)
        toolbar.addWidget(remind_after)

        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Your plan"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels([self.tr("Micro-credential"), self.tr("Send by"),
                                   self.tr("State"), self.tr("Hours")])
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.list.currentItemChanged.connect(self._chosen)
        self.detail = PlanDetail()
        self.detail.start_draft_requested.connect(self.start_draft_requested)
        self.detail.open_draft_requested.connect(self.open_draft_requested)
        self.detail.catalog_requested.connect(self.show_in_catalog_requested)
        self.detail.move_requested.connect(self.move_date)
        self.detail.remove_requested.connect(self.remove)
        splitter = list_detail_splitter(self.list, self.detail, sizes=(620, 400),
                                        stretch=(3, 2))

        self.empty = QLabel(self.tr(
            "Your plan is empty.\n\nChoose the micro-credentials you aim to earn and the day "
            "you aim to send each one by: mcdesk follows each from studying to earned, counts "
            "the in-service hours it will give, and reminds you here when a date nears.\n\n"
            "In the Catalog, press Add to plan… on a micro-credential, or add one here."))
        self.empty_add = QPushButton(self.tr("Add a micro-credential…"))
        self.empty_add.clicked.connect(self.choose_and_add)
        self.body = QStackedWidget()
        self.body.addWidget(splitter)
        self.body.addWidget(empty_state(self.empty, self.empty_add))
        self.body.setCurrentIndex(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.goal_box)
        layout.addLayout(toolbar)
        layout.addWidget(self.body, 1)
        self.workspace_changed(None)

    # -- loading ---------------------------------------------------------------------------

    def workspace_changed(self, workspace: object | None) -> None:
        for widget in (self.add_button, self.empty_add, self.remind_days, self.goal_box):
            widget.setEnabled(workspace is not None)

    def refresh(self) -> None:
        super().refresh()
        if self._workspace is None:
            return
        self._load_generation += 1
        generation = self._load_generation
        ops.load(self._workspace).success(
            lambda view: self._loaded(view) if generation == self._load_generation else None
        ).failure(self._failed).run(self._runner, origin=self)

    def _loaded(self, view: PlanView) -> None:
        # Only the latest load lands: an earlier one answering late would show the plan as
        # it was and use up the entry to choose (the one just added).
        self.view = view
        current = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self.list.blockSignals(True)
        self.list.clear()
        for item in view.items:
            self.list.addTopLevelItem(self._row(item))
        self.list.blockSignals(False)
        self.body.setCurrentIndex(0 if view.items else 1)
        ids = [i.achievement_id for i in view.items]
        row = self.list.topLevelItem(ids.index(current) if current in ids else 0)
        if row is not None:
            self.list.setCurrentItem(row)
        else:
            self._chosen(None)
        self.banner.show_reminders(view.reminders, view.remind_days)
        self.goal_box.show_goal(view.goal, view.today)
        self.remind_days.blockSignals(True)
        self.remind_days.setValue(view.remind_days)
        self.remind_days.blockSignals(False)
        total = sum(i.hours or 0.0 for i in view.items)
        self.rule_label.setText(
            self.tr("Hours under %1: %2 in all").replace("%1", view.rule_name).replace(
                "%2", decimal_text(total)) if view.rule_name else
            self.tr("No recognition rule yet (Badges → Recognition rules…), so no hours are "
                    "shown"))

    def _row(self, item: PlanItem) -> QTreeWidgetItem:
        flag = {Due.OVERDUE: self.tr("overdue"), Due.DUE_SOON: self.tr("due soon")}.get(
            item.due, "") if item.due is not None else ""
        row = QTreeWidgetItem([item.title, short_date(item.target) + (f" · {flag}" if flag
                                                                         else ""),
                               "● " + state_words(item.state), hours_words(item)])
        if flag:
            row.setToolTip(1, due_words(item))
        row.setData(0, Qt.ItemDataRole.UserRole, item.achievement_id)
        row.setToolTip(0, item.title)
        row.setForeground(2, QBrush(QColor(STATE_COLOURS[item.state])))
        if item.due is not None:
            colour = OVERDUE_COLOUR if item.due is Due.OVERDUE else DUE_SOON_COLOUR
            row.setForeground(1, QBrush(QColor(colour)))
            font = row.font(1)
            font.setBold(item.due is Due.OVERDUE)
            row.setFont(1, font)
        if item.hours_note:
            row.setToolTip(3, item.hours_note)
        return row

    def selected_id(self) -> str | None:
        row = self.list.currentItem()
        return None if row is None else str(row.data(0, Qt.ItemDataRole.UserRole))

    def selected(self) -> PlanItem | None:
        ident = self.selected_id()
        view = self.view
        if ident is None or view is None:
            return None
        return next((i for i in view.items if i.achievement_id == ident), None)

    def _chosen(self, _row: QTreeWidgetItem | None, _previous: object = None) -> None:
        item = self.selected()
        view = self.view
        self.detail.show_item(item, view.rule_name if view is not None else None)

    # -- adding and moving -----------------------------------------------------------------

    def add_micro_credential(self, achievement_id: str) -> None:
        """Add (or move) one named micro-credential: asks for its target date."""
        workspace = self._workspace
        if workspace is None:
            return
        ops.title_of(workspace, achievement_id).success(
            lambda found: self._ask_date(achievement_id, *found)).failure(self._failed).run(
            self._runner, origin=self)

    def _ask_date(self, achievement_id: str, title: str, current: date | None) -> None:
        dialog = AddToPlanDialog(self._today(), title=title, current=current, parent=self)
        dialog.accepted.connect(lambda: self._add(achievement_id, dialog.target_date(), title))
        self._open_add_dialog(dialog)

    def choose_and_add(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.choices(workspace).success(self._ask_which).failure(self._failed).run(
            self._runner, origin=self)

    def _ask_which(self, choices: ops.Choices) -> None:
        planned = frozenset(i.achievement_id for i in self.view.items) if self.view else \
            frozenset()
        dialog = AddToPlanDialog(self._today(), entries=choices.entries, planned=planned,
                                 parent=self)
        dialog.accepted.connect(lambda: self._add_chosen(dialog))
        self._open_add_dialog(dialog)

    def _open_add_dialog(self, dialog: AddToPlanDialog) -> None:
        if self.add_dialog is not None:
            self.add_dialog.deleteLater()
        self.add_dialog = dialog
        dialog.open()

    def _add_chosen(self, dialog: AddToPlanDialog) -> None:
        chosen = dialog.chosen()
        if chosen is not None:
            self._add(chosen, dialog.target_date(), dialog.choice.currentText())

    def _add(self, achievement_id: str, target: date, title: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.add(workspace, achievement_id, target).success(
            lambda result: self._added(result, title)).failure(self._failed).run(
            self._runner, origin=self)

    def _added(self, result: tuple[PlanEntry, bool], title: str) -> None:
        entry, new = result
        text = (self.tr("“%1” is in your plan: send it by %2.") if new
                else self.tr("“%1” moved: send it by %2.")).replace("%1", title).replace(
            "%2", short_date(entry.target))
        self.notice.emit(text, Tone.INFO)
        self._select_after_load = entry.achievement_id
        self.refresh()

    def move_date(self, achievement_id: str) -> None:
        self.add_micro_credential(achievement_id)

    def remove(self, achievement_id: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        item = self.selected()
        title = item.title if item is not None else ""
        ops.remove(workspace, achievement_id).success(lambda _r: self._removed(title)).failure(
            self._failed).run(self._runner, origin=self)

    def _removed(self, title: str) -> None:
        self.notice.emit(self.tr("“%1” is out of your plan; its drafts stay in Drafts.")
                         .replace("%1", title), Tone.INFO)
        self.refresh()

    # -- the stack goal ----------------------------------------------------------------------

    def choose_goal(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.choices(workspace).success(self._ask_goal).failure(self._failed).run(
            self._runner, origin=self)

    def _ask_goal(self, choices: ops.Choices) -> None:
        goal = self.view.goal if self.view is not None else None
        dialog = GoalDialog(choices.stacks, self._today(),
                            current=goal.stack_id if goal else None,
                            target=goal.target if goal else None, parent=self)
        dialog.accepted.connect(lambda: self._set_goal(dialog))
        if self.goal_dialog is not None:
            self.goal_dialog.deleteLater()
        self.goal_dialog = dialog
        dialog.open()

    def _set_goal(self, dialog: GoalDialog) -> None:
        chosen = dialog.chosen()
        if chosen is None or self._workspace is None:
            return
        ops.set_goal(self._workspace, chosen, dialog.target_date()).success(
            lambda _g: self.refresh()).failure(self._failed).run(self._runner, origin=self)

    def clear_goal(self) -> None:
        if self._workspace is None:
            return
        ops.clear_goal(self._workspace).success(lambda _g: self.refresh()).failure(
            self._failed).run(self._runner, origin=self)

    def add_rest_of_stack(self) -> None:
        """The goal's members not yet earned nor planned, by the goal's date (or in eight
        weeks); each date can be moved after."""
        view = self.view
        if view is None or view.goal is None or self._workspace is None:
            return
        ids = [i for i, _name in view.goal.not_in_plan]
        target = view.goal.target or AddToPlanDialog.default_target(view.today)
        ops.add_many(self._workspace, ids, target).success(
            lambda count: self._rest_added(count, target)).failure(self._failed).run(
            self._runner, origin=self)

    def _rest_added(self, count: int, target: date) -> None:
        self.notice.emit(self.tr("%n micro-credential(s) added to your plan, by %1; move each "
                                 "date as you like.", "", count).replace(
            "%1", short_date(target)), Tone.INFO)
        self.refresh()

    # -- the reminder window ------------------------------------------------------------------

    def _remind_days_changed(self, days: int) -> None:
        if self._workspace is None:
            return
        ops.set_remind_days(self._workspace, days).success(lambda _d: self.refresh()).failure(
            self._failed).run(self._runner, origin=self)

    def _today(self) -> date:
        return self.view.today if self.view is not None else date.today()
