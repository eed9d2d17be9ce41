"""Recommendations, implications and appendices get public ids (they are changed and removed by URL)
and an appendix's number is unique within its report. Existing rows each get their own new UUID
before the unique constraint is added."""

import uuid

from django.db import migrations, models

MODELS = ("recommendation", "implication", "appendix")


def fill_uuids(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("governance", name)
        for row in model.objects.all().only("pk").iterator():
            model.objects.filter(pk=row.pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0003_clause_public_id_lineage"),
    ]

    operations = [
        *[
            migrations.AddField(model_name=name, name="public_id", field=models.UUIDField(null=True, editable=False))
            for name in MODELS
        ],
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        *[
            migrations.AlterField(
                model_name=name,
                name="public_id",
                field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
            )
            for name in MODELS
        ],
        migrations.AddConstraint(
            model_name="appendix",
            constraint=models.UniqueConstraint(
                fields=("report", "letter"),
                name="appendix_letter_unique",
                violation_error_message="Each appendix needs its own number.",
            ),
        ),
    ]
