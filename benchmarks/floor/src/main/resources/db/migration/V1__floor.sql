CREATE TABLE floor (id bigint PRIMARY KEY);
