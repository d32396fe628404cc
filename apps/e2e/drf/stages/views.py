from rest_framework import mixins, viewsets

from .models import IdentificationStage
from .serializers import IdentificationStageSerializer


class IdentificationStageViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """IdentificationStage Viewset (the list only: the operation under test)."""

    queryset = IdentificationStage.objects.all().prefetch_related("flows")
    serializer_class = IdentificationStageSerializer
    filterset_fields = [
        "name",
        "captcha_stage",
        "case_insensitive_matching",
        "enrollment_flow",
        "password_stage",
        "passwordless_flow",
        "recovery_flow",
        "show_matched_user",
        "show_source_labels",
    ]
    ordering = ["name"]
    ordering_fields = [
        "name",
        "case_insensitive_matching",
        "show_matched_user",
        "show_source_labels",
        "pretend_user_exists",
        "enable_remember_me",
    ]
    search_fields = ["name"]
