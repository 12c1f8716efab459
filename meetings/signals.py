"""Keeping derived data current, and the editors' group in place after every migrate."""

from django.contrib.auth.models import Group, Permission

from meetings.models import Meeting, Participation

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


def ensure_editor_group(sender, using="default", **kwargs) -> None:
    group, _ = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    codenames = [
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    ]
    perms = Permission.objects.using(using).filter(
        content_type__app_label="meetings", codename__in=codenames
    )
    group.permissions.set(perms)
