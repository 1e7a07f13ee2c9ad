DROP TABLE certificate_signatures;
DROP TABLE certificates;
