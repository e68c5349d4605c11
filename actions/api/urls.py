from rest_framework.routers import SimpleRouter

from .views import ActionViewSet, ProgressUpdateViewSet

router = SimpleRouter()
router.register("actions", ActionViewSet, basename="actions")
router.register("progress-updates", ProgressUpdateViewSet, basename="progress-updates")

urlpatterns = router.urls
