"""URL patterns for terms of reference: versions, clauses, agreeing, comparing and documents
(included by governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import terms as views
from preventhub.governance.views import terms_manage as manage

urlpatterns: list[URLPattern] = [
    path("bodies/<uuid:public_id>/terms/", views.terms_list, name="terms_list"),
    path("bodies/<uuid:public_id>/terms/new/", manage.terms_create, name="terms_create"),
    path("terms-of-reference/compare/", views.terms_compare, name="terms_compare"),
    path("terms-of-reference/<uuid:public_id>/", views.terms_detail, name="terms_detail"),
    path("terms-of-reference/<uuid:public_id>.pdf", views.terms_pdf, name="terms_pdf"),
    path("terms-of-reference/<uuid:public_id>.docx", views.terms_docx, name="terms_docx"),
    path("terms-of-reference/<uuid:public_id>/edit/", manage.terms_edit, name="terms_edit"),
    path("terms-of-reference/<uuid:public_id>/agree/", manage.terms_agree, name="terms_agree"),
    path("terms-of-reference/<uuid:public_id>/clauses/add/", manage.clause_add, name="clause_add"),
    path(
        "terms-of-reference/<uuid:public_id>/clauses/order/",
        manage.clause_reorder,
        name="clause_reorder",
    ),
    path("clauses/<uuid:public_id>/edit/", manage.clause_edit, name="clause_edit"),
    path("clauses/<uuid:public_id>/remove/", manage.clause_remove, name="clause_remove"),
]
