"""User management for administrators: list, detail, create, deactivate, roles."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from preventhub.accounts.models import RoleAssignment, User
from preventhub.accounts.roles import Role
from preventhub.accounts.testing import UserFactory
from preventhub.audit.models import AuditEvent

from .helpers import reauthenticate, sign_in, sign_in_a_while_ago


@pytest.fixture
def admin_client(client, administrator):
    sign_in_a_while_ago(client, administrator)
    return client


def _detail(user: User) -> str:
    return reverse("accounts:user_detail", kwargs={"public_id": user.public_id})


# --- list ---------------------------------------------------------------------------------------


def test_administrator_sees_every_user_with_roles_and_mfa(admin_client, personas, school):
    response = admin_client.get(reverse("accounts:user_list"))

    assert response.status_code == 200
    names = [u.full_name for u in response.context["page"].object_list]
    assert set(names) >= {"Ada Admin", "Sam School", "Olly Outsider"}
    html = response.content.decode()
    assert "Partner lead (Northbridge Academy)" in html
    assert '<h1 class="govuk-heading-xl">Users</h1>' in html


def test_user_list_searches_by_name_or_email(admin_client, personas):
    by_name = admin_client.get(reverse("accounts:user_list"), {"q": "priya"})
    by_email = admin_client.get(reverse("accounts:user_list"), {"q": personas["councillor"].email})

    assert [u.full_name for u in by_name.context["page"].object_list] == ["Priya Prevent"]
    assert [u.full_name for u in by_email.context["page"].object_list] == ["Cllr Carys"]


def test_user_list_filters_by_role_and_status(admin_client, personas, administrator):
    from preventhub.accounts import services

    services.set_user_active(actor=administrator, user=personas["councillor"], active=False)

    partner_leads = admin_client.get(reverse("accounts:user_list"), {"role": Role.PARTNER_LEAD})
    inactive = admin_client.get(reverse("accounts:user_list"), {"status": "inactive"})

    assert {u.full_name for u in partner_leads.context["page"].object_list} == {
        "Sam School",
        "Cal College",
    }
    assert [u.full_name for u in inactive.context["page"].object_list] == ["Cllr Carys"]


def test_user_list_is_paginated_and_keeps_the_filters(admin_client, personas):
    UserFactory.create_batch(60, full_name="Zed Batch")

    first = admin_client.get(reverse("accounts:user_list"), {"q": "zed"})
    second = admin_client.get(reverse("accounts:user_list"), {"q": "zed", "page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 10
    assert "q=zed&amp;page=2" in first.content.decode()


@pytest.mark.parametrize("extra_users", [10, 1000])
def test_user_list_query_budget_holds_at_10_and_1000_users(
    admin_client, personas, school, django_assert_max_num_queries, extra_users
):
    users = UserFactory.create_batch(extra_users)
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(user=u, role=Role.PARTNER_LEAD, organisation=school) for u in users]
    )
    # 1 session, 2 signed-in user, 3 their grants, 4 their TOTP (MFA gate), 5 count, 6 page of users
    # with the MFA flag, 7 their role assignments with organisations (prefetch), 8-10 session save
    # (savepoint, update, release: IdleSessionMiddleware renews the idle timeout).
    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse("accounts:user_list"))
    assert response.status_code == 200


def test_nobody_but_an_administrator_can_list_users(client, personas):
    for name in ["prevent_lead", "auditor", "outsider"]:
        client.force_login(personas[name])
        assert client.get(reverse("accounts:user_list")).status_code == 404


# --- detail -------------------------------------------------------------------------------------


def test_user_detail_shows_roles_with_scope_mfa_status_last_login_and_history(
    admin_client, personas
):
    partner_lead = personas["partner_lead"]
    sign_in_client = type(admin_client)()
    sign_in(sign_in_client, partner_lead)

    response = admin_client.get(_detail(partner_lead))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Partner lead" in html and "Northbridge Academy" in html
    assert 'Two-factor authentication</dt><dd class="govuk-summary-list__value">No' in html
    assert 'Last signed in</dt><dd class="govuk-summary-list__value">Never' not in html
    assert "Account created" in html
    assert "Role assigned: Partner lead (Northbridge Academy)" in html


def test_user_detail_says_yes_for_a_user_with_an_authenticator(admin_client, personas):
    response = admin_client.get(_detail(personas["prevent_lead"]))

    assert (
        'Two-factor authentication</dt><dd class="govuk-summary-list__value">Yes'
        in response.content.decode()
    )


def test_non_administrator_opening_a_user_gets_404_and_the_denial_is_audited(client, personas):
    client.force_login(personas["prevent_lead"])

    assert client.get(_detail(personas["councillor"])).status_code == 404
    assert AuditEvent.objects.filter(action="access.denied", object_type="accounts.user").exists()


# --- create -------------------------------------------------------------------------------------


def test_administrator_creates_a_user_who_is_emailed_a_set_password_link(
    admin_client, administrator, django_capture_on_commit_callbacks, make_person
):
    person = make_person(name="Nina New")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("accounts:user_create"),
            {
                "full_name": "Nina New",
                "email": "Nina.New@Example.org",
                "person": str(person.public_id),
            },
        )

    user = User.objects.get(email="nina.new@example.org")
    assert response.status_code == 302
    assert response["Location"] == _detail(user)
    assert user.person == person and not user.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nina.new@example.org"]
    assert "/accounts/password/reset/key/" in message.body
    actions = set(
        AuditEvent.objects.filter(object_id=str(user.public_id)).values_list("action", flat=True)
    )
    assert {"accounts.user_created", "accounts.password_link_sent"} <= actions


def test_the_set_password_link_lets_the_new_user_choose_a_password_and_sign_in(
    client, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("accounts:user_create"), {"full_name": "Omar", "email": "omar@example.org"}
        )
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/accounts/password/reset/key/" in line
    )
    path = link.split("testserver", 1)[1].strip()

    fresh = type(client)()
    form_page = fresh.get(path, follow=True)
    assert b"Choose a new password" in form_page.content
    done = fresh.post(
        form_page.redirect_chain[-1][0],
        {"password1": "a long new passphrase", "password2": "a long new passphrase"},
    )

    assert done.status_code == 302
    assert User.objects.get(email="omar@example.org").check_password("a long new passphrase")


def test_creating_a_user_with_a_taken_email_shows_an_error_summary(admin_client, personas):
    response = admin_client.post(
        reverse("accounts:user_create"),
        {"full_name": "Copy", "email": personas["councillor"].email.upper()},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "There is already an account with this email address." in html
    assert 'href="#id_email"' in html


# --- deactivate / reactivate --------------------------------------------------------------------


def test_administrator_deactivates_and_reactivates_an_account(admin_client, personas):
    councillor = personas["councillor"]

    admin_client.post(
        reverse("accounts:user_deactivate", kwargs={"public_id": councillor.public_id})
    )
    councillor.refresh_from_db()
    assert not councillor.is_active

    admin_client.post(
        reverse("accounts:user_reactivate", kwargs={"public_id": councillor.public_id})
    )
    councillor.refresh_from_db()
    assert councillor.is_active
    actions = list(
        AuditEvent.objects.filter(object_id=str(councillor.public_id)).values_list(
            "action", flat=True
        )
    )
    assert "accounts.user_deactivated" in actions and "accounts.user_reactivated" in actions


def test_a_deactivated_person_is_signed_out_and_cannot_sign_in(client, admin_client, personas):
    councillor = personas["councillor"]
    other = type(client)()
    sign_in(other, councillor)

    admin_client.post(
        reverse("accounts:user_deactivate", kwargs={"public_id": councillor.public_id})
    )

    assert other.get(reverse("core:home")).context["user"].is_anonymous
    again = sign_in(other, councillor)
    assert again.status_code == 302 and again["Location"] == reverse("account_inactive")


def test_administrator_cannot_deactivate_their_own_account(admin_client, administrator):
    admin_client.post(
        reverse("accounts:user_deactivate", kwargs={"public_id": administrator.public_id})
    )

    administrator.refresh_from_db()
    assert administrator.is_active


# --- roles --------------------------------------------------------------------------------------


def test_assigning_a_role_asks_for_the_password_then_assigns_and_audits(admin_client, personas):
    outsider = personas["outsider"]
    url = reverse("accounts:role_assign", kwargs={"public_id": outsider.public_id})

    response = admin_client.post(url, {"role": Role.COUNCILLOR})
    assert not RoleAssignment.objects.filter(user=outsider).exists()

    done = reauthenticate(admin_client, response)

    assert done.status_code == 302 and done["Location"] == _detail(outsider)
    assert RoleAssignment.objects.filter(
        user=outsider, role=Role.COUNCILLOR, organisation=None
    ).exists()
    event = AuditEvent.objects.get(
        action="accounts.role_assigned", object_id=str(outsider.public_id)
    )
    assert event.changes["role"] == [None, "Councillor"]


def test_once_reauthenticated_further_role_changes_go_straight_through(
    admin_client, personas, school
):
    outsider = personas["outsider"]
    url = reverse("accounts:role_assign", kwargs={"public_id": outsider.public_id})
    reauthenticate(admin_client, admin_client.post(url, {"role": Role.COUNCILLOR}))

    response = admin_client.post(
        url, {"role": Role.PARTNER_LEAD, "organisation": str(school.public_id)}
    )

    assert response.status_code == 302 and response["Location"] == _detail(outsider)
    assert RoleAssignment.objects.filter(
        user=outsider, role=Role.PARTNER_LEAD, organisation=school
    ).exists()


def test_a_partner_lead_role_needs_an_organisation(admin_client, personas):
    outsider = personas["outsider"]
    url = reverse("accounts:role_assign", kwargs={"public_id": outsider.public_id})

    response = reauthenticate(admin_client, admin_client.post(url, {"role": Role.PARTNER_LEAD}))

    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and 'href="#id_organisation"' in html
    assert "Choose the organisation this partner lead acts for." in html
    assert not RoleAssignment.objects.filter(user=outsider).exists()


def test_assigning_a_role_someone_already_has_is_refused_with_a_message(admin_client, personas):
    councillor = personas["councillor"]
    url = reverse("accounts:role_assign", kwargs={"public_id": councillor.public_id})

    response = reauthenticate(admin_client, admin_client.post(url, {"role": Role.COUNCILLOR}))

    assert response.status_code == 200
    assert "already has that role" in response.content.decode()


def test_removing_a_role_asks_for_the_password_then_removes_and_audits(admin_client, personas):
    councillor = personas["councillor"]
    assignment = RoleAssignment.objects.get(user=councillor)
    url = reverse(
        "accounts:role_remove",
        kwargs={"public_id": councillor.public_id, "assignment_id": assignment.public_id},
    )
    assert b"Remove the role Councillor" in admin_client.get(url).content

    response = admin_client.post(url)
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()
    done = reauthenticate(admin_client, response)

    assert done.status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert AuditEvent.objects.filter(
        action="accounts.role_removed", object_id=str(councillor.public_id)
    ).exists()


def test_a_wrong_password_at_reauthentication_changes_nothing(admin_client, personas):
    outsider = personas["outsider"]
    url = reverse("accounts:role_assign", kwargs={"public_id": outsider.public_id})

    response = reauthenticate(
        admin_client, admin_client.post(url, {"role": Role.AUDITOR}), password="wrong password"
    )

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert not RoleAssignment.objects.filter(user=outsider).exists()


def test_a_role_of_another_user_cannot_be_removed_through_this_users_page(admin_client, personas):
    councillor_role = RoleAssignment.objects.get(user=personas["councillor"])
    url = reverse(
        "accounts:role_remove",
        kwargs={
            "public_id": personas["outsider"].public_id,
            "assignment_id": councillor_role.public_id,
        },
    )

    assert admin_client.get(url).status_code == 404


def test_administration_gives_no_other_capability():
    from preventhub.accounts.roles import ROLE_CAPABILITIES, Cap

    administrator_caps = ROLE_CAPABILITIES[Role.ADMINISTRATOR]
    assert Cap.AUDIT_VIEW not in administrator_caps
    assert not {c for c in administrator_caps if c.startswith(("casework", "governance.view_"))}
