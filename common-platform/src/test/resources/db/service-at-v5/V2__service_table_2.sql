CREATE TABLE service_table_2 (id int PRIMARY KEY);
