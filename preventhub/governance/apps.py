from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "preventhub.governance"
    label = "governance"
