from django.apps import AppConfig
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from meetings import signals

        post_save.connect(signals.participation_changed, sender="meetings.Participation")
        post_delete.connect(signals.participation_changed, sender="meetings.Participation")
        post_save.connect(signals.meeting_saved, sender="meetings.Meeting")
        pre_delete.connect(signals.meeting_deleting, sender="meetings.Meeting")
        pre_save.connect(signals.topic_saving, sender="meetings.Topic")
        pre_delete.connect(signals.topic_deleting, sender="meetings.Topic")
        m2m_changed.connect(signals.topics_changed, sender="meetings.Meeting_topics")
        post_migrate.connect(signals.ensure_editor_group, sender=self)
        # what a meeting's search text holds besides its own fields
        post_save.connect(signals.source_link_changed, sender="meetings.MeetingSource")
        post_delete.connect(signals.source_link_changed, sender="meetings.MeetingSource")
        for model in ("Official", "Venue", "Occasion", "Topic", "Source"):
            pre_save.connect(signals.shown_saving, sender=f"meetings.{model}")

        # what the public pages show besides meetings: a new data version on commit
        for model in (
            "Country",
            "Official",
            "Position",
            "Venue",
            "Occasion",
            "Topic",
            "Source",
            "MeetingSource",
        ):
            post_save.connect(signals.shown_changed, sender=f"meetings.{model}")
            post_delete.connect(signals.shown_changed, sender=f"meetings.{model}")
