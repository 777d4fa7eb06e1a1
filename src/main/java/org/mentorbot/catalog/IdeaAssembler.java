package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a format's drafts into ideas. Everything that does not depend on the page layout lives here: ids,
 * season, contact parsing and resolution, and the directory's fallback contact.
 */
final class IdeaAssembler {

    private final MentorDirectory directory;
    private final ContactParser contactParser;

    IdeaAssembler(MentorDirectory directory) {
        this.directory = directory;
        this.contactParser = new ContactParser(directory);
    }

    /**
     * @param idPrefix  usually {@link Slugs#catalogSlug}; differs from it when one file holds several pages
     * @param pageText  the page as the format read it, for the season, the page's mentor list and the fallback
     */
    Catalog assemble(String catalogName, String idPrefix, String format, String pageText, List<IdeaDraft> drafts) {
        Integer season = SeasonGuesser.guess(pageText, catalogName);
        Map<String, Contact> pageMentors = ContactParser.mentorsOnPage(pageText);
        Optional<Contact> fallback = directory.fallbackFor(pageText);
        Map<String, Integer> seen = new HashMap<>();
        List<Idea> ideas = new ArrayList<>();
        for (IdeaDraft draft : drafts) {
            String titleSlug = Slugs.slug(draft.title(), Slugs.MAX_TITLE_SLUG);
            int occurrence = seen.merge(titleSlug, 1, Integer::sum);
            String id = idPrefix + "/" + titleSlug + (occurrence > 1 ? "-" + occurrence : "");
            List<Contact> contacts = contactParser.parse(draft.contactText(), pageMentors);
            if (contacts.isEmpty() && fallback.isPresent()) contacts = List.of(fallback.get());
            ideas.add(new Idea(id, draft.title(), draft.description().strip(), draft.prerequisites().strip(),
                    draft.difficulty().strip(), contacts, catalogName, season, draft.status()));
        }
        return new Catalog(catalogName, season, format, ideas);
    }
}
