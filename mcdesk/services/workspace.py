"""Opens a portfolio and hands out the services over it; worker thread (opening migrates)."""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.resource_files import resource_path
from mcdesk.storage.portfolio import Portfolio

if TYPE_CHECKING:
    from mcdesk.core.check import CheckReport
    from mcdesk.core.packages import BuiltPackage
    from mcdesk.core.sync_counts import SyncCounts
    from mcdesk.services.badges import BadgeService
    from mcdesk.services.catalog import CatalogService
    from mcdesk.services.coaching import CoachingService
    from mcdesk.services.drafts import DraftService
    from mcdesk.services.evidence import EvidenceService
    from mcdesk.services.exchange import ExchangeService
    from mcdesk.services.feedback import ReceivedFeedback
    from mcdesk.services.observations import ObservationService
    from mcdesk.services.packages import PackageService
    from mcdesk.services.plan import PlanService
    from mcdesk.services.review_files import ReviewFileService
    from mcdesk.services.review_outbox import ReviewOutbox
    from mcdesk.services.reviews import ReviewService
    from mcdesk.services.roles import RoleService
    from mcdesk.services.staff import StaffService
    from mcdesk.services.study import StudyService
    from mcdesk.services.sync import SyncService

log = logging.getLogger(__name__)
DEMO_CATALOG = "demo_catalog.json"


