DROP TABLE discrepancies;
DROP TABLE tests;
