package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ideas that recur across catalogs lend their mentors to copies that lost them. */
class RecurringIdeasTest {

    private static Idea idea(String catalog, Integer season, String title, Contact... contacts) {
        return new Idea(catalog + "/" + Slugs.slug(title, 60), title, "", "", "", List.of(contacts), catalog, season,
                Idea.Status.OPEN);
    }

    private static Catalog catalog(String name, Integer season, Idea... ideas) {
        return new Catalog(name, season, "markdown", List.of(ideas));
    }

    @Test
    void renderedDragonFlyPageBorrowsMentorsFromTheDiff() throws CatalogException {
        List<Catalog> catalogs = new CatalogReader(MentorDirectory.load(Path.of("config/mentors.txt")))
                .read(Path.of("config/catalogs"));

        Catalog rendered = catalogs.stream().filter(c -> c.name().equals("001_90d202b2f25cdba5.txt")).findFirst()
                .orElseThrow();
        Idea valgrind = rendered.ideas().stream().filter(i -> i.title().equals("Port valgrind to DragonFlyBSD"))
                .findFirst().orElseThrow();

        // Its own contact (the directory's fallback list) is kept after the borrowed mentor.
        assertThat(valgrind.contacts()).containsExactly(
                Contact.mentor("Aggelos Economopoulos", "aoiko@cc.ece.ntua.gr"),
                Contact.list("kernel@lists.dragonflybsd.org"));
        assertThat(valgrind.id()).startsWith("001-90d202b2f25cdba5/");
    }

    @Test
    void nearestSeasonWinsAndTitlesMatchLoosely() {
        Contact old = Contact.mentor("Old Mentor", "old@example.org");
        Contact recent = Contact.mentor("New Mentor", "new@example.org");
        Contact list = Contact.list("dev@lists.example.org");
        List<Catalog> catalogs = List.of(
                catalog("2015", 2015, idea("2015", 2015, "Improve `git bisect`", old)),
                catalog("2019", 2019, idea("2019", 2019, "improve git-bisect", recent)),
                catalog("2020", 2020, idea("2020", 2020, "Improve  Git Bisect!", list),
                        idea("2020", 2020, "Something else")));

        List<Catalog> linked = RecurringIdeas.linkRecurring(catalogs);

        assertThat(linked.get(2).ideas().get(0).contacts()).containsExactly(recent, list);
        assertThat(linked.get(2).ideas().get(1).contacts()).isEmpty();
        // Ideas that have mentors keep exactly theirs.
        assertThat(linked.get(0).ideas().get(0).contacts()).containsExactly(old);
        assertThat(linked.get(1)).isSameAs(catalogs.get(1));
    }

    @Test
    void ideasDoNotBorrowFromTheirOwnCatalog() {
        Contact mentor = Contact.mentor("Jane Doe", null);
        List<Catalog> catalogs = List.of(catalog("page", 2020, idea("page", 2020, "Speed", mentor),
                idea("page", 2020, "speed")));

        assertThat(RecurringIdeas.linkRecurring(catalogs).get(0).ideas().get(1).contacts()).isEmpty();
    }

    @Test
    void keyIgnoresCasePunctuationBackticksAndSpaces() {
        assertThat(RecurringIdeas.key("Port `valgrind` to DragonFly-BSD."))
                .isEqualTo(RecurringIdeas.key("port valgrind to dragonfly bsd"));
    }
}
