"""The wire form of a stage, field for field what spec/identification.yaml documents."""
from rest_framework import serializers

from .models import Flow, IdentificationStage

USER_FIELDS = ["email", "username", "upn"]


class FlowSetSerializer(serializers.ModelSerializer):
    """A flow using the stage, in short form."""

    pk = serializers.UUIDField(source="flow_uuid", read_only=True)
    policybindingmodel_ptr_id = serializers.UUIDField(source="flow_uuid", read_only=True)
    background = serializers.SerializerMethodField()
    export_url = serializers.SerializerMethodField()

    def get_background(self, flow: Flow) -> str:
        return "/static/dist/assets/images/flow_background.jpg"

    def get_export_url(self, flow: Flow) -> str:
        return f"/api/v3/flows/instances/{flow.slug}/export/"

    class Meta:
        model = Flow
        fields = [
            "pk",
            "policybindingmodel_ptr_id",
            "name",
            "slug",
            "title",
            "designation",
            "background",
            "policy_engine_mode",
            "compatibility_mode",
            "export_url",
            "layout",
            "denied_action",
        ]


class IdentificationStageSerializer(serializers.ModelSerializer):
    """An identification stage with the read-only descriptors authentik adds to every stage."""

    pk = serializers.UUIDField(source="stage_uuid", read_only=True)
    component = serializers.SerializerMethodField()
    verbose_name = serializers.SerializerMethodField()
    verbose_name_plural = serializers.SerializerMethodField()
    meta_model_name = serializers.SerializerMethodField()
    flow_set = FlowSetSerializer(source="flows", many=True, read_only=True)
    user_fields = serializers.ListField(child=serializers.ChoiceField(choices=USER_FIELDS), required=False)
    sources = serializers.ListField(child=serializers.UUIDField(), required=False)

    def get_component(self, stage: IdentificationStage) -> str:
        return "ak-stage-identification-form"

    def get_verbose_name(self, stage: IdentificationStage) -> str:
        return "Identification Stage"

    def get_verbose_name_plural(self, stage: IdentificationStage) -> str:
        return "Identification Stages"

    def get_meta_model_name(self, stage: IdentificationStage) -> str:
        return "authentik_stages_identification.identificationstage"

    class Meta:
        model = IdentificationStage
        fields = [
            "pk",
            "name",
            "component",
            "verbose_name",
            "verbose_name_plural",
            "meta_model_name",
            "flow_set",
            "user_fields",
            "password_stage",
            "captcha_stage",
            "case_insensitive_matching",
            "show_matched_user",
            "enrollment_flow",
            "recovery_flow",
            "passwordless_flow",
            "sources",
            "show_source_labels",
            "pretend_user_exists",
            "enable_remember_me",
        ]
