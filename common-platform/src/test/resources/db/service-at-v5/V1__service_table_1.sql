CREATE TABLE service_table_1 (id int PRIMARY KEY);
