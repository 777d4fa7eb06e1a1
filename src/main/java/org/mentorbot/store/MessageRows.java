package org.mentorbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** The messages table's columns and their mapping to {@link MessageRecord}. */
final class MessageRows {
    static final String COLUMNS = "message_id, mailbox, folder, imap_uid, thread_id, sender, subject, sent_date,"
            + " inquiry, idea_id, idea_title, confidence, backlog, asks, report, patch, programme, answer, decision, recorded_at";

    static final String INSERT = "INSERT INTO messages (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private MessageRows() {
    }

    static void bindInsert(PreparedStatement insert, MessageRecord message) throws SQLException {
        insert.setString(1, message.messageId());
        insert.setString(2, message.mailbox());
        insert.setString(3, message.folder());
        insert.setLong(4, message.uid());
        insert.setString(5, message.threadId());
        insert.setString(6, message.sender());
        insert.setString(7, message.subject());
        Timestamps.set(insert, 8, message.date());
        insert.setBoolean(9, message.inquiry());
        insert.setString(10, message.ideaId());
        insert.setString(11, message.ideaTitle());
        insert.setDouble(12, message.confidence());
        insert.setBoolean(13, message.backlog());
        insert.setBoolean(14, message.asks());
        insert.setBoolean(15, message.report());
        insert.setBoolean(16, message.patch());
        insert.setBoolean(17, message.programme());
        insert.setBoolean(18, message.answer());
        if (message.decision() == null) {
            insert.setNull(19, Types.VARCHAR);
        } else {
            insert.setString(19, message.decision());
        }
        Timestamps.set(insert, 20, message.recordedAt());
    }

    static MessageRecord read(ResultSet rows) throws SQLException {
        return new MessageRecord(rows.getString("message_id"), rows.getString("mailbox"), rows.getString("folder"),
                rows.getLong("imap_uid"), rows.getString("thread_id"), rows.getString("sender"),
                rows.getString("subject"), Timestamps.get(rows, "sent_date"), rows.getBoolean("inquiry"),
                rows.getString("idea_id"), rows.getString("idea_title"), rows.getDouble("confidence"),
                rows.getBoolean("backlog"), rows.getBoolean("asks"), rows.getBoolean("report"), rows.getBoolean("patch"),
                rows.getBoolean("programme"), rows.getBoolean("answer"), rows.getString("decision"),
                Timestamps.get(rows, "recorded_at"));
    }
}
