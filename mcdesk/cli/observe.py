"""`mcdesk observe new|note|list|align`: a coach's observation of a lesson from the command
line (notes stamped with the observation clock or a given moment, lining up with the video);
main thread."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from mcdesk.cli.output import dump_json
from mcdesk.core.units import clock

if TYPE_CHECKING:
    from mcdesk.core.coaching import Observation
    from mcdesk.services.workspace import Workspace


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser],
                 json_flag: argparse.ArgumentParser) -> None:
    observe = commands.add_parser("observe", help="observe a lesson (coach)")
    actions = observe.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", parents=[json_flag],
                             help="start observing: the observation clock starts now")
    new.add_argument("--teacher", required=True, metavar="NAME", help="whose lesson")
    new.add_argument("--mc", required=True, metavar="MC",
                     help="the micro-credential (id, its last part, or its name)")
    note = actions.add_parser("note", parents=[json_flag],
                              help="a note, stamped now on the observation clock (or --at)")
    note.add_argument("id", metavar="OBSERVATION")
    note.add_argument("text", metavar="TEXT")
    note.add_argument("--at", metavar="TIME", help="the moment on the observation clock, M:SS")
    note.add_argument("--criterion", metavar="C", help="the rubric criterion (id or name)")
    note.add_argument("--clip", nargs=2, metavar=("FROM", "TO"),
                      help="keep this stretch as a clip (observation clock, M:SS)")
    actions.add_parser("list", parents=[json_flag], help="observations and their notes")
    align = actions.add_parser("align", parents=[json_flag],
                               help="line the notes up with the lesson video")
    align.add_argument("id", metavar="OBSERVATION")
    align.add_argument("--video", required=True, metavar="EVIDENCE",
                       help="the lesson video (evidence id or title)")
    how = align.add_mutually_exclusive_group(required=True)
    how.add_argument("--metadata", action="store_true",
                     help="by the time the recording started, from its metadata")
    how.add_argument("--note", type=int, metavar="N",
                     help='by one match: note N happens at --at in the video')
    align.add_argument("--at", metavar="TIME", help="the moment of note N in the video, M:SS")
    align.add_argument("--make-clips", action="store_true",
                       help="make the clips marked during the lesson into trimmed evidence")


def handle(workspace: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mcdesk.cli.codes import EXIT_OK
    from mcdesk.cli.review import parse_time
    from mcdesk.core.errors import McdeskError
    from mcdesk.services.observations import pick_criterion

    observations = workspace.observations
    if args.action == "new":
        observation = observations.new(args.teacher, args.mc)
        if args.json:
            dump_json(_json(observation), out)
        else:
            print(f"Observing {observation.teacher} ({observation.mc_name}); "
                  f"observation {observation.id[:8]}. Look for:", file=out)
            for look_for in observation.look_fors:
                print(f"  {look_for.position}. {look_for.text}", file=out)
        return EXIT_OK
    if args.action == "list":
        found = observations.list()
        if args.json:
            dump_json([_json(o) for o in found], out)
        elif not found:
            print("No observations yet: start one with `mcdesk observe new`.", file=out)
        for observation in [] if args.json else found:
            _print(observation, out)
        return EXIT_OK
    observation = observations.resolve(args.id)
    if args.action == "note":
        criterion = None
        if args.criterion:
            criterion = pick_criterion(observations.rubric(observation), args.criterion).id
        at = parse_time(args.at) if args.at else None
        note = observations.note(observation.id, args.text, offset_ms=at,
                                 rubric_criterion_id=criterion)
        if args.clip:
            note = observations.clip(note.id, parse_time(args.clip[0]), parse_time(args.clip[1]))
        if args.json:
            dump_json(note, out)
        else:
            print(f"Note {note.number} at {clock(note.offset_ms / 1000)}.", file=out)
        return EXIT_OK
    video = workspace.evidence.resolve(args.video)
    if args.metadata:
        observation = observations.align_by_metadata(observation.id, video.id)
    else:
        if args.at is None:
            raise McdeskError("say where note N happens in the video: --at M:SS")
        observation = observations.align_by_note(observation.id, video.id, args.note,
                                                 parse_time(args.at))
    clips = observations.make_clips(observation.id) if args.make_clips else []
    if args.json:
        dump_json({**_json(observation), "clipsMade": [c.id for c in clips]}, out)
    else:
        _print(observation, out)
        for made in clips:
            print(f"Clip made: {made.title}", file=out)
    return EXIT_OK


def _json(observation: Observation) -> dict[str, object]:
    from mcdesk.cli.output import plain

    body: dict[str, object] = plain(observation)
    body["notes"] = [{**plain(n), "videoMs": observation.video_ms(n)}
                     for n in observation.notes]
    return body


def _print(observation: Observation, out: TextIO) -> None:
    aligned = f", lined up with the video by {observation.aligned_by}" \
        if observation.aligned_by else ""
    print(f"{observation.started_at:%Y-%m-%d %H:%M}  {observation.teacher}: "
          f"{observation.mc_name}  id {observation.id[:8]}{aligned}", file=out)
    for note in observation.notes:
        where = observation.video_ms(note)
        in_video = f" (video {clock(where / 1000)})" if where is not None else ""
        mark = " [two versions: choose one]" if note.choose_between else ""
        clip = " [clip]" if note.has_clip else ""
        print(f"  {note.number}. {clock(note.offset_ms / 1000)}{in_video}  {note.text}"
              f"{clip}{mark}", file=out)
