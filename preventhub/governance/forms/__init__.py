"""Governance forms, one module per area (forms/<area>.py)."""
