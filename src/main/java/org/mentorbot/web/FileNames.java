package org.mentorbot.web;

import java.util.Locale;

/** File names for downloads, made only of [a-z0-9-] so that they are safe in a header and on any disk. */
final class FileNames {

    private static final int MAX = 60;

    private FileNames() {
    }

    /** "kind-slug.extension", the slug from a message or thread id ("&lt;Abc@x.org&gt;" → "abc-x-org"). */
    static String of(String kind, String id, String extension) {
        String slug = id == null ? "" : id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) slug = slug.substring(0, MAX).replaceAll("-+$", "");
        return slug.isEmpty() ? kind + "." + extension : kind + "-" + slug + "." + extension;
    }
}
