-- The audit log filtered by person and by action, newest first (presentation only: the
-- events and their hash chain are unchanged).
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq);
CREATE INDEX audit_events_action_idx ON audit_events (action, seq);
