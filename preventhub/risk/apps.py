from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "preventhub.risk"
    label = "risk"
    verbose_name = "Risk assessment"
