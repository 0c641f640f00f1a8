CREATE TABLE service_table_5 (id int PRIMARY KEY);
