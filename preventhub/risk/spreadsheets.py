"""The risk register as a spreadsheet: the columns councils' registers use (and the names they
give them), imported through core's framework and exported from the register page.

A row with an ID of a risk already in the register updates that risk (only the columns in the file
change); any other row adds a risk (keeping the ID if it has one, so an export loads into an empty
register as the same records). A register that rates once gets the same residual rating as its
inherent one. "Borough-wide" (or an empty location) records the risk as borough-wide; otherwise the
cell names wards, separated by semicolons or commas.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from preventhub.core.policies import Action
from preventhub.core.spreadsheets import parsers as p
from preventhub.core.spreadsheets.lookups import by_name, match_ids, one
from preventhub.core.spreadsheets.sheets import Column, ParsedRow, RowError, Sheet
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Sector

from . import policies
from .models import ConcernType, Marking, Risk, RiskStatus, Trend

BOROUGH_WIDE = "Borough-wide"
_BOROUGH_WORDS = {
    p.words(w)
    for w in (
        "borough-wide",
        "borough wide",
        "all wards",
        "whole borough",
        "district-wide",
        "county-wide",
        "all",
        "borough",
    )
}

LIKELIHOOD_WORDS = {
    "rare": 1,
    "very low": 1,
    "very unlikely": 1,
    "unlikely": 2,
    "low": 2,
    "possible": 3,
    "medium": 3,
    "moderate": 3,
    "likely": 4,
    "high": 4,
    "almost certain": 5,
    "very high": 5,
    "very likely": 5,
}
IMPACT_WORDS = {
    "insignificant": 1,
    "negligible": 1,
    "very low": 1,
    "minor": 2,
    "low": 2,
    "moderate": 3,
    "medium": 3,
    "major": 4,
    "high": 4,
    "significant": 4,
    "catastrophic": 5,
    "severe": 5,
    "critical": 5,
    "very high": 5,
}


def _location(value: Any) -> list[str] | str:
    text = p.parse_text(value)
    if p.words(text) in _BOROUGH_WORDS:
        return BOROUGH_WIDE
    return p.split_list(text)


def _sectors(value: Any) -> list[str]:
    parse = p.choice(
        Sector,
        {
            "school": ("schools", "education"),
            "further_education": ("fe", "colleges", "college"),
            "higher_education": ("he", "universities", "university"),
            "nhs_trust": ("health", "nhs"),
            "prison": ("prisons",),
            "voluntary_and_community": ("voluntary sector", "vcs", "community"),
            "local_authority": ("council", "la"),
        },
    )
    values: list[str] = []
    for part in p.split_list(value):
        found = parse(part)
        if found not in values:
            values.append(found)
    return values


def _join(value: Any) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value)


def _sector_labels(values: list[str]) -> str:
    labels = dict(Sector.choices)
    return "; ".join(str(labels.get(v, v)) for v in values)


def _label(choices: Any) -> Any:
    return lambda value: str(dict(choices.choices).get(value, value))


_likelihood = p.whole_number(1, 5, LIKELIHOOD_WORDS)
_impact = p.whole_number(1, 5, IMPACT_WORDS)

COLUMNS = (
    Column("id", "ID", p.parse_uuid, hint="Our ID, as exported: the row updates that risk."),
    Column(
        "reference",
        "Ref",
        p.text(20),
        synonyms=(
            "Risk ref",
            "Reference",
            "Risk reference",
            "Risk no",
            "Risk number",
            "No",
            "Ref no",
        ),
        hint="Your own reference, for example R12.",
    ),
    Column(
        "title",
        "Risk",
        p.text(200),
        required=True,
        synonyms=(
            "Risk title",
            "Title",
            "Risk name",
            "Threat",
            "Risk / threat",
            "Risk/issue",
            "Issue",
        ),
    ),
    Column(
        "description",
        "Description",
        p.parse_text,
        synonyms=(
            "Risk description",
            "Details",
            "Detail",
            "Description of risk",
            "Cause and effect",
            "Cause / effect",
        ),
    ),
    Column(
        "assessment",
        "Risk assessment",
        p.text(200),
        synonyms=("Identified in", "Assessment"),
        hint="The title of the risk assessment the risk was identified in.",
    ),
    Column(
        "concern_type",
        "Type of concern",
        p.text(200),
        synonyms=("Concern type", "Ideology", "Category", "Type", "Threat type", "Type of risk"),
        hint="A type of concern from the Home Office categories, for example Extreme "
        "right-wing terrorism.",
    ),
    Column("theme", "Theme", p.text(120), synonyms=("Risk theme", "Strand", "Priority")),
    Column(
        "location",
        "Location",
        _location,
        synonyms=("Ward", "Wards", "Wards affected", "Area affected", "Locality", "Geography"),
        show=_join,
        hint="Borough-wide, or ward names separated by semicolons. Empty means borough-wide.",
    ),
    Column(
        "sectors",
        "Sectors affected",
        _sectors,
        synonyms=("Sectors", "Sector", "Partners affected"),
        show=_sector_labels,
        hint="Sectors separated by semicolons, for example Schools; Police.",
    ),
    Column(
        "inherent_likelihood",
        "Inherent likelihood",
        _likelihood,
        required=True,
        synonyms=(
            "Likelihood",
            "Initial likelihood",
            "Gross likelihood",
            "Likelihood (inherent)",
            "L",
        ),
        hint="1 to 5, or rare to almost certain.",
    ),
    Column(
        "inherent_impact",
        "Inherent impact",
        _impact,
        required=True,
        synonyms=("Impact", "Initial impact", "Gross impact", "Impact (inherent)", "Severity", "I"),
        hint="1 to 5, or insignificant to catastrophic.",
    ),
    Column(
        "residual_likelihood",
        "Residual likelihood",
        _likelihood,
        synonyms=(
            "Current likelihood",
            "Net likelihood",
            "Likelihood (residual)",
            "Revised likelihood",
        ),
        hint="1 to 5. Empty: the same as the inherent likelihood.",
    ),
    Column(
        "residual_impact",
        "Residual impact",
        _impact,
        synonyms=("Current impact", "Net impact", "Impact (residual)", "Revised impact"),
        hint="1 to 5. Empty: the same as the inherent impact.",
    ),
    Column(
        "inherent_score",
        "Inherent score",
        synonyms=(
            "Inherent rating",
            "Initial score",
            "Gross score",
            "Risk score",
            "Score",
            "Rating",
            "Risk rating",
            "L x I",
        ),
    ),
    Column(
        "residual_score",
        "Residual score",
        synonyms=("Residual rating", "Current score", "Net score", "Current rating"),
    ),
    Column(
        "owner",
        "Owner",
        p.text(200),
        synonyms=("Risk owner", "Lead officer", "Responsible officer", "Lead", "Owner name"),
        hint="A person in the directory, by name or e-mail address.",
    ),
    Column(
        "review_on",
        "Review date",
        p.parse_date,
        synonyms=("Next review", "Review by", "Date of next review", "Review"),
        show=lambda d: f"{d:%-d %B %Y}",
        hint="A date such as 31/03/2025 or 31 March 2025.",
    ),
    Column(
        "trend",
        "Trend",
        p.choice(
            Trend,
            {
                "rising": ("up", "increasing", "worsening", "↑"),
                "falling": ("down", "decreasing", "improving", "↓"),
                "stable": ("same", "no change", "unchanged", "static", "→"),
            },
        ),
        synonyms=("Direction of travel", "Direction"),
        show=_label(Trend),
        hint="Rising, stable or falling (up, same, down).",
    ),
    Column(
        "status",
        "Status",
        p.choice(
            RiskStatus,
            {
                "open": ("active", "live", "current"),
                "tolerated": ("accepted", "tolerate", "accept"),
                "closed": ("close", "archived", "resolved"),
            },
        ),
        synonyms=("Risk status",),
        show=_label(RiskStatus),
        hint="Open, tolerated or closed. Empty: open.",
    ),
    Column(
        "marking",
        "Handling marking",
        p.choice(
            Marking,
            {
                "official": ("o", "official", "not protectively marked", "unclassified"),
                "official_sensitive": (
                    "os",
                    "o s",
                    "official sensitive",
                    "sensitive",
                    "restricted",
                ),
            },
        ),
        synonyms=(
            "Marking",
            "Classification",
            "Protective marking",
            "Security classification",
            "Government security classification",
        ),
        show=_label(Marking),
        hint="OFFICIAL or OFFICIAL-SENSITIVE. Empty: OFFICIAL.",
    ),
)

_FIELDS = (
    "reference",
    "title",
    "description",
    "theme",
    "sectors",
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
    "review_on",
    "trend",
    "status",
    "marking",
)
_DEFAULTS: dict[str, Any] = {
    "reference": "",
    "description": "",
    "theme": "",
    "sectors": [],
    "trend": Trend.STABLE,
    "status": RiskStatus.OPEN,
    "marking": Marking.OFFICIAL,
}


class RiskRegisterSheet(Sheet):
    kind = "risk_register"
    title = "risk register"
    noun_plural = "risks"
    columns = COLUMNS

    def can_import(self, user: Any) -> bool:
        return policies.can_manage(user)

    def done_url(self, scope: Any) -> str:
        return reverse("risk:risk_list")

    # -- Checking a batch --------------------------------------------------------------------------

    def check(
        self, rows: list[ParsedRow], *, actor: Any, scope: Any, state: dict[str, Any]
    ) -> list[RowError]:
        errors = match_ids(
            rows,
            column="id",
            every=Risk.objects.all(),
            changeable=policies.risks.visible_to(actor, Action.CHANGE),
            state=state,
            noun="risk",
        )
        found = self._lookups(rows, actor, state)
        for row in rows:
            errors.extend(self._resolve(row, found))
        return errors

    def _lookups(
        self, rows: list[ParsedRow], actor: Any, state: dict[str, Any]
    ) -> dict[str, dict[str, list[Any]]]:
        def names(key: str) -> set[str]:
            return {r.values[key] for r in rows if r.values.get(key)}

        wards: set[str] = set()
        for row in rows:
            location = row.values.get("location")
            if isinstance(location, list):
                wards.update(location)
        if "concern_types" not in state:  # the taxonomy is small: read once per file
            types: dict[str, list[ConcernType]] = {}
            for concern in ConcernType.objects.order_by("-valid_from", "order"):
                types.setdefault(p.words(concern.label), []).append(concern)
            state["concern_types"] = types
        people = directory_policies.people.visible_to(actor)
        owners = names("owner")
        return {
            "concern_type": state["concern_types"],
            "assessment": by_name(
                policies.assessments.visible_to(actor), "title", names("assessment")
            ),
            "owner": by_name(people, "name", {o for o in owners if "@" not in o})
            | by_name(people, "email", {o for o in owners if "@" in o}),
            "wards": by_name(directory_policies.wards.visible_to(actor), "name", wards),
        }

    def _resolve(self, row: ParsedRow, found: dict[str, dict[str, list[Any]]]) -> list[RowError]:
        errors: list[RowError] = []
        values = row.values
        for key, noun in (("assessment", "risk assessment"), ("owner", "person")):
            if values.get(key):
                try:
                    row.resolved[key] = one(found[key], values[key], noun=noun)
                except LookupError as exc:
                    errors.append(RowError(row.number, row.headers[key], str(exc)))
        if values.get("concern_type"):
            matches = found["concern_type"].get(p.words(values["concern_type"]))
            if matches:
                row.resolved["concern_type"] = matches[0]  # the newest version of the label
            else:
                errors.append(
                    RowError(
                        row.number,
                        row.headers["concern_type"],
                        f"‘{values['concern_type']}’ is not a type of concern: use one of the Home "
                        "Office categories, as listed on the register",
                    )
                )
        location = values.get("location")
        if isinstance(location, list):
            chosen = []
            for name in location:
                try:
                    chosen.append(one(found["wards"], name, noun="ward"))
                except LookupError as exc:
                    errors.append(RowError(row.number, row.headers["location"], str(exc)))
            row.resolved["wards"] = chosen
        return errors

    # -- Saving a batch ----------------------------------------------------------------------------

    def _apply(self, risk: Risk, row: ParsedRow, *, new: bool) -> None:
        values = row.values
        for name in _FIELDS:
            if name in values:
                value = values[name]
                if value is None:
                    value = _DEFAULTS.get(name)
                if value is None and name.startswith("residual_"):
                    value = values.get(name.replace("residual_", "inherent_"))
                    if value is None:
                        value = getattr(risk, name.replace("residual_", "inherent_"))
                setattr(risk, name, value)
        if new:
            for name in ("residual_likelihood", "residual_impact"):
                if getattr(risk, name, None) is None:
                    setattr(risk, name, getattr(risk, name.replace("residual_", "inherent_")))
        for name in ("assessment", "concern_type", "owner"):
            if name in values:
                setattr(risk, name, row.resolved.get(name))
        if "location" in values:
            risk.borough_wide = not isinstance(values["location"], list) or not values["location"]
        elif new:
            risk.borough_wide = True

    def _changed_fields(self, row: ParsedRow) -> list[str]:
        fields = [f for f in _FIELDS if f in row.values]
        fields += [f for f in ("assessment", "concern_type", "owner") if f in row.values]
        if "location" in row.values:
            fields.append("borough_wide")
        return fields

    def save(
        self, rows: list[ParsedRow], *, actor: Any, scope: Any, state: dict[str, Any]
    ) -> tuple[int, int]:
        new: list[tuple[Risk, ParsedRow]] = []
        changed: list[tuple[Risk, ParsedRow]] = []
        fields: set[str] = set()
        for row in rows:
            record = row.resolved.get("record")
            if record is None:
                risk = Risk(public_id=row.values.get("id") or uuid.uuid4())
                self._apply(risk, row, new=True)
                new.append((risk, row))
            else:
                self._apply(record, row, new=False)
                record.version += 1
                record.updated_at = timezone.now()
                changed.append((record, row))
                fields.update(self._changed_fields(row))
        saved = bulk_create_with_history([r for r, _ in new], Risk, default_user=actor)
        placed = [(risk, row) for risk, (_, row) in zip(saved, new, strict=True)]
        if changed:
            bulk_update_with_history(
                [r for r, _ in changed],
                Risk,
                [*sorted(fields), "version", "updated_at"],
                default_user=actor,
            )
            moved = [(risk, row) for risk, row in changed if "location" in row.values]
            Risk.wards.through.objects.filter(risk__in=[r for r, _ in moved]).delete()
            placed += moved
        Risk.wards.through.objects.bulk_create(
            Risk.wards.through(risk_id=risk.pk, ward_id=ward.pk)
            for risk, row in placed
            for ward in row.resolved.get("wards", [])
        )
        return len(saved), len(changed)

    # -- Exporting ---------------------------------------------------------------------------------

    def export_queryset(self, queryset: Any) -> Any:
        return queryset.select_related("assessment", "concern_type", "owner").prefetch_related(
            "wards"
        )

    def export_cells(self, record: Any) -> Sequence[Any]:
        risk: Risk = record
        wards = sorted(w.name for w in risk.wards.all())
        return [
            str(risk.public_id),
            risk.reference,
            risk.title,
            risk.description,
            risk.assessment.title if risk.assessment else "",
            risk.concern_type.label if risk.concern_type else "",
            risk.theme,
            BOROUGH_WIDE if risk.borough_wide or not wards else "; ".join(wards),
            _sector_labels(risk.sectors),
            risk.inherent_likelihood,
            risk.inherent_impact,
            risk.residual_likelihood,
            risk.residual_impact,
            risk.inherent_score,
            risk.residual_score,
            (risk.owner.email or risk.owner.name) if risk.owner else "",
            risk.review_on,
            risk.get_trend_display(),
            risk.get_status_display(),
            risk.get_marking_display(),
        ]


SHEET = RiskRegisterSheet()
