package org.mentorbot.store;

import java.util.regex.Pattern;

/** JDBC URLs as they may appear in messages: without any password they might carry. */
final class JdbcUrls {
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)((?:password|pwd)\\s*=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    private JdbcUrls() {
    }

    static String redact(String url) {
        String withoutSettings = PASSWORD_SETTING.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutSettings).replaceAll("//$1:***@");
    }

    /** H2 keeps recent commits in memory for up to a second; file databases need an explicit flush. */
    static boolean isH2File(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.contains("mem:");
    }
}
