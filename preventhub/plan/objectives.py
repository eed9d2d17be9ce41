"""The objectives every new plan starts with: the seed strategy's three deliverables, each carried
by the Prevent duty toolkit areas that deliver it (communications and engagement included)."""

from __future__ import annotations

from .models import Deliverable, ToolkitArea

# (title, deliverable, toolkit area). The toolkit's "partnership plan" section is the plan itself.
STARTING_OBJECTIVES: tuple[tuple[str, Deliverable, ToolkitArea], ...] = (
    (
        "Identify the local threat through the local risk assessment",
        Deliverable.IDENTIFY_THREAT,
        ToolkitArea.RISK_ASSESSMENT,
    ),
    (
        "A multi-agency partnership group that agrees risk and co-ordinates Prevent activity",
        Deliverable.ALL_AGENCIES,
        ToolkitArea.PARTNERSHIP_GROUP,
    ),
    (
        "A clear referral pathway that partners know and use",
        Deliverable.RESPOND,
        ToolkitArea.REFERRAL_PATHWAY,
    ),
    (
        "An effective Channel panel",
        Deliverable.RESPOND,
        ToolkitArea.CHANNEL_PANEL,
    ),
    (
        "Frontline staff in every agency trained to recognise and refer",
        Deliverable.ALL_AGENCIES,
        ToolkitArea.TRAINING,
    ),
    (
        "Reduce permissive environments: venues, speakers and IT",
        Deliverable.RESPOND,
        ToolkitArea.PERMISSIVE_ENVIRONMENTS,
    ),
    (
        "Communications and engagement with communities and partners",
        Deliverable.ALL_AGENCIES,
        ToolkitArea.COMMUNICATIONS,
    ),
)
