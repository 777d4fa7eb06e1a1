-- A table, then a row; a second run of this script would fail on the primary key.
CREATE TABLE probe (id INTEGER PRIMARY KEY, note VARCHAR(50));
INSERT INTO probe (id, note) VALUES (1, 'one;');
