import hashlib
import hmac

from django.conf import settings
from django.db import migrations, models


def seal_existing_head(apps, schema_editor):
    """Seal the head as it stands: from now on a head changed outside the audit service shows."""
    head_model = apps.get_model("audit", "AuditChainHead")
    for head in head_model.objects.all():
        message = f"audit-head|{head.last_seq}|{head.last_hash}"
        head.seal = hmac.new(
            settings.AUDIT_CHAIN_KEY.encode(), message.encode(), hashlib.sha256
        ).hexdigest()
        head.save(update_fields=["seal"])


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="auditchainhead",
            name="seal",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.RunPython(seal_existing_head, migrations.RunPython.noop),
    ]
