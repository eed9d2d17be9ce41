"""The auditor's view of the audit trail: the event list with its filters, one event, the CSV export
and the chain check page (``views``), who may see them (``policies``: holders of ``audit.view``)
and what of a restricted record's event they may read (``visibility``).

The trail itself (events, the hash chain, the registry of action codes, ``record_event``,
``verify_chain``, checkpoints) is ``preventhub.audit``, the lowest layer, which every module writes
to. The viewer sits here, above it, because it needs the roles (accounts), the policy registry and
the page toolkit (core). Its URLs keep the ``audit`` namespace (``audit:event_list``) and its
templates ``audit/...``."""
