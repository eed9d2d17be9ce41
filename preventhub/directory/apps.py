from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "preventhub.directory"
    label = "directory"
