"""A municipal year's page: its dates and history."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from preventhub.directory import services
from preventhub.directory.testing import MunicipalYearFactory


def test_the_dates_and_their_history_are_shown(login, personas):
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    services.update_municipal_year(
        actor=personas["democratic_services"],
        municipal_year=year,
        data={"ends_on": dt.date(2017, 5, 23)},
        expected_version=1,
    )
    url = reverse("directory:municipal_year_detail", kwargs={"public_id": year.public_id})
    response = login("councillor").get(url)
    assert response.status_code == 200
    change = response.context["history"].entries[0].changes[0]
    assert (change.label, change.old, change.new) == ("Ends on", "16 May 2017", "23 May 2017")
    html = response.content.decode()
    assert "23 May 2017" in html
    assert (
        reverse("directory:municipal_year_edit", kwargs={"public_id": year.public_id}) not in html
    )
    assert login("outsider").get(url).status_code == 404
