from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("verify/", views.verify, name="verify"),
    path("security/", views.security, name="security"),
    path("security/disable-2fa/", views.disable_second_factor, name="disable_second_factor"),
    path("security/token/", views.regenerate_token, name="regenerate_token"),
    path("security/digest/", views.set_digest, name="set_digest"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
]
