package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Google Summer of Code archive page of an organisation: under "Projects", one "• Title Description" paragraph
 * per accepted project. The archive runs title and description together, so the title is cut where the
 * description's first sentence starts (see {@link #splitTitle}). Accepted projects are {@link Idea.Status#TAKEN}.
 */
final class GsocArchiveFormat implements CatalogFormat {

    private static final Pattern PROJECTS_LINE = Pattern.compile("(?mi)^\\s*projects\\s*$");
    private static final Pattern ENTRY = Pattern.compile("(?m)^\\s*•\\s*(\\S.*)$");
    private static final Pattern WORD = Pattern.compile("\\S+");

    /**
     * Words that open a description's first sentence: determiners and pronouns, and the imperative or gerund verbs
     * that project summaries start with. A capitalised word inside a title is normally a name (DragonFly, KVM,
     * Virtio), which this list never contains. Short words that Title Case headings capitalise ("A", "For", "To")
     * are left out on purpose.
     */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the", "this", "these", "there", "it", "its", "we", "our", "my", "i", "currently", "goal", "aim",
            "implement", "implementing", "add", "adding", "port", "porting", "create", "creating", "make", "making",
            "write", "writing", "improve", "improving", "provide", "providing", "support", "supporting", "develop",
            "developing", "design", "designing", "extend", "extending", "build", "building", "bring", "bringing",
            "allow", "allowing", "enable", "enabling", "integrate", "integrating", "rewrite", "rewriting",
            "refactor", "refactoring", "replace", "replacing", "convert", "converting", "update", "updating",
            "modify", "modifying", "use", "using", "fix", "fixing", "tune", "tuning", "benchmark", "benchmarking");

    @Override
    public String name() {
        return "gsoc-archive";
    }

    @Override
    public boolean recognises(String text) {
        Matcher projects = PROJECTS_LINE.matcher(text);
        return projects.find() && ENTRY.matcher(text).find(projects.end());
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        Matcher projects = PROJECTS_LINE.matcher(text);
        List<IdeaDraft> drafts = new ArrayList<>();
        if (projects.find()) {
            Matcher entry = ENTRY.matcher(text);
            int from = projects.end();
            while (entry.find(from)) {
                String[] titleAndDescription = splitTitle(entry.group(1).strip());
                drafts.add(IdeaDraft.of(titleAndDescription[0], titleAndDescription[1], Idea.Status.TAKEN));
                from = entry.end();
            }
        }
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), text, drafts));
    }

    /**
     * Splits "Title Description..." at the first capitalised sentence opener after the first word (or at a word
     * repeating the title's own first word, as in "Implementing X Implementing the X allows..."). Without one, the
     * title is the first sentence.
     */
    static String[] splitTitle(String entry) {
        Matcher word = WORD.matcher(entry);
        String firstWord = null;
        int index = 0;
        while (word.find()) {
            String token = word.group();
            if (index == 0) {
                firstWord = bare(token);
            } else if (index >= 2 && opensSentence(token, firstWord)) {
                String title = entry.substring(0, word.start()).strip();
                return new String[] {title, entry.substring(word.start()).strip()};
            }
            index++;
        }
        Matcher sentenceEnd = Pattern.compile("[.!?](?=\\s+\\p{Lu})").matcher(entry);
        if (sentenceEnd.find()) {
            return new String[] {entry.substring(0, sentenceEnd.start()).strip(), entry.substring(sentenceEnd.end()).strip()};
        }
        return new String[] {entry, ""};
    }

    private static boolean opensSentence(String token, String firstWord) {
        String bare = bare(token);
        // "Title-case" only: all-caps words (KVM, BFQ) and inner capitals (DragonFly, NetBSD) are names.
        if (!bare.matches("\\p{Lu}\\p{Ll}*")) return false;
        String lower = bare.toLowerCase(Locale.ROOT);
        return SENTENCE_OPENERS.contains(lower) || lower.equals(firstWord.toLowerCase(Locale.ROOT));
    }

    private static String bare(String token) {
        return token.replaceAll("^\\W+|\\W+$", "");
    }
}
