package org.mentorbot.archive;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * An archived message as the index stores it. {@code body} is the author's own words only; the whole text
 * is in the raw message. {@code date} is epoch milliseconds, 0 when unknown; absent values are null.
 */
public record ArchivedMessage(String messageId, String threadId, String list, String from, long date, String subject,
                              String body, boolean inquiry, String ideaId, String ideaTitle, List<String> mentors) {

    static ArchivedMessage of(Document doc) {
        IndexableField date = doc.getField(ArchiveFields.DATE);
        List<String> mentors = new ArrayList<>();
        for (IndexableField m : doc.getFields(ArchiveFields.MENTOR)) mentors.add(m.stringValue());
        return new ArchivedMessage(doc.get(ArchiveFields.ID), doc.get(ArchiveFields.THREAD), doc.get(ArchiveFields.LIST),
                doc.get(ArchiveFields.FROM), date == null || date.numericValue() == null ? 0 : date.numericValue().longValue(),
                doc.get(ArchiveFields.SUBJECT), doc.get(ArchiveFields.BODY), "true".equals(doc.get(ArchiveFields.INQUIRY)),
                doc.get(ArchiveFields.IDEA), doc.get(ArchiveFields.IDEA_TITLE), List.copyOf(mentors));
    }
}
