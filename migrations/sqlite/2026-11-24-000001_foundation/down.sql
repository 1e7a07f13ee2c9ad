DROP TABLE audit_events;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE exporters;
DROP TABLE border_posts;
