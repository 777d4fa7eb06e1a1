package org.mentorbot.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Raw bytes to {@link MailMessage}. mime4j's streaming parser does the MIME work (structure, transfer
 * decoding); this class only decides what to keep: top-level headers decoded, text/plain parts (or HTML turned
 * into text when there is no plain part), whether a patch is attached.
 *
 * <p>The parser's default (core) body descriptor builder is used, not mime4j-dom's, because the DOM one parses
 * every header into a typed field, work wasted on kernel mail with 40 headers a message; the few part
 * parameters needed (charset, format, filename) are read from the raw fields with {@link RawFieldParser}.
 * Nested message/rfc822 parts are not descended into (their text is someone else's mail).
 */
public final class MailParser {

    /** Deeper multiparts than real mail ever nests are hostile: mime4j's stack grows with the depth. */
    static final int MAX_MULTIPART_DEPTH = 64;

    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setMaxLineLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            .setStrictParsing(false)
            .build();

    private MailParser() {
    }

    public static MailMessage parse(RawMessage raw) throws MailParseException {
        String source = raw.source();
        byte[] bytes = raw.bytes();
        int start = headerStart(bytes);
        if (start < 0) throw new MailParseException(source + ": not a mail message");

        Collector collector = new Collector();
        MimeStreamParser parser = new MimeStreamParser(CONFIG); // lenient config: silent monitor, light descriptor builder
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        parser.setContentHandler(collector);
        try {
            parser.parse(new ByteArrayInputStream(bytes, start, bytes.length - start));
        } catch (MimeException | IOException | RuntimeException e) {
            throw new MailParseException(source + ": cannot parse MIME structure (" + oneLine(e) + ")", e);
        } catch (StackOverflowError e) {
            // mime4j reads each nested part through one more stream per level: the depth bound below keeps
            // mail within the stack, and this keeps a message that still overflows from ending the run.
            throw new MailParseException(source + ": cannot parse MIME structure (too deeply nested)");
        }
        Map<String, String> raws = collector.rawHeaders;
        if (!raws.containsKey("from") && !raws.containsKey("subject") && !raws.containsKey("date")
                && !raws.containsKey("message-id")) {
            throw new MailParseException(source + ": not a mail message");
        }

        Map<String, String> headers = new HashMap<>(raws.size() * 2);
        for (Map.Entry<String, String> e : raws.entrySet()) {
            headers.put(e.getKey(), HeaderDecoder.decodeWords(e.getValue()));
        }
        String messageId = MessageIds.first(raws.get("message-id"));
        if (messageId == null) messageId = syntheticId(bytes);
        String inReplyTo = MessageIds.first(raws.get("in-reply-to"));
        List<String> references = MessageIds.all(raws.get("references"));
        if (inReplyTo != null && !references.contains(inReplyTo)) references.add(inReplyTo);

        Address from = AddressParser.parseFirst(raws.get("from"));
        List<Address> to = AddressParser.parseList(collector.allValues.get("to"));
        List<Address> cc = AddressParser.parseList(collector.allValues.get("cc"));
        Instant date = DateParser.parse(raws.get("date"));

        return new MailMessage(source, messageId, from, to, cc, headers.get("subject"), date, inReplyTo, references,
                headers, collector.bodyText(), collector.attachedPatch);
    }

    /**
     * Where the header block starts (after blank lines and an mbox "From " envelope line), or -1 when the first
     * line is not a "Name: value" header: PDFs, images, prose and HTML pages are rejected here, before mime4j
     * would read their first line as a malformed header and their content as a body.
     */
    static int headerStart(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == '\n' || b[i] == '\r')) i++;
        if (b.length - i >= 5 && b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm' && b[i + 4] == ' ') {
            while (i < b.length && b[i] != '\n') i++;
            i++;
        }
        int nameStart = i;
        while (i < b.length) {
            byte c = b[i];
            if (c == ':') return i > nameStart ? nameStart : -1;
            if (c < 33 || c > 126) return -1; // space, control, newline or 8-bit byte before the colon
            i++;
        }
        return -1;
    }

    static String syntheticId(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
            return "<" + HexFormat.of().formatHex(digest) + "@mentorbot.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** Receives mime4j's events for one message. */
    private static final class Collector extends AbstractContentHandler {
        /** Top-level headers: first value, unfolded, not yet encoded-word decoded (address parsing needs that). */
        final Map<String, String> rawHeaders = new HashMap<>(64);
        /** Every occurrence joined, for headers that may repeat and all count (To, Cc). */
        final Map<String, String> allValues = new HashMap<>(4);
        final List<String> plain = new ArrayList<>(2);
        final List<String> html = new ArrayList<>(1);
        boolean attachedPatch;

        private boolean topHeaderDone;
        private int multipartDepth;
        private List<NameValuePair> partTypeParams = List.of();
        private List<NameValuePair> partDispositionParams = List.of();
        private String partDisposition;

        @Override
        public void startHeader() {
            partTypeParams = List.of();
            partDispositionParams = List.of();
            partDisposition = null;
        }

        @Override
        public void field(Field field) {
            String name = field.getNameLowerCase();
            if (!topHeaderDone) {
                String value = HeaderDecoder.unfold(rawValue(field));
                rawHeaders.putIfAbsent(name, value);
                if (name.equals("to") || name.equals("cc")) allValues.merge(name, value, (a, b) -> a + ", " + b);
            }
            if (name.equals("content-type") && field instanceof RawField rawField) {
                partTypeParams = RawFieldParser.DEFAULT.parseRawBody(rawField).getParams();
            } else if (name.equals("content-disposition") && field instanceof RawField rawField) {
                RawBody body = RawFieldParser.DEFAULT.parseRawBody(rawField);
                partDisposition = body.getValue();
                partDispositionParams = body.getParams();
            }
        }

        @Override
        public void endHeader() {
            topHeaderDone = true;
        }

        @Override
        public void startMultipart(BodyDescriptor descriptor) throws MimeException {
            if (++multipartDepth > MAX_MULTIPART_DEPTH) {
                throw new MimeException("multiparts nested more than " + MAX_MULTIPART_DEPTH + " deep");
            }
        }

        @Override
        public void endMultipart() {
            multipartDepth--;
        }

        @Override
        public void body(BodyDescriptor descriptor, InputStream in) throws IOException {
            String mimeType = descriptor.getMimeType() == null ? "text/plain"
                    : descriptor.getMimeType().toLowerCase(Locale.ROOT);
            if (isPatch(mimeType)) {
                attachedPatch = true;
                return;
            }
            boolean isPlain = mimeType.equals("text/plain");
            boolean isHtml = mimeType.equals("text/html");
            if (!isPlain && !isHtml) return;
            String text = BodyDecoder.decode(in.readAllBytes(), param(partTypeParams, "charset"));
            if (isPlain) {
                if ("flowed".equalsIgnoreCase(param(partTypeParams, "format"))) {
                    text = FlowedText.unflow(text, "yes".equalsIgnoreCase(param(partTypeParams, "delsp")));
                }
                plain.add(text);
            } else {
                html.add(text);
            }
        }

        private boolean isPatch(String mimeType) {
            if (mimeType.equals("text/x-patch") || mimeType.equals("text/x-diff")
                    || mimeType.equals("application/x-patch") || mimeType.equals("text/diff")
                    || mimeType.equals("application/x-diff")) {
                return true;
            }
            return hasPatchName(partDispositionParams) || hasPatchName(partTypeParams);
        }

        private static boolean hasPatchName(List<NameValuePair> params) {
            for (NameValuePair p : params) {
                String name = p.getName().toLowerCase(Locale.ROOT);
                if ((name.startsWith("filename") || name.startsWith("name")) && p.getValue() != null) {
                    String value = p.getValue().toLowerCase(Locale.ROOT).trim();
                    if (value.endsWith("\"")) value = value.substring(0, value.length() - 1);
                    if (value.endsWith(".patch") || value.endsWith(".diff")) return true;
                }
            }
            return false;
        }

        private static String param(List<NameValuePair> params, String name) {
            for (NameValuePair p : params) {
                if (p.getName().equalsIgnoreCase(name)) return p.getValue();
            }
            return null;
        }

        String bodyText() {
            List<String> parts = plain.isEmpty() ? html : plain;
            if (parts == html) {
                List<String> converted = new ArrayList<>(html.size());
                for (String h : html) converted.add(HtmlText.toText(h));
                parts = converted;
            }
            if (parts.isEmpty()) return "";
            if (parts.size() == 1) return endWithNewline(parts.get(0));
            StringBuilder out = new StringBuilder();
            for (String part : parts) {
                out.append(endWithNewline(part));
            }
            return out.toString();
        }

        /** MIME gives the line break before a boundary to the boundary: put it back so parts join as lines. */
        private static String endWithNewline(String text) {
            return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        }

        private static String rawValue(Field field) {
            ByteSequence raw = field.getRaw();
            if (raw == null) return field.getBody();
            byte[] bytes = raw.toByteArray();
            int colon = 0;
            while (colon < bytes.length && bytes[colon] != ':') colon++;
            if (colon >= bytes.length) return field.getBody();
            return HeaderDecoder.bytesToString(bytes, colon + 1, bytes.length - colon - 1);
        }
    }
}
