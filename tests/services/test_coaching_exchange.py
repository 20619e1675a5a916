"""Two portfolios, a coach's and a teacher's: the coach observes a lesson (notes at known
offsets), adds the lesson video (made here, with a creation time), lines the notes up by its
metadata and by one matched note, exports; the teacher imports twice (nothing duplicated),
edits a note, re-imports a newer bundle (both versions kept); every note lands within one
frame of its moment."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mcdesk.core.coaching import AlignedBy
from mcdesk.core.reviews import Anchor, Role
from mcdesk.services.workspace import Workspace
from tests.media_factory import make_video

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
FPS = 10
FRAME_MS = 1000 / FPS
LESSON_START = datetime(2026, 5, 3, 9, 0, 0, tzinfo=UTC)
CAMERA_EARLY_S = 7  # the camera was started 7 s before the coach's observation clock
NOTES = [(3_200, "Hands up: 14 of 26 before the first prompt"),
         (10_500, "Wait time ~2 s after the hinge question"),
         (15_000, "Exit ticket handed out")]


@pytest.fixture
def coach(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "coach", seed_demo=True)
    workspace.roles.switch(Role.COACH)
    workspace.roles.set_owner_name("Ana")
    workspace.coaching.set_portfolio_name("Ana's laptop")
    yield workspace
    workspace.close()


@pytest.fixture
def teacher(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "teacher", seed_demo=True)
    workspace.roles.set_owner_name("Sam")
    yield workspace
    workspace.close()


def lesson_video(folder: Path) -> Path:
    return make_video(folder / "lesson.mp4", seconds=25, width=160, height=120, fps=FPS,
                      with_audio=False, detail=False, preset="ultrafast",
                      creation_time=LESSON_START - timedelta(seconds=CAMERA_EARLY_S))


def observe(coach: Workspace) -> str:
    obs = coach.observations.new("Sam Rivera", "exit-tickets", started_at=LESSON_START)
    assert [lf.text for lf in obs.look_fors]  # the method components became look-fors
    for offset, text in NOTES:
        coach.observations.note(obs.id, text, offset_ms=offset)
    note2 = coach.observations.get(obs.id).note(2)
    rubric = coach.coaching.micro_credential_of(obs.achievement_id, obs.mc_version).rubric
    coach.observations.tag(note2.id, rubric[0].id)
    coach.observations.clip(note2.id, 9_000, 13_000)
    coach.observations.tick(obs.id, 1, at_ms=4_000)
    return obs.id


def test_notes_line_up_with_the_video_by_metadata_and_by_one_matched_note(
        coach: Workspace, tmp_path: Path) -> None:
    obs_id = observe(coach)
    report = coach.evidence.add_paths([lesson_video(tmp_path)])
    video = report.results[0].evidence
    assert video is not None and video.taken_at is not None
    coach.coaching.record_capture(video)

    aligned = coach.observations.align_by_metadata(obs_id, video.id)
    assert aligned.aligned_by is AlignedBy.METADATA
    for note, (offset, _text) in zip(aligned.notes, NOTES, strict=True):
        moment = offset + CAMERA_EARLY_S * 1000
        assert abs((aligned.video_ms(note) or 0) - moment) <= FRAME_MS
    comments = coach.observations.video_comments(aligned)
    assert [c.anchor.target for c in comments] == [video.id] * 3
    assert comments[1].anchor.end_ms is not None  # the clip is a range
    assert comments[0].text == NOTES[0][1]

    # By hand: the coach plays to where note 3 happens and says "this is note 3".
    manual = coach.observations.align_by_note(obs_id, video.id, 3,
                                              NOTES[2][0] + CAMERA_EARLY_S * 1000 + 40)
    assert manual.aligned_by is AlignedBy.MANUAL
    for note, (offset, _text) in zip(manual.notes, NOTES, strict=True):
        assert abs((manual.video_ms(note) or 0) - (offset + CAMERA_EARLY_S * 1000)) <= FRAME_MS

    clips = coach.observations.make_clips(obs_id)
    assert len(clips) == 1 and clips[0].source_id == video.id
    assert clips[0].media is not None and abs((clips[0].media.duration_s or 0) - 4.0) < 0.5
    assert coach.observations.make_clips(obs_id) == []  # made once
    provenance = coach.coaching.provenance(clips[0].id)
    assert provenance is not None and provenance.describe().startswith(
        "Captured by Ana (coach)") and provenance.describe().endswith("on Ana's laptop")


def test_the_teacher_imports_twice_edits_and_keeps_both_versions(
        coach: Workspace, teacher: Workspace, tmp_path: Path) -> None:
    obs_id = observe(coach)
    video = coach.evidence.add_paths([lesson_video(tmp_path)]).results[0].evidence
    assert video is not None
    coach.coaching.record_capture(video)
    coach.observations.align_by_metadata(obs_id, video.id)
    coach.observations.make_clips(obs_id)
    bundle = tmp_path / "lesson.mcexchange"
    exported = coach.exchange.export(bundle, observation_ids=[obs_id])
    assert exported.evidence == 2 and exported.notes == 3

    first = teacher.exchange.import_bundle(bundle)
    assert first.evidence_added == 2 and first.counts["notes new"] == 3
    again = teacher.exchange.import_bundle(bundle)
    assert again.evidence_added == 0 and again.evidence_already_here == 2
    assert len(teacher.evidence.all()) == 2 and len(teacher.observations.list()) == 1

    received = teacher.observations.get(obs_id)
    assert [n.text for n in received.notes] == [t for _o, t in NOTES]
    assert received.aligned_by is AlignedBy.METADATA
    for note, (offset, _text) in zip(received.notes, NOTES, strict=True):
        assert abs((received.video_ms(note) or 0) - (offset + CAMERA_EARLY_S * 1000)) <= FRAME_MS
    assert received.look_fors[0].seen
    here = teacher.evidence.get(received.video_evidence_id or "")
    provenance = teacher.coaching.provenance(here.id)
    assert provenance is not None and provenance.name == "Ana" and provenance.role is Role.COACH
    assert provenance.portfolio_id == coach.coaching.identity().portfolio_id

    # The coach fixes note 1 (the teacher has not touched it): a plain update on the other side.
    note1 = coach.observations.get(obs_id).note(1)
    coach.observations.edit(note1.id, "Hands up: 15 of 26 before the first prompt")
    # Both edit note 2 apart: both versions are kept, the teacher chooses.
    note2 = coach.observations.get(obs_id).note(2)
    coach.observations.edit(note2.id, "Wait time about 2 s (coach)")
    teacher.observations.edit(note2.id, "Wait time felt longer to me (teacher)")
    newer = tmp_path / "lesson-2.mcexchange"
    coach.exchange.export(newer, observation_ids=[obs_id])
    third = teacher.exchange.import_bundle(newer)
    assert third.counts.get("notes updated") == 1 and third.counts.get("notes two versions") == 1
    after = teacher.observations.get(obs_id)
    assert after.note(1).text.startswith("Hands up: 15")
    two = after.note(2)
    assert two.text == "Wait time felt longer to me (teacher)"  # nothing overwritten
    texts = {v.id: v.text for v in two.versions}
    assert sorted(texts[v] for v in two.choose_between) == [
        "Wait time about 2 s (coach)", "Wait time felt longer to me (teacher)"]
    assert third.notes_to_choose == (two.id,)
    coach_version = next(v for v in two.choose_between if "coach" in texts[v])
    chosen = teacher.observations.choose(two.id, coach_version)
    assert chosen.text == "Wait time about 2 s (coach)" and chosen.choose_between == ()
    assert len(teacher.evidence.all()) == 2


def test_a_draft_goes_to_the_coach_and_the_feedback_comes_back(
        coach: Workspace, teacher: Workspace, tmp_path: Path) -> None:
    video = teacher.evidence.add_paths([lesson_video(tmp_path)]).results[0].evidence
    assert video is not None
    draft = teacher.drafts.new("exit-tickets")
    teacher.drafts.attach(draft.id, "p2-video", video.id)
    teacher.drafts.write_answer(draft.id, "p1-context", "Fourth grade, 26 students.")
    out = tmp_path / "for-coach.mcexchange"
    teacher.exchange.export(out, draft_id=draft.id)

    coach.exchange.import_bundle(out)
    (coached,) = coach.coaching.coached_drafts()
    assert coached.id == draft.id and coached.owner == "Sam"
    assert coached.answers == (("p1-context", "Fourth grade, 26 students."),)
    target = coached.items[0].evidence_id
    mc = coach.coaching.micro_credential_of(coached.achievement_id, coached.mc_version)
    coach.coaching.comment(draft.id, Anchor(target, start_ms=2_000, end_ms=6_000),
                           "This stretch shows the hinge question well: keep it as a clip.")
    caption = coach.coaching.comment(draft.id, Anchor(target, start_ms=1_000),
                                     "Say what we see here.",
                                     suggested_caption="Minute 0: the hinge question",
                                     suggested_criterion_id="p2-video")
    coach.coaching.score(draft.id, mc.rubric[0].id, mc.rubric[0].levels[-1].id, "Nearly there")
    back = tmp_path / "from-coach.mcexchange"
    report = coach.exchange.export(back, draft_id=draft.id)
    assert report.comments == 2 and report.practice_scores == 1 and report.evidence == 0

    teacher.exchange.import_bundle(back)
    teacher.exchange.import_bundle(back)
    comments = teacher.coaching.comments(draft.id)
    assert len(comments) == 2 and comments[0].provenance is not None
    assert comments[0].provenance.name == "Ana"
    assert [s.level_id for s in teacher.coaching.scores(draft.id)] == [mc.rubric[0].levels[-1].id]
    assert teacher.coaching.coached_drafts() == []  # the teacher's own draft is never replaced

    teacher.coaching.accept(caption.id)
    attachments = teacher.drafts.get(draft.id).attachments
    assert attachments[0].caption == "Minute 0: the hinge question"
    clip_comment = next(c for c in comments if c.suggests_clip)
    teacher.coaching.accept(clip_comment.id)
    attached = [a.evidence_id for a in teacher.drafts.get(draft.id).attachments]
    assert len(attached) == 2
    clip = teacher.evidence.get(attached[1])
    assert clip.source_id == video.id and clip.media is not None
    assert abs((clip.media.duration_s or 0) - 4.0) < 0.5
    assert all(c.accepted_at is not None for c in teacher.coaching.comments(draft.id))


def test_coaching_feedback_is_never_inside_a_submission_package(
        coach: Workspace, teacher: Workspace, tmp_path: Path) -> None:
    from tests.package_helpers import item, snapshot

    video = teacher.evidence.add_paths([lesson_video(tmp_path)]).results[0].evidence
    assert video is not None
    draft = teacher.drafts.new("exit-tickets")
    teacher.drafts.attach(draft.id, "p2-video", video.id)
    teacher.exchange.export(tmp_path / "d.mcexchange", draft_id=draft.id)
    coach.exchange.import_bundle(tmp_path / "d.mcexchange")
    secret = "COACH-ONLY-7f3a practice feedback"
    coach.coaching.comment(draft.id, Anchor(video.id, start_ms=1_000), secret)
    mc = coach.coaching.micro_credential_of(EXIT_TICKETS, draft.mc_version)
    coach.coaching.score(draft.id, mc.rubric[0].id, mc.rubric[0].levels[0].id, secret)
    coach.exchange.export(tmp_path / "back.mcexchange", draft_id=draft.id)
    teacher.exchange.import_bundle(tmp_path / "back.mcexchange")
    assert teacher.coaching.comments(draft.id)

    built = [teacher.packages.build(teacher.drafts.snapshot(draft.id), tmp_path / "real.zip",
                                    keep_copy=False).saved_to,
             teacher.packages.build(snapshot([item(teacher, "p2-video", 0, video)]),
                                    tmp_path / "helper.zip", keep_copy=False).saved_to]
    comment_ids = [c.id.encode() for c in teacher.coaching.comments(draft.id)]
    for package in built:
        with zipfile.ZipFile(package) as opened:
            for info in opened.infolist():
                data = opened.read(info)
                assert b"COACH-ONLY" not in data, info.filename
                assert not any(cid in data for cid in comment_ids), info.filename
                if info.filename.endswith(".json"):
                    text = json.dumps(json.loads(data)).lower()
                    assert "practice" not in text and "coach" not in text, info.filename


def test_provenance_of_what_a_coach_captured_is_written_into_the_package(
        coach: Workspace, teacher: Workspace, tmp_path: Path) -> None:
    video = coach.evidence.add_paths([lesson_video(tmp_path)]).results[0].evidence
    assert video is not None
    coach.coaching.record_capture(video)
    coach.exchange.export(tmp_path / "v.mcexchange", evidence_ids=[video.id])
    teacher.exchange.import_bundle(tmp_path / "v.mcexchange")
    (here,) = teacher.evidence.all()
    assert here.provenance is not None
    day = here.provenance.at
    assert here.provenance.describe() == (
        f"Captured by Ana (coach), {day.day} {day:%B}, on Ana's laptop")
    draft = teacher.drafts.new("exit-tickets")
    teacher.drafts.attach(draft.id, "p2-video", here.id)
    built = teacher.packages.build(teacher.drafts.snapshot(draft.id), tmp_path / "p.zip",
                                   keep_copy=False).saved_to
    assert teacher.packages.verify(built).valid
    with zipfile.ZipFile(built) as opened:
        name = next(n for n in opened.namelist() if n.endswith("data/submission.json"))
        metadata = json.loads(opened.read(name))
    (entry,) = [e for e in metadata["evidence"] if e["criterion"] == "p2-video"]
    captured = entry["provenance"]["capturedBy"]
    assert captured["role"] == "coach" and captured["name"] == "Ana"
    assert captured["portfolioId"] == coach.coaching.identity().portfolio_id
