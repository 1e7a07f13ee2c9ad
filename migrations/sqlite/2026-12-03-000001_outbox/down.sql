DROP TABLE mail_opt_outs;
DROP TABLE password_resets;
DROP TABLE notifications;
DROP TABLE outbox;
