DROP TABLE declarations;
DROP TABLE gacc_registrations;
