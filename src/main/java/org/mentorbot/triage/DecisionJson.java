package org.mentorbot.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;

/**
 * Writes decisions as JSON Lines, exactly the fields of the CLI contract (PRODUCT.md) plus a few that
 * only add information: {@code kind}, {@code threadIdea} and {@code reasons}.
 */
public final class DecisionJson implements Closeable {

    private static final int REASONS = 5;
    private final JsonGenerator json;
    private final Writer out;

    public DecisionJson(Writer out) {
        this.out = out;
        try {
            this.json = new JsonFactory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator(null);
    }

    public void write(Decision d) {
        try {
            json.writeStartObject();
            json.writeStringField("source", d.message().source());
            json.writeStringField("messageId", d.message().messageId());
            json.writeBooleanField("inquiry", d.inquiry());
            json.writeFieldName("idea");
            writeIdea(d.idea());
            json.writeNumberField("confidence", round(d.confidence()));
            json.writeArrayFieldStart("contacts");
            for (Contact c : d.contacts()) {
                json.writeStartObject();
                json.writeStringField("name", c.name());
                json.writeStringField("email", c.email());
                json.writeStringField("role", c.role().name().toLowerCase(java.util.Locale.ROOT));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("alternatives");
            for (IdeaMatch m : d.alternatives()) {
                json.writeStartObject();
                json.writeStringField("id", m.idea().id());
                json.writeStringField("title", m.idea().title());
                json.writeStringField("catalog", m.idea().catalog());
                json.writeNumberField("score", round(m.score()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            json.writeFieldName("threadIdea");
            writeIdea(d.threadIdea());
            json.writeArrayFieldStart("reasons");
            for (Evidence e : d.evidence().subList(0, Math.min(REASONS, d.evidence().size()))) {
                json.writeString(e.toString());
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One decision as a JSON object on one line (no newline), e.g. for the ledger. */
    public static String line(Decision d) {
        java.io.StringWriter out = new java.io.StringWriter();
        new DecisionJson(out).write(d);
        return out.toString().stripTrailing();
    }

    private void writeIdea(Idea idea) throws IOException {
        if (idea == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("id", idea.id());
        json.writeStringField("title", idea.title());
        json.writeStringField("catalog", idea.catalog());
        json.writeEndObject();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Override
    public void close() throws IOException {
        json.flush();
        out.flush();
    }
}