class Workspace:
    """An open portfolio with its services. Thread-safe: every call opens its own session."""

    def __init__(self, portfolio: Portfolio) -> None:
        self._portfolio = portfolio
        self._catalog: CatalogService | None = None
        self._catalog_lock = threading.Lock()
        self._evidence: EvidenceService | None = None
        self._evidence_lock = threading.Lock()
        self._drafts: DraftService | None = None
        self._drafts_lock = threading.Lock()
        self._packages: PackageService | None = None
        self._packages_lock = threading.Lock()
        self._sync: SyncService | None = None
        self._sync_lock = threading.Lock()
        self._reviews: ReviewService | None = None
        self._review_files: ReviewFileService | None = None
        self._review_outbox: ReviewOutbox | None = None
        self._feedback: ReceivedFeedback | None = None
        self._reviews_lock = threading.Lock()
        self._roles: RoleService | None = None
        self._roles_lock = threading.Lock()
        self._badges: BadgeService | None = None
        self._badges_lock = threading.Lock()
        self._coaching_lock = threading.Lock()
        self._coaching: CoachingService | None = None
        self._observations: ObservationService | None = None
        self._exchange: ExchangeService | None = None
        self._staff: StaffService | None = None
        self._staff_lock = threading.Lock()
        self._plan: PlanService | None = None
        self._plan_lock = threading.Lock()
        self._study: StudyService | None = None
        self._study_lock = threading.Lock()
        self.seeded_demo = False

    @property
    def catalog(self) -> CatalogService:
        """The catalog service, made on first use (importing a file never needs it)."""
        with self._catalog_lock:
            if self._catalog is None:
                from mcdesk.services.catalog import CatalogService

                self._catalog = CatalogService(self._portfolio)
            return self._catalog

    def plan_may_remind(self, today: date) -> bool:
        """Whether a plan entry's target date is near or past (read without the plan's
        services, which would load SQLAlchemy and the badge verifier to say there is
        nothing to remind of)."""
        from mcdesk.core.plan import REMIND_DAYS_KEY, may_remind, remind_days_of

        return may_remind(self._portfolio.earliest_plan_target(), today,
                          remind_days_of(self._portfolio.meta(REMIND_DAYS_KEY)))

    def sync_counts(self) -> SyncCounts:
        """Servers, outbox items and reviews waiting for a server, counted without the sync
        service (the status bar's line before the Sync place is opened)."""
        return self._portfolio.sync_counts()

    @property
    def study(self) -> StudyService:
        """Resource and exemplar files: where each is, the budget, fetching (first use)."""
        with self._study_lock:
            if self._study is None:
                from mcdesk.services.study import StudyService

                self._study = StudyService(self._portfolio, self.catalog, lambda: self.sync)
            return self._study

    @property
    def evidence(self) -> EvidenceService:
        """The evidence service, made on first use: its store loads SQLAlchemy, which opening
        the window and reading the catalog do without."""
        with self._evidence_lock:
            if self._evidence is None:
                from mcdesk.services.evidence import EvidenceService

                self._evidence = EvidenceService(self._portfolio)
            return self._evidence

    @property
    def drafts(self) -> DraftService:
        """The drafts service, made on first use (like `evidence`, it loads SQLAlchemy)."""
        evidence = self.evidence
        with self._drafts_lock:
            if self._drafts is None:
                from mcdesk.services.drafts import DraftService

                self._drafts = DraftService(self._portfolio, self.catalog, evidence)
            return self._drafts

    @property
    def packages(self) -> PackageService:
        """The packages service (build, verify, open received packages), made on first use."""
        with self._packages_lock:
            if self._packages is None:
                from mcdesk.services.packages import PackageService

                self._packages = PackageService(self._portfolio)
            return self._packages

    @property
    def sync(self) -> SyncService:
        """Server profiles, the outbox and sync passes, made on first use (it loads requests
        and SQLAlchemy)."""
        drafts = self.drafts
        packages = self.packages
        review_outbox = self.review_outbox
        feedback = self.feedback
        roles = self.roles
        badges = self.badges
        with self._sync_lock:
            if self._sync is None:
                from mcdesk.services.sync import SyncService

                self._sync = SyncService(self._portfolio, drafts, packages, self.catalog,
                                         reviews=review_outbox, feedback=feedback,
                                         roles=roles, badges=badges, staff=self.staff)
            return self._sync

    @property
    def staff(self) -> StaffService:
        """The issuer staff's offline copy and decision queue, made on first use (it loads
        SQLAlchemy)."""
        packages = self.packages
        with self._staff_lock:
            if self._staff is None:
                from mcdesk.services.staff import StaffService

                self._staff = StaffService(self._portfolio, packages)
            return self._staff

    @property
    def badges(self) -> BadgeService:
        """Earned credentials, stacks and recognition, made on first use (it loads
        SQLAlchemy)."""
        drafts = self.drafts
        with self._badges_lock:
            if self._badges is None:
                from mcdesk.services.badges import BadgeService

                self._badges = BadgeService(self._portfolio, self.catalog, drafts)
            return self._badges

    @property
    def plan(self) -> PlanService:
        """The teacher's plan (targets, states, hours, reminders), made on first use."""
        drafts, badges = self.drafts, self.badges
        with self._plan_lock:
            if self._plan is None:
                from mcdesk.services.plan import PlanService

                self._plan = PlanService(self._portfolio, self.catalog, drafts, badges)
            return self._plan

    @property
    def reviews(self) -> ReviewService:
        """An assessor's reviews (the queue, scores, comments, finishing), made on first use
        (it loads SQLAlchemy)."""
        packages = self.packages
        with self._reviews_lock:
            if self._reviews is None:
                from mcdesk.services.reviews import ReviewService

                self._reviews = ReviewService(self._portfolio, self.catalog, packages)
            return self._reviews

    @property
    def review_files(self) -> ReviewFileService:
        """Review files carried by hand: an assessor's export, the earner's import."""
        reviews = self.reviews
        with self._reviews_lock:
            if self._review_files is None:
                from mcdesk.services.review_files import ReviewFileService

                self._review_files = ReviewFileService(self._portfolio, reviews)
            return self._review_files

    @property
    def review_outbox(self) -> ReviewOutbox:
        """Reviews on a server: assignments, downloads, finished reviews waiting to go."""
        reviews = self.reviews
        with self._reviews_lock:
            if self._review_outbox is None:
                from mcdesk.services.review_outbox import ReviewOutbox

                self._review_outbox = ReviewOutbox(self._portfolio, reviews)
            return self._review_outbox

    @property
    def feedback(self) -> ReceivedFeedback:
        """The comments assessors meant for the teacher, per draft."""
        with self._reviews_lock:
            if self._feedback is None:
                from mcdesk.services.feedback import ReceivedFeedback

                self._feedback = ReceivedFeedback(self._portfolio)
            return self._feedback

    @property
    def roles(self) -> RoleService:
        """The roles this portfolio is used in and the current one (read without
        SQLAlchemy)."""
        with self._roles_lock:
            if self._roles is None:
                from mcdesk.services.roles import RoleService

                self._roles = RoleService(self._portfolio)
            return self._roles

    @property
    def coaching(self) -> CoachingService:
        """Identity, provenance, a coach's comments and practice scores (first use)."""
        roles, evidence, drafts = self.roles, self.evidence, self.drafts
        with self._coaching_lock:
            if self._coaching is None:
                from mcdesk.services.coaching import CoachingService

                self._coaching = CoachingService(self._portfolio, self.catalog, roles, evidence,
                                                 drafts)
            return self._coaching

    @property
    def observations(self) -> ObservationService:
        """Observed lessons: notes, look-fors, clips, lining up with the video."""
        coaching, evidence = self.coaching, self.evidence
        with self._coaching_lock:
            if self._observations is None:
                from mcdesk.services.observations import ObservationService

                self._observations = ObservationService(coaching, self.catalog, evidence)
            return self._observations

    @property
    def exchange(self) -> ExchangeService:
        """Exchange bundles between a coach's and a teacher's portfolios."""
        coaching, observations = self.coaching, self.observations
        evidence, drafts = self.evidence, self.drafts
        with self._coaching_lock:
            if self._exchange is None:
                from mcdesk.services.exchange import ExchangeService

                self._exchange = ExchangeService(self._portfolio, coaching, observations,
                                                 evidence, drafts)
            return self._exchange

    @classmethod
    def open(cls, root: Path, *, create: bool = True, seed_demo: bool = False) -> Workspace:
        """Open (creating if asked) the portfolio at `root`; a new one gets the demo catalog
        when `seed_demo` is set."""
        workspace = cls(Portfolio.open(root, create=create))
        if workspace._portfolio.created:
            workspace.evidence.mark_pictures_current()
        if seed_demo and workspace._portfolio.created:
            workspace.seed_demo()
        workspace._adopt_old_credentials()
        return workspace

    def _adopt_old_credentials(self) -> None:
        """Credentials an older mcdesk's sync kept only as files in credentials/ join the
        store once (checked cheaply: most portfolios never had that folder)."""
        from mcdesk.core.legacy_credentials import LEGACY_DIR, LEGACY_DONE_KEY

        if not (self.root / LEGACY_DIR).is_dir() or self._portfolio.meta(LEGACY_DONE_KEY):
            return
        adopted = self.badges.import_legacy_folder()
        log.info("%d credentials from the credentials folder joined the portfolio", adopted)

    @property
    def root(self) -> Path:
        return self._portfolio.layout.root

    @property
    def was_created(self) -> bool:
        return self._portfolio.created

    def seed_demo(self) -> None:
        """Fill a new portfolio with the demo catalog so a newcomer sees real content."""
        text = resource_path(DEMO_CATALOG).read_text("utf-8")
        self.catalog.import_text(text, DEMO_CATALOG)
        self.seeded_demo = True

    def build_package(self, draft_id: str, dest: Path,
                      control: JobControl = NULL_CONTROL) -> BuiltPackage:
        """Build a ready draft's package at `dest` and mark the draft packaged (the window and
        the CLI both); raises DraftNotReadyError, listing what to fix, when it is not ready."""
        from mcdesk.core.drafts import DraftNotReadyError, DraftStatus

        drafts = self.drafts
        readiness = drafts.check(draft_id)
        if not readiness.ready:
            raise DraftNotReadyError(readiness)
        built = self.packages.build(drafts.snapshot(draft_id), dest, control)
        if drafts.get(draft_id).status is DraftStatus.DRAFT:
            drafts.set_status(draft_id, DraftStatus.PACKAGED)
        return built

    def check(self, *, repair: bool = False, control: JobControl = NULL_CONTROL) -> CheckReport:
        from mcdesk.storage.check import check_portfolio  # loads SQLAlchemy: only when asked

        return check_portfolio(self._portfolio, repair=repair, control=control)

    def backup_if_due(self) -> Path | None:
        made = self._portfolio.backup_if_due()
        if made is not None:
            log.info("Scheduled backup written to %s", made)
        return made

    def close(self) -> None:
        self._portfolio.close()
