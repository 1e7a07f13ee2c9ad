DROP TABLE audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE exporters;
DROP TABLE border_posts;
