package org.mentorbot.action;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.store.OutgoingMail;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.Evidence;
import org.mentorbot.triage.IdeaMatch;

/**
 * Composes the bot's mails in full, down to the bytes, so that what the ledger records is exactly what
 * gets sent, however often a send is retried. Everything copied from an incoming message goes through
 * {@link HeaderText} and {@link Mailboxes} first: the student (or whoever forged the mail) controls it.
 */
public final class MailComposer {

    private static final int MAX_SUBJECT = 250;
    private static final int MAX_NAME = 80;
    private static final int REASONS_SHOWN = 5;
    private static final int ALTERNATIVES_SHOWN = 3;
    /** "Re:", "RE :", "Aw:", "Sv:", "Re[2]:" and the like, stacked or not. */
    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^(?:\\s*(?:re|aw|sv|antw|vs)\\s*(?:\\[\\d+\\])?\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
    /** Ids the parser made up for mail without one: no mailer knows them, so threading by them is noise. */
    private static final String SYNTHETIC_ID_SUFFIX = "@mentorbot.invalid>";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final BotIdentity bot;
    private final Templates templates;
    private final Session session = Session.getInstance(new Properties());

    public MailComposer(BotIdentity bot, Templates templates) {
        this.bot = bot;
        this.templates = templates;
    }

    /**
     * A private note to the idea's mentors (or, when the catalog names no mentor address, its list contacts)
     * that a student asked about it, with the student's message attached. Null when there is no idea or
     * nobody to write to.
     */
    public OutgoingMail notifyMentor(MailMessage inquiry, byte[] inquiryRaw, Decision d, String threadId) {
        if (d.idea() == null) return null;
        List<Contact> contacts = d.contacts().isEmpty() ? d.idea().contacts() : d.contacts();
        List<InternetAddress> to = recipients(contacts, Contact.Role.MENTOR);
        if (to.isEmpty()) to = recipients(contacts, Contact.Role.LIST);
        if (to.isEmpty()) return null;

        Map<String, String> v = common(d.idea());
        v.put("mentor_names", names(to));
        v.put("student_name", studentName(inquiry));
        v.put("student_address", studentAddress(inquiry));
        v.put("subject", subjectOf(inquiry));
        v.put("date", inquiry.date() == null ? "unknown" : DATE.format(inquiry.date()));
        String id = HeaderText.messageId(inquiry.messageId());
        v.put("message_id", id == null ? "(none)" : id);
        v.put("confidence", Math.round(d.confidence() * 100) + "%");
        v.put("reasons", reasons(d.evidence()));
        v.put("alternatives", alternatives(d.alternatives()));
        Templates.Rendered text = templates.render("notify", v);

        try {
            MimeMessage msg = start(text.subject(), "auto-replied");
            msg.setRecipients(RecipientType.TO, to.toArray(InternetAddress[]::new));
            MimeBodyPart body = new MimeBodyPart();
            body.setText(crlf(text.body()), "UTF-8");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            if (inquiryRaw != null && inquiryRaw.length > 0) mixed.addBodyPart(attachment(inquiryRaw));
            msg.setContent(mixed);
            return finish(msg, "notify", inquiry.messageId(), to, List.of(), threadId, studentAddressOrNull(inquiry));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose the notification for " + inquiry.messageId(), e);
        }
    }

    /**
     * A reply in the student's thread naming the idea and its mentors: To the student (their Reply-To unless
     * that is the list), Cc the mentors and, when asked, the list. Null when there is no idea or no usable
     * student address.
     */
    public OutgoingMail replyToStudent(MailMessage inquiry, Decision d, String threadId, boolean ccList,
                                       String listAddress) {
        if (d.idea() == null) return null;
        String list = Mailboxes.normalize(listAddress);
        InternetAddress student = studentMailbox(inquiry, list);
        if (student == null) return null;

        List<Contact> contacts = d.contacts().isEmpty() ? d.idea().contacts() : d.contacts();
        List<InternetAddress> mentors = recipients(contacts, Contact.Role.MENTOR);
        List<InternetAddress> cc = new ArrayList<>();
        for (InternetAddress m : mentors) addOnce(cc, m, student);
        if (ccList && list != null) addOnce(cc, Mailboxes.mailbox(list, null), student);

        Map<String, String> v = common(d.idea());
        v.put("student_name", studentName(inquiry));
        v.put("subject", REPLY_PREFIX.matcher(subjectOf(inquiry)).replaceFirst(""));
        v.put("mentor_names", mentors.isEmpty() ? "the people listed on the ideas page" : names(mentors));
        Templates.Rendered text = templates.render("reply", v);

        try {
            MimeMessage msg = start(text.subject(), "auto-replied");
            msg.setRecipient(RecipientType.TO, student);
            if (!cc.isEmpty()) {
                msg.setRecipients(RecipientType.CC, cc.toArray(InternetAddress[]::new));
                // A student answering the bot should reach the people it pointed to, not the bot's mailbox.
                msg.setReplyTo(cc.toArray(InternetAddress[]::new));
            }
            String parent = HeaderText.messageId(inquiry.messageId());
            if (parent != null && parent.endsWith(SYNTHETIC_ID_SUFFIX)) parent = null;
            if (parent != null) msg.setHeader("In-Reply-To", parent);
            List<String> refs = HeaderText.references(inquiry.references(), parent);
            refs.removeIf(r -> r.endsWith(SYNTHETIC_ID_SUFFIX));
            if (!refs.isEmpty()) msg.setHeader("References", MimeUtility.fold(12, String.join(" ", refs)));
            msg.setText(crlf(text.body()), "UTF-8");
            return finish(msg, "reply", inquiry.messageId(), List.of(student), cc, threadId,
                    studentAddressOrNull(inquiry));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose the reply to " + inquiry.messageId(), e);
        }
    }

    /** A mentor's periodic summary. Null when the address is unusable or there is nothing to report. */
    public OutgoingMail digest(String mentorAddress, String mentorName, List<DigestLine> routed,
                               List<DigestLine> unanswered) {
        String name = mentorName == null || mentorName.isBlank() ? null : HeaderText.singleLine(mentorName, MAX_NAME);
        InternetAddress to = Mailboxes.mailbox(mentorAddress, name);
        if (to == null || (routed.isEmpty() && unanswered.isEmpty())) return null;

        Map<String, String> v = new HashMap<>();
        v.put("bot_name", bot.name());
        v.put("mentor_name", name == null ? to.getAddress() : name);
        v.put("routed", digestLines(routed));
        v.put("unanswered", digestLines(unanswered));
        v.put("routed_count", Integer.toString(routed.size()));
        v.put("unanswered_count", Integer.toString(unanswered.size()));
        Templates.Rendered text = templates.render("digest", v);

        try {
            // A digest answers no message: RFC 3834 calls that auto-generated.
            MimeMessage msg = start(text.subject(), "auto-generated");
            msg.setRecipient(RecipientType.TO, to);
            msg.setText(crlf(text.body()), "UTF-8");
            return finish(msg, "digest", null, List.of(to), List.of(), null, null);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose the digest for " + to.getAddress(), e);
        }
    }

    private MimeMessage start(String subject, String autoSubmitted) throws MessagingException {
        MimeMessage msg = new FixedIdMimeMessage(session);
        try {
            msg.setFrom(new InternetAddress(bot.address(), bot.name(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        msg.setSentDate(new Date());
        msg.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + bot.domain() + ">");
        // The templates' subject lines hold mail-derived values; flatten the result, then let Jakarta
        // RFC 2047-encode (when not ASCII) and fold it.
        msg.setSubject(HeaderText.singleLine(subject, MAX_SUBJECT + 100), "UTF-8");
        // RFC 3834: marks the mail as a robot's, so well-behaved responders (and our own LoopGuard) leave it be.
        msg.setHeader("Auto-Submitted", autoSubmitted);
        msg.setHeader("X-Loop", bot.loopTag());
        // Exchange/Outlook do not read Auto-Submitted; this asks them not to send out-of-office notes back.
        // (Precedence: bulk is deliberately absent: it sends a personal reply to spam folders.)
        msg.setHeader("X-Auto-Response-Suppress", "All");
        return msg;
    }

    private OutgoingMail finish(MimeMessage msg, String kind, String inquiryId, List<InternetAddress> to,
                                List<InternetAddress> cc, String threadId, String sender) throws MessagingException {
        msg.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            msg.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> envelope = new ArrayList<>();
        for (InternetAddress a : to) envelope.add(a.getAddress().toLowerCase(Locale.ROOT));
        for (InternetAddress a : cc) {
            String addr = a.getAddress().toLowerCase(Locale.ROOT);
            if (!envelope.contains(addr)) envelope.add(addr);
        }
        return new OutgoingMail(kind, inquiryId, envelope.get(0), envelope, msg.getMessageID(), threadId, sender,
                bytes.toByteArray());
    }

    /**
     * The original as message/rfc822, byte for byte. RFC 2046 allows only identity encodings for it, so 8-bit
     * originals travel as 8bit; one with NULs or overlong lines cannot, and goes base64, which mail
     * clients read anyway.
     */
    private static MimeBodyPart attachment(byte[] raw) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(raw, "message/rfc822")));
        part.setHeader("Content-Type", "message/rfc822");
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName("inquiry.eml");
        part.setHeader("Content-Transfer-Encoding", identityEncoding(raw));
        return part;
    }

    private static String identityEncoding(byte[] raw) {
        boolean eightBit = false;
        int lineLength = 0;
        for (byte b : raw) {
            if (b == '\n') {
                lineLength = 0;
                continue;
            }
            if (b == 0 || ++lineLength > 998) return "base64";
            if (b < 0) eightBit = true;
        }
        return eightBit ? "8bit" : "7bit";
    }

    private Map<String, String> common(Idea idea) {
        Map<String, String> v = new HashMap<>();
        v.put("bot_name", bot.name());
        v.put("idea_title", HeaderText.singleLine(idea.title(), 200));
        v.put("idea_id", HeaderText.singleLine(idea.id(), 200));
        v.put("catalog", HeaderText.singleLine(idea.catalog(), 200));
        return v;
    }

    /** Contacts of one role with a usable address, without the bot itself and without repeats. */
    private List<InternetAddress> recipients(List<Contact> contacts, Contact.Role role) {
        Map<String, InternetAddress> byAddress = new LinkedHashMap<>();
        for (Contact c : contacts) {
            if (c.role() != role) continue;
            InternetAddress a = Mailboxes.mailbox(c.email(), c.name());
            if (a == null) continue;
            String key = a.getAddress().toLowerCase(Locale.ROOT);
            if (!key.equals(bot.address())) byAddress.putIfAbsent(key, a);
        }
        return new ArrayList<>(byAddress.values());
    }

    private void addOnce(List<InternetAddress> list, InternetAddress a, InternetAddress except) {
        if (a == null) return;
        String key = a.getAddress().toLowerCase(Locale.ROOT);
        if (key.equals(bot.address()) || key.equalsIgnoreCase(except.getAddress())) return;
        for (InternetAddress x : list) {
            if (x.getAddress().equalsIgnoreCase(key)) return;
        }
        list.add(a);
    }

    /**
     * Where the student wants answers: the first Reply-To mailbox unless it is the list (lists that set
     * Reply-To to themselves would turn a private reply public) or the bot; else From.
     */
    private InternetAddress studentMailbox(MailMessage inquiry, String list) {
        String fromName = inquiry.from() == null ? null : inquiry.from().name();
        String replyTo = inquiry.header("reply-to");
        if (replyTo != null) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(HeaderText.singleLine(replyTo, 2000), false)) {
                    String addr = Mailboxes.normalize(a.getAddress());
                    if (addr == null || addr.equals(list) || addr.equals(bot.address())) continue;
                    String name = a.getPersonal() != null ? a.getPersonal() : fromName;
                    return Mailboxes.mailbox(addr, name);
                }
            } catch (AddressException e) {
                // An unparseable Reply-To: fall back to From, which the parser has already vetted.
            }
        }
        String from = studentAddressOrNull(inquiry);
        if (from == null || from.equals(list) || from.equals(bot.address())) return null;
        return Mailboxes.mailbox(from, fromName);
    }

    private static String studentAddressOrNull(MailMessage inquiry) {
        return inquiry.from() == null ? null : Mailboxes.normalize(inquiry.from().email());
    }

    private static String studentAddress(MailMessage inquiry) {
        String a = studentAddressOrNull(inquiry);
        return a == null ? "no usable address" : a;
    }

    private static String studentName(MailMessage inquiry) {
        if (inquiry.from() != null && inquiry.from().name() != null) {
            String n = HeaderText.singleLine(inquiry.from().name(), MAX_NAME);
            if (!n.isEmpty()) return n;
        }
        String a = studentAddressOrNull(inquiry);
        return a == null ? "A student" : Mailboxes.localPart(a);
    }

    private static String subjectOf(MailMessage inquiry) {
        String s = HeaderText.singleLine(inquiry.subject(), MAX_SUBJECT);
        return s.isEmpty() ? "(no subject)" : s;
    }

    private static String names(List<InternetAddress> people) {
        return people.stream()
                .map(a -> a.getPersonal() != null ? a.getPersonal() : a.getAddress())
                .collect(Collectors.joining(", "));
    }

    private static String reasons(List<Evidence> evidence) {
        if (evidence.isEmpty()) return "  (none recorded)";
        return evidence.stream().limit(REASONS_SHOWN)
                .map(e -> String.format(Locale.ROOT, "  - %s (%+.1f): %s", HeaderText.singleLine(e.signal(), 60),
                        e.weight(), HeaderText.singleLine(e.detail(), 160)))
                .collect(Collectors.joining("\n"));
    }

    private static String alternatives(List<IdeaMatch> matches) {
        if (matches.isEmpty()) return "  (none)";
        return matches.stream().limit(ALTERNATIVES_SHOWN)
                .map(m -> String.format(Locale.ROOT, "  - %s (%s, id %s), score %.2f",
                        HeaderText.singleLine(m.idea().title(), 200), HeaderText.singleLine(m.idea().catalog(), 200),
                        HeaderText.singleLine(m.idea().id(), 200), m.score()))
                .collect(Collectors.joining("\n"));
    }

    private static String digestLines(List<DigestLine> lines) {
        if (lines.isEmpty()) return "  (none)";
        return lines.stream()
                .map(l -> "  - " + HeaderText.singleLine(l.date(), 40) + "  " + HeaderText.singleLine(l.student(), MAX_NAME)
                        + ": \"" + HeaderText.singleLine(l.subject(), MAX_SUBJECT) + "\" -> "
                        + HeaderText.singleLine(l.ideaTitle(), 200) + "  "
                        + (HeaderText.messageId(l.messageId()) == null ? "" : l.messageId().trim()))
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
    }

    /** Mail wants CRLF; Jakarta copies 7bit text as it is, so bare LFs would otherwise reach the wire. */
    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }
}
