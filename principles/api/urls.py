from rest_framework.routers import SimpleRouter

from .views import PrincipleViewSet

router = SimpleRouter()
router.register("principles", PrincipleViewSet, basename="principles")

urlpatterns = router.urls
