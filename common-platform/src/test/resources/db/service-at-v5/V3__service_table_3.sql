CREATE TABLE service_table_3 (id int PRIMARY KEY);
