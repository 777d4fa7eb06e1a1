INSERT INTO probe (id, note)
    VALUES (2, 'two');
