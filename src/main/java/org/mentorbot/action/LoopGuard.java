package org.mentorbot.action;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mentorbot.mail.MailMessage;

/**
 * Decides when the bot must not answer a message at all, so it never talks to itself, to another robot,
 * or to a bounce. Every answer to such mail risks a loop (two auto-responders answering each other until a
 * quota runs out) or backscatter. Beware of over-reach: a mailing list stamps its own marks (Precedence:
 * bulk or list, List-Id, Sender and Return-Path of its bounce address) on every post, including the student
 * posts the bot exists to answer, so those marks alone never silence it.
 */
public final class LoopGuard {

    /** Local parts of addresses that belong to machines, not people (RFC 3834 section 2, RFC 5321 postmaster). */
    private static final Set<String> ROBOT_LOCAL_PARTS = Set.of(
            "mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
            "do_not_reply", "majordomo", "mailman", "listserv");

    /** Headers a list server adds to each post; their presence makes Precedence: bulk/list expected. */
    private static final String[] LIST_HEADERS = {"list-id", "list-post", "mailing-list", "x-mailing-list"};

    private LoopGuard() {
    }

    /** A one-line reason to leave the message alone, or empty when the bot may act on it. */
    public static Optional<String> reasonToStayQuiet(MailMessage m, BotIdentity bot) {
        String from = m.from() == null || m.from().email() == null ? "" : m.from().email().toLowerCase(Locale.ROOT);

        // Our own mail, come back through the list or a forward: answering it is the simplest loop of all.
        if (from.equals(bot.address())) {
            return Optional.of("sent by the bot itself (From: " + from + ")");
        }
        // X-Loop is the classic (procmail, Debian lists) mark of "already passed through this robot"; it
        // catches our mail even when a list rewrote its From. Only the first X-Loop is kept by the parser.
        String loop = m.header("x-loop");
        if (loop != null && stripBrackets(loop).equalsIgnoreCase(stripBrackets(bot.loopTag()))) {
            return Optional.of("carries the bot's own X-Loop: " + bot.loopTag());
        }
        // RFC 3834: any Auto-Submitted value but "no" marks machine-generated mail, which must not be answered
        // automatically. Lists keep this header, so it also catches other robots' posts to the list.
        String autoSubmitted = m.header("auto-submitted");
        if (autoSubmitted != null && !firstToken(autoSubmitted).equals("no")) {
            return Optional.of("Auto-Submitted: " + HeaderText.singleLine(autoSubmitted, 60));
        }
        // Microsoft's way of saying "do not auto-respond to this"; Exchange sets it on its own auto-replies.
        if (m.header("x-auto-response-suppress") != null) {
            return Optional.of("X-Auto-Response-Suppress present: the sender asks for no automatic answers");
        }
        // Older vacation programs and ticket systems mark their replies with these instead of Auto-Submitted.
        if (m.header("x-autoreply") != null || m.header("x-autorespond") != null) {
            return Optional.of("marked as an automatic reply (X-Autoreply/X-Autorespond)");
        }
        // Precedence (RFC 2076, non-standard but honoured by vacation(1)): "junk" is never a person writing;
        // "auto_reply" is another responder. "bulk" and "list" are what every list adds to every post, so
        // they only count against mail that does not come through a list: newsletters, mass mailings.
        String precedence = m.header("precedence");
        if (precedence != null) {
            String p = firstToken(precedence);
            if (p.equals("junk") || p.equals("auto_reply") || p.equals("auto-reply")) {
                return Optional.of("Precedence: " + p);
            }
            if ((p.equals("bulk") || p.equals("list")) && !isListTraffic(m)) {
                return Optional.of("Precedence: " + p + " on mail that did not come through a mailing list");
            }
        }
        // A null reverse path is what RFC 5321 prescribes for bounces and other delivery notifications.
        // (A list's own Return-Path, its bounce address, is normal on every post and not looked at.)
        String returnPath = m.header("return-path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("null Return-Path <>: a bounce or delivery notification");
        }
        // RFC 6522: delivery status notifications and other machine reports are multipart/report.
        String contentType = m.header("content-type");
        if (contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.of("Content-Type multipart/report: a delivery or disposition report");
        }
        // Senders that are machines by name: daemons, no-reply senders, bounce handlers and the list
        // server's own addresses (RFC 2142 -request, Mailman -owner/-bounces, majordomo owner-).
        if (!from.isEmpty()) {
            String local = Mailboxes.localPart(from);
            if (ROBOT_LOCAL_PARTS.contains(local)) {
                return Optional.of("sent by a robot address: " + from);
            }
            if (local.contains("bounce")) {
                return Optional.of("sent by a bounce address: " + from);
            }
            if (local.endsWith("-owner") || local.startsWith("owner-") || local.endsWith("-request")) {
                return Optional.of("sent by a list administration address: " + from);
            }
        }
        return Optional.empty();
    }

    private static boolean isListTraffic(MailMessage m) {
        for (String h : LIST_HEADERS) {
            if (m.header(h) != null) return true;
        }
        return false;
    }

    /** The keyword of a structured header value: "auto-replied; owner-email=..." → "auto-replied". */
    private static String firstToken(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < v.length() && ";( \t".indexOf(v.charAt(end)) < 0) end++;
        return v.substring(0, end);
    }

    private static String stripBrackets(String s) {
        String t = s.trim();
        if (t.startsWith("<") && t.endsWith(">")) t = t.substring(1, t.length() - 1);
        return t.trim();
    }
}
