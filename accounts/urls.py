from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("council/start/", views.sign_in_start, name="oidc_authentication_init"),
    path("council/callback/", views.sign_in_callback, name="oidc_authentication_callback"),
    path("council/refused/", views.sign_in_refused, name="sign-in-refused"),
]
