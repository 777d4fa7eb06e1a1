package org.mentorbot.catalog;

import java.util.Locale;
import java.util.Set;

/**
 * Tells mailing-list addresses from people's addresses by their shape, so that pages of projects nobody configured
 * still route "kernel@..." or "git@vger.kernel.org" to the list rather than treating them as a mentor.
 */
final class ListAddresses {

    private static final Set<String> LIST_LOCAL_PARTS = Set.of(
            "kernel", "users", "user", "devel", "dev", "developers", "hackers", "discuss", "discussion", "general",
            "git", "tech", "questions", "announce", "commits", "bugs", "soc", "gsoc", "mentors", "students",
            "community", "help", "support");
    private static final String[] LIST_LOCAL_SUFFIXES = {"-devel", "-dev", "-users", "-discuss", "-list", "-hackers"};

    private ListAddresses() {}

    static boolean looksLikeList(String email) {
        if (email == null) return false;
        String address = email.toLowerCase(Locale.ROOT).trim();
        int at = address.lastIndexOf('@');
        if (at <= 0) return false;
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (domain.startsWith("lists.") || domain.startsWith("list.")) return true;
        if (LIST_LOCAL_PARTS.contains(local)) return true;
        for (String suffix : LIST_LOCAL_SUFFIXES) {
            if (local.endsWith(suffix)) return true;
        }
        return false;
    }
}
