INSERT INTO probe (id, note) VALUES (3, 'three');
INSERT INTO no_such_table (id) VALUES (1);
