package org.mentorbot.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One parsed message: decoded headers and the readable text of its body.
 *
 * @param source     where it came from: a file path, or "mbox-path#n" (n counts from 1)
 * @param messageId  the Message-ID with its angle brackets, or a synthetic "&lt;sha1@mentorbot.invalid&gt;"
 *                   derived from the raw bytes when the header is missing (stable across runs)
 * @param date       null when absent or unparseable
 * @param inReplyTo  the first message id of In-Reply-To, or null
 * @param references message ids of References, oldest first (In-Reply-To appended when missing)
 * @param headers    every header, name lower-cased, first occurrence, value unfolded and decoded
 * @param body       text/plain parts joined (HTML converted to text when there is no plain part),
 *                   charset- and transfer-decoded, line breaks normalised to \n
 * @param attachedPatch a part is a patch or diff (text/x-patch, text/x-diff, *.patch, *.diff)
 */
public record MailMessage(
        String source,
        String messageId,
        Address from,
        List<Address> to,
        List<Address> cc,
        String subject,
        Instant date,
        String inReplyTo,
        List<String> references,
        Map<String, String> headers,
        String body,
        boolean attachedPatch) {

    public MailMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
