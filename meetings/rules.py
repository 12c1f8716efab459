"""What every writer refuses, worded once: the admin, the article intake, the importer and the
data files all ask these functions."""

from __future__ import annotations

from collections.abc import Mapping

from meetings.models import Meeting, lineage

NO_PARTICIPANT = "A meeting needs at least one participant."
NO_SOURCE = (
    "A published meeting needs at least one source: add the article or readout, or save it as "
    "a draft."
)


def meeting_problems(*, status: str, participants: int, sources: int) -> list[str]:
    """Why a meeting with this many participants and sources cannot be saved so."""
    problems = []
    if participants < 1:
        problems.append(NO_PARTICIPANT)
    if status == Meeting.Status.PUBLISHED and sources < 1:
        problems.append(NO_SOURCE)
    return problems


def parent_problem(
    topic: int | None, parent: int | None, parents: Mapping[int, int | None]
) -> str | None:
    """Why parent cannot be the topic's parent: it is the topic or one of the topics below it.
    parents maps each topic to its parent as stored (the walk ends even on a stored cycle)."""
    if parent is None:
        return None
    if topic is not None and topic in lineage(parent, parents):
        return "A topic cannot sit under itself or one of its subtopics."
    return None
