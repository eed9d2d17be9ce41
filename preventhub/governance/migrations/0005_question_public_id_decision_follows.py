"""Questions get a public id (they are changed and removed by URL); a decision may follow an earlier
one (a resolution follows the Full Council motion that asked for its report). Existing questions
each get their own new UUID before the unique constraint is added."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_uuids(apps, schema_editor):
    Question = apps.get_model("governance", "Question")
    for question in Question.objects.all().only("pk").iterator():
        Question.objects.filter(pk=question.pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0004_report_parts_public_ids"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="public_id",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="question",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="decision",
            name="follows",
            field=models.ForeignKey(
                blank=True,
                help_text="The earlier decision, such as a Full Council motion, that led to this one.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="followed_by",
                to="governance.decision",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="follows",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The earlier decision, such as a Full Council motion, that led to this one.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="governance.decision",
            ),
        ),
    ]
