"""An IdentificationStage like authentik's, with the flows that use it."""
import uuid

from django.db import models


class Flow(models.Model):
    """A flow, in the short form authentik embeds in a stage's flow_set."""

    flow_uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField()
    slug = models.SlugField(max_length=50, unique=True)
    title = models.TextField()
    designation = models.CharField(
        max_length=100,
        choices=[
            ("authentication", "Authentication"),
            ("authorization", "Authorization"),
            ("invalidation", "Invalidation"),
            ("enrollment", "Enrollment"),
            ("unenrollment", "Unenrollment"),
            ("recovery", "Recovery"),
            ("stage_configuration", "Stage Configuration"),
        ],
    )
    policy_engine_mode = models.TextField(choices=[("all", "all"), ("any", "any")], default="any")
    compatibility_mode = models.BooleanField(default=False)
    layout = models.TextField(
        choices=[
            ("stacked", "Stacked"),
            ("content_left", "Content Left"),
            ("content_right", "Content Right"),
            ("sidebar_left", "Sidebar Left"),
            ("sidebar_right", "Sidebar Right"),
        ],
        default="stacked",
    )
    denied_action = models.TextField(
        choices=[
            ("message_continue", "Message Continue"),
            ("message", "Message"),
            ("continue", "Continue"),
        ],
        default="message_continue",
    )


class IdentificationStage(models.Model):
    """Asks who the user is; the list operation under test pages, filters, orders and searches these."""

    stage_uuid = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField(unique=True)
    flows = models.ManyToManyField(Flow, related_name="stages", blank=True)
    user_fields = models.JSONField(default=list)
    password_stage = models.UUIDField(null=True, blank=True)
    captcha_stage = models.UUIDField(null=True, blank=True)
    case_insensitive_matching = models.BooleanField(default=True)
    show_matched_user = models.BooleanField(default=True)
    enrollment_flow = models.UUIDField(null=True, blank=True)
    recovery_flow = models.UUIDField(null=True, blank=True)
    passwordless_flow = models.UUIDField(null=True, blank=True)
    sources = models.JSONField(default=list)
    show_source_labels = models.BooleanField(default=False)
    pretend_user_exists = models.BooleanField(default=True)
    enable_remember_me = models.BooleanField(default=False)
