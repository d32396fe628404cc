from django.apps import AppConfig


class StagesConfig(AppConfig):
    name = "stages"
    default_auto_field = "django.db.models.AutoField"
