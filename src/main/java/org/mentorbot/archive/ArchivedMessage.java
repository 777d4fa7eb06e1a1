package org.mentorbot.archive;

import java.util.List;
import org.apache.lucene.document.Document;

/**
 * An archived message as the index stores it. {@code body} is the author's own words only; the whole text
 * is in the raw message. {@code date} is epoch milliseconds, 0 when unknown; absent values are null.
 */
public record ArchivedMessage(String messageId, String threadId, String list, String from, long date, String subject,
                              String body, boolean inquiry, String ideaId, String ideaTitle, List<String> mentors) {

    static ArchivedMessage of(Document doc) {
        Triaged triaged = ArchiveDocument.triaged(doc);
        return new ArchivedMessage(doc.get(ArchiveFields.ID), doc.get(ArchiveFields.THREAD), doc.get(ArchiveFields.LIST),
                doc.get(ArchiveFields.FROM), ArchiveDocument.date(doc), doc.get(ArchiveFields.SUBJECT), doc.get(ArchiveFields.BODY),
                triaged.inquiry(), triaged.ideaId(), triaged.ideaTitle(), List.copyOf(triaged.mentors()));
    }
}
