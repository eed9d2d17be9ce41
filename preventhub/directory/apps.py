from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "preventhub.directory"
    label = "directory"

    def ready(self) -> None:
        from preventhub.core import navigation

        from . import (
            audit_actions,  # noqa: F401  (registers the directory's audit codes)
            pickers,  # noqa: F401  (registers the people, organisation and ward picker sources)
        )
        from .policies import can_view_directory

        # One entry for the whole directory; its pages carry their own section links. The list of
        # organisations is the directory's landing page, so every /directory/ page marks it active.
        navigation.add(
            navigation.NavItem(
                label="Directory",
                url_name="directory:organisation_list",
                allowed=can_view_directory,
                order=80,
            )
        )
