-- What triage remembers of each message beyond its decision, so that a restarted bot knows its senders'
-- earlier mail: whether it made its thread an inquiry's thread, read like an accepted student's report,
-- carried a patch, named a programme, or read like an answer to an applicant.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS asks BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS report BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS patch BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS programme BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS answer BOOLEAN DEFAULT FALSE NOT NULL;
