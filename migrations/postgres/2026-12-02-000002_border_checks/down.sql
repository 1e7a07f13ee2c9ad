DROP TABLE border_checks;
