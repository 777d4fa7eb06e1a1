package org.mentorbot.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.mentorbot.mail.Address;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.Subjects;

/** Builds a message's index document, the same way on first import and when its thread changes. */
final class ArchiveDocument {

    // Doc values terms are limited to 32766 bytes; ids and subjects beyond this are hostile or broken.
    private static final int MAX_KEY = 1000;

    private ArchiveDocument() {
    }

    /** Stored, with offsets in the postings: the highlighter then finds matches without re-analysing. */
    private static final org.apache.lucene.document.FieldType BODY_TYPE = bodyType();

    private static org.apache.lucene.document.FieldType bodyType() {
        org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static Document build(MailMessage m, MessageText text, Triaged triaged, String list, String thread) {
        Document doc = new Document();
        String id = m.messageId();
        keyword(doc, ArchiveFields.ID, id, true);
        doc.add(new SortedDocValuesField(ArchiveFields.ID, new BytesRef(clip(id))));
        keyword(doc, ArchiveFields.THREAD, thread, true);
        doc.add(new SortedDocValuesField(ArchiveFields.THREAD, new BytesRef(clip(thread))));
        if (list != null && !list.isBlank()) keyword(doc, ArchiveFields.LIST, list, true);

        if (m.from() != null) {
            doc.add(new TextField(ArchiveFields.FROM, m.from().display(), Field.Store.YES));
            if (m.from().email() != null) keyword(doc, ArchiveFields.FROM_ADDRESS, m.from().email(), true);
        }
        for (Address a : m.to()) doc.add(new TextField(ArchiveFields.TO, a.display(), Field.Store.NO));
        for (Address a : m.cc()) doc.add(new TextField(ArchiveFields.CC, a.display(), Field.Store.NO));

        long date = m.date() == null ? 0 : m.date().toEpochMilli();
        doc.add(new LongPoint(ArchiveFields.DATE, date));
        doc.add(new NumericDocValuesField(ArchiveFields.DATE, date));
        doc.add(new StoredField(ArchiveFields.DATE, date));

        String subject = m.subject() == null ? "" : m.subject();
        doc.add(new TextField(ArchiveFields.SUBJECT, subject, Field.Store.YES));
        doc.add(new SortedDocValuesField(ArchiveFields.SUBJECT_KEY, new BytesRef(clip(Subjects.key(subject)))));
        doc.add(new Field(ArchiveFields.BODY, text.own(), BODY_TYPE));
        if (!text.quoted().isEmpty()) doc.add(new TextField(ArchiveFields.QUOTED, text.quoted(), Field.Store.NO));
        if (text.hasPatch() || m.attachedPatch()) keyword(doc, ArchiveFields.PATCH, "true", false);

        for (String ref : m.references()) {
            doc.add(new SortedSetDocValuesField(ArchiveFields.REFS, new BytesRef(clip(ref))));
        }

        keyword(doc, ArchiveFields.INQUIRY, Boolean.toString(triaged.inquiry()), true);
        if (triaged.ideaId() != null) {
            keyword(doc, ArchiveFields.IDEA, triaged.ideaId(), true);
            doc.add(new TextField(ArchiveFields.IDEA_TITLE, triaged.ideaTitle(), Field.Store.YES));
            doc.add(new SortedDocValuesField(ArchiveFields.IDEA_FACET, new BytesRef(clip(triaged.ideaTitle()))));
        }
        for (String mentor : triaged.mentors()) {
            keyword(doc, ArchiveFields.MENTOR, mentor, true);
            doc.add(new SortedSetDocValuesField(ArchiveFields.MENTOR_FACET, new BytesRef(clip(mentor))));
        }

        return doc;
    }

    /**
     * A message that could not be parsed: its id, its thread, the list, and why. Its raw bytes are
     * kept beside it, so it can still be found (is:unreadable, m:ID) and downloaded as it arrived.
     */
    static Document unreadable(String id, String thread, String reason, String list) {
        Document doc = new Document();
        keyword(doc, ArchiveFields.ID, id, true);
        doc.add(new SortedDocValuesField(ArchiveFields.ID, new BytesRef(clip(id))));
        keyword(doc, ArchiveFields.THREAD, thread, true);
        doc.add(new SortedDocValuesField(ArchiveFields.THREAD, new BytesRef(clip(thread))));
        if (list != null && !list.isBlank()) keyword(doc, ArchiveFields.LIST, list, true);
        doc.add(new LongPoint(ArchiveFields.DATE, 0));
        doc.add(new NumericDocValuesField(ArchiveFields.DATE, 0));
        doc.add(new StoredField(ArchiveFields.DATE, 0L));
        // Shown wherever a subject is: search results, thread and message pages.
        doc.add(new TextField(ArchiveFields.SUBJECT, "(unreadable message) " + clip(reason), Field.Store.YES));
        doc.add(new Field(ArchiveFields.BODY, "", BODY_TYPE));
        keyword(doc, ArchiveFields.INQUIRY, "false", true);
        keyword(doc, ArchiveFields.UNREADABLE, "true", false);
        doc.add(new StoredField(ArchiveFields.UNREADABLE_REASON, reason));
        return doc;
    }

    /** The stored date in epoch milliseconds, 0 when the message had none. */
    static long date(Document stored) {
        IndexableField date = stored.getField(ArchiveFields.DATE);
        return date == null || date.numericValue() == null ? 0 : date.numericValue().longValue();
    }

    /** The triage facts a stored document carries. */
    static Triaged triaged(Document stored) {
        List<String> mentors = new ArrayList<>();
        for (IndexableField f : stored.getFields(ArchiveFields.MENTOR)) mentors.add(f.stringValue());
        return new Triaged("true".equals(stored.get(ArchiveFields.INQUIRY)), stored.get(ArchiveFields.IDEA),
                stored.get(ArchiveFields.IDEA_TITLE), mentors);
    }

    /** Indexed lower-cased (one term, matched exactly), stored as written. */
    private static void keyword(Document doc, String field, String value, boolean store) {
        doc.add(new StringField(field, clip(value.toLowerCase(Locale.ROOT)), Field.Store.NO));
        if (store) doc.add(new StoredField(field, value));
    }

    static String clip(String s) {
        return s.length() <= MAX_KEY ? s : s.substring(0, MAX_KEY);
    }
}
