from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("password/", views.password_change, name="password"),
    path("language/", views.language_set, name="language"),
    path("two-factor/", views.totp_setup, name="totp"),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
    path("users/", views.user_list, name="users"),
    path("users/new/", views.user_create, name="user-create"),
    path("users/<int:user_id>/", views.user_edit, name="user-edit"),
    path("users/<int:user_id>/password/", views.user_password, name="user-password"),
    path("users/<int:user_id>/scopes/", views.user_scopes, name="user-scopes"),
    path("audit/", views.audit_list, name="audit"),
]
