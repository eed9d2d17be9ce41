from django.urls import include, path

urlpatterns = [
    path("", include("preventhub.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("preventhub.accounts.urls")),
    path("directory/", include("preventhub.directory.urls")),
    path("audit/", include("preventhub.accounts.audit_viewer.urls")),
    path("governance/", include("preventhub.governance.urls")),
    path("risk/", include("preventhub.risk.urls")),
    path("plan/", include("preventhub.plan.urls")),
    path("api/v1/", include("preventhub.api.urls")),
]

handler404 = "preventhub.core.errors.not_found"
handler500 = "preventhub.core.errors.server_error"
handler403 = "preventhub.core.errors.forbidden"
handler400 = "preventhub.core.errors.bad_request"
