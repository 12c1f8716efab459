from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from meetings import signals

        post_save.connect(signals.participation_changed, sender="meetings.Participation")
        post_delete.connect(signals.participation_changed, sender="meetings.Participation")
        post_migrate.connect(signals.ensure_editor_group, sender=self)
