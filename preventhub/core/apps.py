from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "preventhub.core"
    label = "core"
    verbose_name = "Core"
