package org.mentorbot.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.archive.ArchivedMessage;

/**
 * {@code /thread.mbox?id=}: a thread's raw messages as one mboxrd file, oldest first, for a mail client or
 * {@code mentorbot import}. mboxrd, not mboxo: every body line that starts with "&gt;*From " gets one more
 * '&gt;', so the quoting can be undone exactly.
 */
final class MboxExport implements Route {

    private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>|([^<>\\s]+@[^<>\\s]+)");

    private final ArchiveSearch search;

    MboxExport(ArchiveSearch search) {
        this.search = search;
    }

    @Override
    public Response respond(Request request) {
        String id = request.text("id");
        if (id == null) return ErrorPage.badRequest("Which thread? The link has no id.");
        id = Links.bracketed(id);
        List<ArchivedMessage> messages = search.thread(id);
        if (messages.isEmpty()) return ErrorPage.notFound("No thread " + id + " in the archive.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ArchivedMessage m : messages) {
            Optional<byte[]> raw = search.raw(m.messageId());
            if (raw.isEmpty()) continue; // indexed but its bytes are gone: nothing to export
            write(out, envelopeSender(m.from()), m.date(), raw.get());
        }
        return Response.attachment("application/mbox", out.toByteArray(), FileNames.of("thread", id, "mbox"));
    }

    /** One message: the "From " line, the escaped message, and the empty line that ends it. */
    static void write(ByteArrayOutputStream out, String sender, long date, byte[] raw) {
        out.writeBytes(("From " + sender + " " + Dates.asctime(date) + "\n").getBytes(StandardCharsets.US_ASCII));
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') end++;
            if (escapes(raw, start, end)) out.write('>');
            out.write(raw, start, end - start);
            out.write('\n');
            start = end + 1;
        }
        out.write('\n');
    }

    /** A line that is "From " after any number of '&gt;'. */
    private static boolean escapes(byte[] b, int start, int end) {
        int i = start;
        while (i < end && b[i] == '>') i++;
        return end - i >= 5 && b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm' && b[i + 4] == ' ';
    }

    /**
     * The address for the "From " line: one word of printable ASCII, since a space or a line break there
     * would split the file differently for every reader.
     */
    static String envelopeSender(String from) {
        if (from != null) {
            Matcher m = ADDRESS.matcher(from);
            if (m.find()) {
                String address = m.group(1) != null ? m.group(1) : m.group(2);
                if (address.chars().allMatch(c -> c > 0x20 && c < 0x7f)) return address;
            }
        }
        return "MAILER-DAEMON";
    }
}
