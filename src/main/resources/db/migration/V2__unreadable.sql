-- Messages that could not be parsed or triaged. Kept with their raw bytes and the reason, so that an
-- operator can see and fetch them, and so that the mailbox's cursor can move past them: a hostile or broken
-- message must never stop the list from being read. Keyed like messages (the Message-ID a header scan
-- finds, or a digest-based id), so that re-reading a mailbox records each one once.
CREATE TABLE IF NOT EXISTS unreadable_messages (
    message_id  VARCHAR(1000) PRIMARY KEY,
    mailbox     VARCHAR(200) NOT NULL,
    folder      VARCHAR(200),
    imap_uid    BIGINT NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    raw         BYTEA NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS unreadable_by_mailbox ON unreadable_messages (mailbox, recorded_at);
