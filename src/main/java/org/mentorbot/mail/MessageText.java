package org.mentorbot.mail;

/**
 * A message body split into what its author wrote and what they carried along.
 *
 * @param own       the author's own words: no quoted replies, attribution lines, signature, list footer or patch
 * @param quoted    the quoted text ('>' lines and unmarked quotes after an "On ... wrote:" line when detectable)
 * @param hasQuote  the body quotes another message (a reply)
 * @param hasPatch  the body carries a patch or diff (unified/context diff, "diff --git", git format-patch)
 */
public record MessageText(String own, String quoted, boolean hasQuote, boolean hasPatch) {
}
