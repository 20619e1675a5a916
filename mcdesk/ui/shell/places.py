"""The places of the sidebar: their keys, titles, icons, which role shows which, and where each
place's code lives (imported when the place is first needed); GUI thread."""

from __future__ import annotations

import enum
import importlib
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

from mcdesk.core.role import Role

if TYPE_CHECKING:
    from mcdesk.jobs.runner import JobRunner
    from mcdesk.ui.widgets.place import Place


class PlaceKey(enum.StrEnum):
    CATALOG = "catalog"
    PLAN = "plan"
    EVIDENCE = "evidence"
    DRAFTS = "drafts"
    REVIEWS = "reviews"
    DECIDE = "decide"
    ASSESSORS = "assessors"
    BADGES = "badges"
    SYNC = "sync"
    OBSERVE = "observe"
    COACHING = "coaching"


def place_title(key: PlaceKey) -> str:
    # One literal per title, so lupdate finds every one.
    translate = QCoreApplication.translate
    return {
        PlaceKey.CATALOG: translate("places", "Catalog"),
        PlaceKey.PLAN: translate("places", "Plan"),
        PlaceKey.EVIDENCE: translate("places", "Evidence"),
        PlaceKey.DRAFTS: translate("places", "Drafts"),
        PlaceKey.REVIEWS: translate("places", "Reviews"),
        PlaceKey.DECIDE: translate("places", "Decide"),
        PlaceKey.ASSESSORS: translate("places", "Assessors"),
        PlaceKey.BADGES: translate("places", "Badges"),
        PlaceKey.SYNC: translate("places", "Sync"),
        PlaceKey.OBSERVE: translate("places", "Observe"),
        PlaceKey.COACHING: translate("places", "Coaching"),
    }[key]


def role_label(role: Role) -> str:
    translate = QCoreApplication.translate
    return {
        Role.EARNER: translate("roles", "Teacher"),
        Role.COACH: translate("roles", "Coach"),
        Role.ASSESSOR: translate("roles", "Assessor"),
        Role.STAFF: translate("roles", "Issuer staff"),
    }.get(role, str(role))


class PlaceSpec(NamedTuple):
    # A NamedTuple, not a frozen dataclass: made in a fifth of the time, on the way to the
    # first window.
    key: PlaceKey
    # Untranslated (logs, tests); the sidebar shows translated_title().
    title: str
    # "module:Class" of the Place subclass, built with the job runner.
    factory: str
    # Built with the window (a place nearly everyone opens); the rest on first visit.
    eager: bool = False
    # Built as soon as the first screen is filled (before anyone visits it): a place whose
    # state the window shows elsewhere.
    after_first_screen: bool = False

    def translated_title(self) -> str:
        return place_title(self.key)

    def build(self, runner: JobRunner) -> Place:
        module_name, class_name = self.factory.split(":")
        place_class = getattr(importlib.import_module(module_name), class_name)
        page: Place = place_class(runner)
        return page


# In sidebar order. Each role shows some of them, so the order serves every role at once:
# Observe, Reviews, Decide, Assessors, Catalog, Plan, Evidence, Coaching, Drafts, Badges,
# Sync.
PLACES: dict[PlaceKey, PlaceSpec] = {spec.key: spec for spec in (
    PlaceSpec(PlaceKey.OBSERVE, "Observe", "mcdesk.ui.observe.page:ObservePage"),
    # Most people who open mcdesk are teachers; the review workspace is many widgets to build.
    PlaceSpec(PlaceKey.REVIEWS, "Reviews", "mcdesk.ui.reviews.page:ReviewsPage"),
    PlaceSpec(PlaceKey.DECIDE, "Decide", "mcdesk.ui.decide.page:DecidePage"),
    PlaceSpec(PlaceKey.ASSESSORS, "Assessors", "mcdesk.ui.assessors.page:AssessorsPage"),
    PlaceSpec(PlaceKey.CATALOG, "Catalog", "mcdesk.ui.catalog.page:CatalogPage", eager=True),
    PlaceSpec(PlaceKey.PLAN, "Plan", "mcdesk.ui.plan.page:PlanPage"),
    # Evidence and Drafts are built on first visit: the window paints sooner without them.
    PlaceSpec(PlaceKey.EVIDENCE, "Evidence", "mcdesk.ui.evidence.page:EvidencePage"),
    PlaceSpec(PlaceKey.COACHING, "Coaching", "mcdesk.ui.coaching.page:CoachingPage"),
    PlaceSpec(PlaceKey.DRAFTS, "Drafts", "mcdesk.ui.drafts.page:DraftsPage"),
    PlaceSpec(PlaceKey.BADGES, "Badges", "mcdesk.ui.badges.page:BadgesPage"),
    # The status bar shows Sync's state and Sync runs the timed pass, so it is built without
    # a visit; after the first screen, which it made about a fifth slower to come.
    PlaceSpec(PlaceKey.SYNC, "Sync", "mcdesk.ui.sync.page:SyncPage", after_first_screen=True),
)}


class RoleSpec(NamedTuple):
    role: Role
    # Untranslated (logs, tests); the role box shows translated_label().
    label: str
    # The places the role shows (in PLACES order in the sidebar).
    places: tuple[PlaceKey, ...]
    start: PlaceKey

    def translated_label(self) -> str:
        return role_label(self.role)


ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(Role.EARNER, "Teacher",
             (PlaceKey.CATALOG, PlaceKey.PLAN, PlaceKey.EVIDENCE, PlaceKey.DRAFTS,
              PlaceKey.BADGES, PlaceKey.SYNC),
             start=PlaceKey.DRAFTS),
    RoleSpec(Role.COACH, "Coach",
             (PlaceKey.OBSERVE, PlaceKey.EVIDENCE, PlaceKey.COACHING, PlaceKey.SYNC),
             start=PlaceKey.OBSERVE),
    RoleSpec(Role.ASSESSOR, "Assessor",
             (PlaceKey.REVIEWS, PlaceKey.CATALOG, PlaceKey.SYNC), start=PlaceKey.REVIEWS),
    RoleSpec(Role.STAFF, "Issuer staff",
             (PlaceKey.DECIDE, PlaceKey.ASSESSORS, PlaceKey.SYNC), start=PlaceKey.DECIDE),
)


def role_spec(role: Role) -> RoleSpec:
    return next((spec for spec in ROLES if spec.role is role), ROLES[0])
