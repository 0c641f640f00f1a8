CREATE TABLE service_table_4 (id int PRIMARY KEY);
