"""Keeping derived data current, and the editors' group in place after every migrate."""

from django.contrib.auth.models import Group, Permission

from meetings import derived
from meetings.models import Meeting, MeetingSource, Participation, Topic

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
    "topic": ["add", "change", "view"],
    "country": ["view"],
    "historyentry": ["view"],  # the change history
}


# Each handler records which meetings changed; meetings.derived refreshes them once, at the end
# of the transaction. Only a meeting's deletion is counted at once (see derived.retire).


def meeting_saved(sender, instance: Meeting, raw=False, using="default", **kwargs) -> None:
    derived.touch([instance.pk], using)


def meeting_deleting(sender, instance: Meeting, using="default", **kwargs) -> None:
    derived.retire([instance.pk], using)


def participation_changed(sender, instance: Participation, using="default", **kwargs) -> None:
    derived.touch([instance.meeting_id], using)


def shown_changed(sender, using="default", **kwargs) -> None:
    """An official, venue, topic, source... that pages show was saved or deleted."""
    derived.changed(using)


def topics_changed(sender, instance, action, reverse, pk_set, using="default", **kwargs) -> None:
    """meeting.topics.set(...), or topic.meetings.add(...) and the like."""
    if not reverse:
        if action.startswith("post_"):
            derived.touch([instance.pk], using)
    elif action == "pre_clear":
        derived.touch(instance.meetings.values_list("pk", flat=True), using)
    elif action.startswith("post_"):
        derived.touch(pk_set or (), using)


def topic_saving(sender, instance: Topic, raw=False, using="default", **kwargs) -> None:
    """A topic moved under another: its meetings, and those below it, count there now."""
    if instance.pk is None:
        return
    before = Topic.objects.using(using).filter(pk=instance.pk).values_list("parent_id").first()
    if before is not None and before[0] != instance.parent_id:
        derived.touch(on_topics(instance.subtree(), using), using)


def topic_deleting(sender, instance: Topic, using="default", **kwargs) -> None:
    """The many-to-many cascade sends no m2m_changed: its meetings lose it (and what is above)."""
    derived.touch(on_topics([instance.pk], using), using)


def on_topics(topics, using: str) -> list[int]:
    return list(
        Meeting.topics.through.objects.using(using)
        .filter(topic_id__in=list(topics))
        .values_list("meeting_id", flat=True)
        .distinct()
    )


def source_link_changed(sender, instance: MeetingSource, using="default", **kwargs) -> None:
    """A source cited (its quote) or no longer cited: the meeting's search text follows."""
    derived.touch([instance.meeting_id], using)


# The fields of what meetings point to that their derived rows hold: the search text (names,
# aliases, titles) and the export record (what the CSV and JSON write of each).
SHOWN = {
    "official": ("name", "aliases"),
    "venue": ("name", "slug", "country_id"),
    "occasion": ("name", "slug"),
    "topic": ("name", "slug", "aliases"),
    "source": ("title", "url", "citation", "publisher", "published_on"),
}


def shown_saving(sender, instance, raw=False, using="default", **kwargs) -> None:
    """An official, venue, occasion, topic or source renamed (or its address, or a source's
    citation, changed): its meetings' derived rows are written again (only when a field they
    hold changed: an official may have thousands)."""
    if instance.pk is None or raw:
        return
    name = sender._meta.model_name
    fields = SHOWN[name]
    before = sender.objects.using(using).filter(pk=instance.pk).values_list(*fields).first()
    if before is not None and before != tuple(getattr(instance, f) for f in fields):
        derived.touch(derived.naming(name, [instance.pk], using), using)


def ensure_editor_group(sender, using="default", **kwargs) -> None:
    group, _ = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    codenames = [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    ]
    perms = Permission.objects.using(using).filter(
        content_type__app_label="meetings", codename__in=codenames
    )
    group.permissions.set(perms)
