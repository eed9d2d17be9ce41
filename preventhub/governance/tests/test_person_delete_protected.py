"""A directory person named in a governance record (a body membership) is not deleted: the
directory's delete page says where they are still named. (Here, not in the directory's tests: the
directory sits below governance and does not import it.)"""

from __future__ import annotations

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import Person
from preventhub.directory.testing import PersonFactory
from preventhub.governance.tests.factories import MembershipFactory


def test_someone_named_elsewhere_is_not_deleted_and_the_page_says_where(
    client, partner_lead, school
):
    school_person = PersonFactory.create(name="Mark Bennett", organisation=school)
    MembershipFactory.create(person=school_person)
    client.force_login(partner_lead)
    url = reverse("directory:person_delete", kwargs={"public_id": school_person.public_id})
    response = client.post(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "You cannot delete Mark Bennett" in page and "still named in memberships" in page
    assert Person.objects.filter(pk=school_person.pk).exists()
    assert not AuditEvent.objects.filter(action="directory.person_deleted").exists()
