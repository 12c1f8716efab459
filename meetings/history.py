"""The change history: the admin's LogEntry rows, written for every save, not only the admin's.

The admin's own forms record their additions, changes and deletions themselves. The article
intake, the publish and unpublish actions and the imports record theirs here, inside the
transaction that makes the change, so that a change and its record are kept or lost together.
Each entry says who (an account) and when; the admin shows an object's entries on its History
page and every entry under Administration → Change history.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models

__all__ = ["ADDITION", "CHANGE", "DELETION", "record", "record_run", "command_user"]

# The account a command's changes are recorded under when no --user is given: inactive, with
# no password, so nobody signs in with it.
COMMAND_ACCOUNT = "commands"


def record(user: AbstractBaseUser | None, entries: Iterable[tuple[models.Model, int, str]]) -> None:
    """One entry per (object, ADDITION | CHANGE | DELETION, message), in one query. Nothing is
    recorded without a user (a change made from the shell or a test's own setup)."""
    if user is None or user.pk is None:
        return
    rows = [
        LogEntry(
            user_id=user.pk,
            content_type_id=ContentType.objects.get_for_model(obj, for_concrete_model=False).pk,
            object_id=str(obj.pk),
            object_repr=str(obj)[:200],
            action_flag=flag,
            change_message=message,
        )
        for obj, flag, message in entries
    ]
    if rows:
        LogEntry.objects.bulk_create(rows)


def record_run(user: AbstractBaseUser, model: type[models.Model], what: str, message: str) -> None:
    """An entry for a command's run over many rows of model (an import): what it read, and
    what it did."""
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(model),
        object_id=None,
        object_repr=what[:200],
        action_flag=CHANGE,
        change_message=message,
    )


def command_user(username: str | None = None) -> AbstractBaseUser:
    """The account a command's run is recorded under: the one named (LookupError if there is
    none), or the commands account (created, inactive and without a password, the first
    time)."""
    User = get_user_model()
    if username:
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise LookupError(f"No account is called {username!r}.")
        return user
    user, created = User.objects.get_or_create(
        **{User.USERNAME_FIELD: COMMAND_ACCOUNT}, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
