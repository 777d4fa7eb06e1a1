package org.mentorbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The outbox table's columns and their mapping to {@link OutboxEntry}. */
final class OutboxRows {
    static final String COLUMNS = "id, kind, inquiry_message_id, recipient, envelope_to, mail_message_id, thread_id,"
            + " sender, mime, state, attempts, last_error, created_at, updated_at";

    static final String INSERT = "INSERT INTO outbox (kind, inquiry_message_id, recipient, envelope_to,"
            + " mail_message_id, thread_id, sender, mime, state, attempts, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    /** Longer errors are cut: the column is bounded and a stack of SMTP transcript helps nobody. */
    static final int MAX_ERROR = 2000;

    // Addresses cannot contain line breaks, so a newline is a safe separator and keeps the column portable.
    private static final String ADDRESS_SEPARATOR = "\n";

    private OutboxRows() {
    }

    static void bindInsert(PreparedStatement insert, OutgoingMail mail, Instant now) throws SQLException {
        insert.setString(1, mail.kind());
        insert.setString(2, mail.inquiryMessageId());
        insert.setString(3, mail.recipient());
        insert.setString(4, String.join(ADDRESS_SEPARATOR, mail.envelopeTo()));
        insert.setString(5, mail.messageId());
        insert.setString(6, mail.threadId());
        insert.setString(7, mail.sender());
        insert.setBytes(8, mail.mime());
        Timestamps.set(insert, 9, now);
        Timestamps.set(insert, 10, now);
    }

    static OutboxEntry read(ResultSet rows) throws SQLException {
        String envelope = rows.getString("envelope_to");
        List<String> envelopeTo = envelope.isEmpty() ? List.of() : Arrays.asList(envelope.split(ADDRESS_SEPARATOR));
        OutgoingMail mail = new OutgoingMail(rows.getString("kind"), rows.getString("inquiry_message_id"),
                rows.getString("recipient"), envelopeTo, rows.getString("mail_message_id"),
                rows.getString("thread_id"), rows.getString("sender"), rows.getBytes("mime"));
        return new OutboxEntry(rows.getLong("id"), mail, OutboxState.valueOf(rows.getString("state")),
                rows.getInt("attempts"), rows.getString("last_error"), Timestamps.get(rows, "created_at"),
                Timestamps.get(rows, "updated_at"));
    }

    static String clip(String text) {
        if (text == null || text.length() <= MAX_ERROR) {
            return text;
        }
        return text.substring(0, MAX_ERROR - 1) + "…";
    }
}
