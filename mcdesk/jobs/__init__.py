"""Background work for Qt: lanes, throttled progress, cancellation; drive it from the GUI thread."""

from mcdesk.jobs.runner import JobHandle, JobRunner, JobState, JobStatus, Lane, LaneKey, ServerLane

__all__ = ["JobHandle", "JobRunner", "JobState", "JobStatus", "Lane", "LaneKey", "ServerLane"]
