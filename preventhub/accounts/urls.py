from django.urls import path

from . import preferences, views

app_name = "accounts"
urlpatterns = [
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/email-settings/", preferences.email_settings, name="email_settings"),
    path("users/", views.user_list, name="user_list"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<uuid:public_id>/", views.user_detail, name="user_detail"),
    path("users/<uuid:public_id>/deactivate/", views.user_deactivate, name="user_deactivate"),
    path("users/<uuid:public_id>/reactivate/", views.user_reactivate, name="user_reactivate"),
    path(
        "users/<uuid:public_id>/password-link/",
        views.user_send_password_link,
        name="user_send_password_link",
    ),
    path("users/<uuid:public_id>/roles/new/", views.role_assign, name="role_assign"),
    path(
        "users/<uuid:public_id>/roles/<uuid:assignment_id>/remove/",
        views.role_remove,
        name="role_remove",
    ),
    path("api-tokens/", views.token_list, name="token_list"),
    path("api-tokens/new/", views.token_create, name="token_create"),
    path("api-tokens/<uuid:public_id>/revoke/", views.token_revoke, name="token_revoke"),
]
