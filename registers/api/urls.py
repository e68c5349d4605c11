from rest_framework.routers import SimpleRouter

from .views import BusinessCaseViewSet, RiskViewSet

router = SimpleRouter()
router.register("business-cases", BusinessCaseViewSet, basename="business-cases")
router.register("risks", RiskViewSet, basename="risks")

urlpatterns = router.urls
