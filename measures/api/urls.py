from rest_framework.routers import SimpleRouter

from .views import MeasureViewSet

router = SimpleRouter()
router.register("measures", MeasureViewSet, basename="measures")

urlpatterns = router.urls
