"""What every writer refuses, worded once: the admin, the article intake, the importer and the
data files all ask these functions."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Q

from meetings.models import Meeting, lineage

NO_PARTICIPANT = "A meeting needs at least one participant."
NO_SOURCE = (
    "A published meeting needs at least one source: add the article or readout, or save it as "
    "a draft."
)
UNCHECKABLE_SOURCES = (
    "A published meeting needs a source a reader can check: give a source's URL, or mark it "
    "as a print or offline source whose citation says where to find it (the newspaper, its "
    "date and page), or save the meeting as a draft."
)
NO_URL_NOR_CITATION = "Give the source's URL, or a citation when it has none."
OFFLINE_WITH_URL = (
    "A print or offline source has no URL: clear the URL, or untick “print or offline source”."
)
OFFLINE_WITHOUT_CITATION = (
    "A print or offline source needs its citation: say where a reader finds it (the "
    "newspaper, its date and page; the press release and who issued it)."
)


def checkable(*, url: str, citation: str, offline: bool) -> bool:
    """Whether a reader can find the source: by its URL, or by the citation of a print one."""
    return bool(url) or (offline and bool(citation))


def checkable_sources(prefix: str = "") -> Q:
    """The condition of checkable(), for sources reached through prefix ("source__")."""
    return ~Q(**{f"{prefix}url": ""}) | (
        Q(**{f"{prefix}offline": True}) & ~Q(**{f"{prefix}citation": ""})
    )


def source_problem(*, url: str, citation: str, offline: bool) -> str | None:
    """Why a source cannot be recorded so."""
    if offline and url:
        return OFFLINE_WITH_URL
    if offline and not citation:
        return OFFLINE_WITHOUT_CITATION
    if not url and not citation:
        return NO_URL_NOR_CITATION
    return None


def meeting_problems(*, status: str, participants: int, sources: int, checkable: int) -> list[str]:
    """Why a meeting with this many participants and sources (checkable of them with a URL or
    a print citation) cannot be saved so."""
    problems = []
    if participants < 1:
        problems.append(NO_PARTICIPANT)
    if status == Meeting.Status.PUBLISHED:
        if sources < 1:
            problems.append(NO_SOURCE)
        elif checkable < 1:
            problems.append(UNCHECKABLE_SOURCES)
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
