from django.urls import include, path
from rest_framework.routers import SimpleRouter

from stages.views import IdentificationStageViewSet

router = SimpleRouter()
router.register("stages/identification", IdentificationStageViewSet)

urlpatterns = [path("api/v3/", include(router.urls))]
