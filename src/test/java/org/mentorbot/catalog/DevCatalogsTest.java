package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The development set's catalogs (Git's Markdown pages and DragonFly's seeds) against labels.tsv. */
class DevCatalogsTest {

    private static final Path CATALOGS = Path.of("src/test/resources/catalogs");
    private static List<Catalog> catalogs;

    @BeforeAll
    static void readAll() throws CatalogException {
        catalogs = new CatalogReader(MentorDirectory.load(Path.of("config/mentors.txt"))).read(CATALOGS);
    }

    private static Set<String> titlesOf(String catalogName) {
        return catalogs.stream().filter(c -> c.name().equals(catalogName))
                .flatMap(c -> c.ideas().stream()).map(Idea::title).collect(Collectors.toSet());
    }

    private static Catalog catalog(String name) {
        return catalogs.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Idea idea(String catalogName, String title) {
        return catalog(catalogName).ideas().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void everyLabelledTitleIsAnIdeaOfItsCatalog() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("src/test/resources/labels.tsv"), StandardCharsets.UTF_8);
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split("\t", -1);
            if (fields.length < 4 || fields[2].equals("NONE") || fields[2].isBlank()) continue;
            for (String title : fields[2].split(" \\| ")) {
                assertThat(titlesOf(fields[3])).as("%s in %s", title, fields[3]).contains(title);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(25);
    }

    @Test
    void ideaCountsPerCatalog() {
        Map<String, Integer> counts = new HashMap<>();
        for (Catalog catalog : catalogs) counts.merge(catalog.name(), catalog.ideas().size(), Integer::sum);

        assertThat(counts).containsAllEntriesOf(Map.ofEntries(
                Map.entry("000_132b499d129c1f21.txt", 5),
                Map.entry("001_90d202b2f25cdba5.txt", 35),
                Map.entry("002_b617717bedd3fe6b.txt", 8),
                Map.entry("003_88f8e6d8780f8997.txt", 30 + 18),
                Map.entry("Outreachy-15.md", 4),
                Map.entry("Outreachy-17.md", 3),
                Map.entry("SoC-2014-Ideas.md", 12),
                Map.entry("SoC-2015-Ideas.md", 9),
                Map.entry("SoC-2016-Ideas.md", 12),
                Map.entry("SoC-2017-Ideas.md", 9),
                Map.entry("SoC-2018-Ideas.md", 5),
                Map.entry("SoC-2019-Ideas.md", 6)));
        // Outreachy-12 only links to the SoC page: no ideas, so the directory read skips it.
        assertThat(counts).doesNotContainKey("Outreachy-12.md");
    }

    @Test
    void noteHeadingsAreNotIdeas() {
        for (Catalog catalog : catalogs) {
            assertThat(catalog.ideas()).extracting(Idea::title).as(catalog.name())
                    .doesNotContain("About applying for SoC with the Git project", "Note about the number of slots",
                            "Mentors", "Requirements", "Project Ideas", "Summer of code main project ideas",
                            "How to Apply", "Getting in Touch",
                            "Note about refactoring projects versus projects that implement new features");
        }
    }

    @Test
    void subHeadingsBelongToTheirIdea() {
        Set<String> outreachy = titlesOf("Outreachy-15.md");
        assertThat(outreachy).doesNotContain("Implement `git bisect --first-parent`.", "Fix some git bisect bugs");

        Idea bisect = idea("Outreachy-15.md", "git bisect improvements");
        assertThat(bisect.description()).contains("#### Implement `git bisect --first-parent`.")
                .contains("Fix some git bisect bugs");
        assertThat(titlesOf("SoC-2016-Ideas.md")).contains("git rebase improvements")
                .doesNotContain("Port parts of git rebase to a C helper");
    }

    @Test
    void metadataGoesIntoFieldsNotTheDescription() {
        Idea tempfile = idea("SoC-2014-Ideas.md", "Refactor tempfile handling");

        assertThat(tempfile.prerequisites()).isEqualTo("C");
        assertThat(tempfile.difficulty()).isEqualTo("easy");
        assertThat(tempfile.contacts()).containsExactly(Contact.mentor("Jeff King", null));
        assertThat(tempfile.description()).startsWith("When performing operations that fail")
                .doesNotContain("Possible mentors", "Difficulty:", "Language:");
        assertThat(tempfile.season()).isEqualTo(2014);
        assertThat(tempfile.catalog()).isEqualTo("SoC-2014-Ideas.md");
        assertThat(tempfile.id()).isEqualTo("soc-2014-ideas/refactor-tempfile-handling");
    }

    @Test
    void namesOnlyMentorsAreSplit() {
        assertThat(idea("SoC-2014-Ideas.md", "Replace object loading/writing layer by libgit2").contacts())
                .extracting(Contact::name).containsExactly("Thomas Rast", "Vicent Martí");
        assertThat(idea("SoC-2014-Ideas.md", "Pack bitmap support for libgit2").contacts())
                .extracting(Contact::name).containsExactly("Vicent Martí", "Jeff King");
        assertThat(idea("SoC-2017-Ideas.md", "Speeding up reachability queries: generation numbers").contacts())
                .extracting(Contact::name).containsExactly("Jakub Narębski", "Jeff King");
    }

    @Test
    void pageMentorListGivesNamesTheirAddresses() {
        assertThat(idea("Outreachy-15.md", "Speeding up history traversals with caches").contacts())
                .containsExactly(Contact.mentor("Jeff King", "peff@peff.net"));
        assertThat(idea("Outreachy-17.md", "Improve `git bisect`").contacts()).containsExactly(
                Contact.mentor("Christian Couder", "christian.couder@gmail.com"),
                Contact.mentor("Johannes Schindelin", "Johannes.Schindelin@gmx.de"));
    }

    @Test
    void seasonsComeFromThePages() {
        assertThat(catalog("Outreachy-15.md").season()).isEqualTo(2017);
        assertThat(catalog("Outreachy-17.md").season()).isEqualTo(2018);
        assertThat(catalog("SoC-2019-Ideas.md").season()).isEqualTo(2019);
        assertThat(catalog("SoC-2019-Ideas.md").format()).isEqualTo("markdown");
    }

    @Test
    void removedIdeaIsRetired() {
        assertThat(idea("SoC-2014-Ideas.md", "Abstracted reference backends in Git").status())
                .isEqualTo(Idea.Status.RETIRED);
        assertThat(idea("SoC-2014-Ideas.md", "Refactor tempfile handling").status()).isEqualTo(Idea.Status.OPEN);
    }
}
