"""Keeping derived data current, and the editors' group in place after every migrate."""

from django.contrib.auth.models import Group, Permission

from meetings import index
from meetings.models import Issue, Meeting, Participation

EDITOR_GROUP = "Editors"

# Editors enter and correct meetings and what they point to; they never delete countries,
# topics or users, and never touch accounts.
EDITOR_PERMISSIONS = {
    "meeting": ["add", "change", "delete", "view"],
    "participation": ["add", "change", "delete", "view"],
    "meetingsource": ["add", "change", "delete", "view"],
    "source": ["add", "change", "view"],
    "official": ["add", "change", "view"],
    "position": ["add", "change", "delete", "view"],
    "venue": ["add", "change", "view"],
    "occasion": ["add", "change", "view"],
    "issue": ["add", "change", "view"],
    "country": ["view"],
}


def participation_changed(sender, instance: Participation, **kwargs) -> None:
    meeting = Meeting.objects.filter(pk=instance.meeting_id).first()
    if meeting is not None:
        meeting.sync_countries()
        index.reindex([meeting.pk])


def meeting_saved(sender, instance: Meeting, raw=False, **kwargs) -> None:
    if not raw:
        index.reindex([instance.pk])


def meeting_deleting(sender, instance: Meeting, **kwargs) -> None:
    index.reindex([instance.pk], deleting=True)


def meeting_deleted(sender, instance: Meeting, **kwargs) -> None:
    index.gone(instance.pk)


def topics_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not reverse:
        if action.startswith("post_"):
            index.reindex([instance.pk])
        return
    # issue.meetings.add(...) and the like: the meetings named, or all of them on a clear
    if action == "pre_clear":
        instance._cleared_meetings = list(instance.meetings.values_list("pk", flat=True))
    elif action == "post_clear":
        index.reindex(getattr(instance, "_cleared_meetings", []))
    elif action.startswith("post_"):
        index.reindex(pk_set or [])


def topic_saving(sender, instance: Issue, raw=False, **kwargs) -> None:
    if instance.pk and not raw:
        instance._parent_before = (
            Issue.objects.filter(pk=instance.pk).values_list("parent_id", flat=True).first()
        )


def topic_saved(sender, instance: Issue, created: bool, raw=False, **kwargs) -> None:
    """A topic moved under another: its meetings now count under the new parent too."""
    if raw or created or getattr(instance, "_parent_before", None) == instance.parent_id:
        return
    below = [instance.pk]
    for _ in range(10):
        more = set(Issue.objects.filter(parent_id__in=below).values_list("pk", flat=True))
        if more <= set(below):
            break
        below = sorted(set(below) | more)
    ids = Meeting.issues.through.objects.filter(issue_id__in=below).values_list(
        "meeting_id", flat=True
    )
    index.reindex(ids)


def ensure_editor_group(sender, using="default", **kwargs) -> None:
    group, _ = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    codenames = [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    ]
    perms = Permission.objects.using(using).filter(
        content_type__app_label="meetings", codename__in=codenames
    )
    group.permissions.set(perms)
