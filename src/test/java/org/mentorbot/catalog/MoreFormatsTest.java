package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layouts other organisations publish ideas in (wiki, reST, AsciiDoc, bare title lists and tables, bold titles),
 * on pages in src/test/resources/catalogs-more modelled on real ones.
 */
class MoreFormatsTest {

    private static final Path PAGES = Path.of("src/test/resources/catalogs-more");

    private final CatalogReader reader = new CatalogReader(MentorDirectory.empty());

    private Catalog read(String file) throws CatalogException {
        List<Catalog> catalogs = reader.read(PAGES.resolve(file));
        assertThat(catalogs).hasSize(1);
        return catalogs.get(0);
    }

    private static Idea idea(Catalog catalog, String title) {
        return catalog.ideas().stream().filter(i -> i.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no idea titled " + title + " in "
                        + catalog.ideas().stream().map(Idea::title).toList()));
    }

    @Test
    void mediaWikiIdeasAreTheHeadingsUnderProjectIdeas() throws CatalogException {
        Catalog page = read("emulator-wiki-2024.txt");

        assertThat(page.format()).isEqualTo("mediawiki");
        assertThat(page.season()).isEqualTo(2024);
        assertThat(page.ideas()).extracting(Idea::title).containsExactly("Zoned storage support for virtio-blk",
                "Rust bindings for the block layer", "Removed: Windows host audio backend");
        Idea zoned = idea(page, "Zoned storage support for virtio-blk");
        assertThat(zoned.contacts()).containsExactly(Contact.mentor("Stefan Hayes", "stefan.hayes@example.org"));
        assertThat(zoned.difficulty()).isEqualTo("intermediate");
        assertThat(zoned.prerequisites()).isEqualTo("C");
        // Links and markup are reduced to their text.
        assertThat(zoned.description()).contains("Zoned Storage documentation", "virtio-blk feature page",
                "the `virtio-blk` emulation").doesNotContain("[[", "[http", "'''", "<code>", "Mentor:");
        Idea rust = idea(page, "Rust bindings for the block layer");
        assertThat(rust.contacts()).containsExactly(Contact.mentor("Marta Lind", null));
        assertThat(rust.difficulty()).isEqualTo("Hard");
        assertThat(rust.prerequisites()).isEqualTo("Rust, some C");
        assertThat(idea(page, "Removed: Windows host audio backend").status()).isEqualTo(Idea.Status.RETIRED);
    }

    @Test
    void mediaWikiTableHasOneIdeaPerRow() throws CatalogException {
        Catalog page = read("drawing-app-wiki.txt");

        assertThat(page.format()).isEqualTo("mediawiki");
        assertThat(page.season()).isEqualTo(2022);
        assertThat(page.ideas()).extracting(Idea::title)
                .containsExactly("Path effects on canvas", "Faster PDF import", "Extension manager");
        assertThat(idea(page, "Path effects on canvas").contacts())
                .containsExactly(Contact.mentor("Martin Owens", "doctormo@example.net"));
        assertThat(idea(page, "Faster PDF import").difficulty()).isEqualTo("Hard");
        assertThat(idea(page, "Faster PDF import").prerequisites()).isEqualTo("C++, Poppler");
        assertThat(idea(page, "Extension manager").contacts())
                .containsExactly(Contact.mentor("Ryan Gorley", "ryan@example.com"));
    }

    @Test
    void wikiInlineMarkupBecomesText() {
        assertThat(MediaWikiFormat.inline("See [[Foo/Bar|the guide]], [[Baz]] and [https://x.org/ our site]."))
                .isEqualTo("See the guide, Baz and our site.");
        assertThat(MediaWikiFormat.inline("'''Mentor:''' [mailto:jane@example.org Jane Doe]{{irc|jdoe}}"))
                .isEqualTo("**Mentor:** Jane Doe <jane@example.org>");
        assertThat(MediaWikiFormat.toMarkdown("# first\n## second\n; Difficulty : easy"))
                .isEqualTo("1. first\n  1. second\nDifficulty: easy");
    }

    @Test
    void restructuredTextLevelsFollowTheOrderOfUnderlineStyles() throws CatalogException {
        Catalog page = read("sphinx-ideas.rst");

        assertThat(page.format()).isEqualTo("restructuredtext");
        assertThat(page.season()).isEqualTo(2023);
        // "Sub-tasks" is a third style, so it sits inside its idea; "Past projects" is a sibling of "Ideas".
        assertThat(page.ideas()).extracting(Idea::title)
                .containsExactly("Faster test discovery", "Plugin API documentation overhaul");
        Idea discovery = idea(page, "Faster test discovery");
        assertThat(discovery.contacts()).containsExactly(Contact.mentor("Jane Doe", "jane@example.org"),
                Contact.mentor("Ravi Kumar", "ravi@example.org"));
        assertThat(discovery.difficulty()).isEqualTo("Medium");
        assertThat(discovery.prerequisites()).isEqualTo("Python, pytest");
        Idea docs = idea(page, "Plugin API documentation overhaul");
        // A bare name is resolved through the address the page gives it elsewhere.
        assertThat(docs.contacts()).containsExactly(Contact.mentor("Ravi Kumar", "ravi@example.org"));
        assertThat(docs.description()).contains("Sub-tasks", "Add doctests.");
    }

    @Test
    void asciiDocHeadingsAndLabels() throws CatalogException {
        Catalog page = read("network-daemon.adoc");

        assertThat(page.format()).isEqualTo("asciidoc");
        assertThat(page.season()).isEqualTo(2025);
        assertThat(page.ideas()).extracting(Idea::title)
                .containsExactly("IPv6 prefix delegation", "Declarative configuration reload");
        Idea prefix = idea(page, "IPv6 prefix delegation");
        assertThat(prefix.contacts()).containsExactly(Contact.mentor("Léa Martin", "lea@example.net"));
        assertThat(prefix.prerequisites()).isEqualTo("C, networking");
        assertThat(prefix.description()).contains("netd --dhcp6-pd eth0").doesNotContain("Mentor");
        Idea reload = idea(page, "Declarative configuration reload");
        assertThat(reload.difficulty()).isEqualTo("Hard");
        assertThat(reload.contacts()).containsExactly(Contact.mentor("Tomasz Nowak", "tomasz@example.net"),
                Contact.mentor("Léa Martin", "lea@example.net"));
    }

    @Test
    void titleListItemsAreIdeasWithTheirMentors() throws CatalogException {
        Catalog page = read("title-list-2024.md");

        assertThat(page.format()).isEqualTo("title-list");
        assertThat(page.season()).isEqualTo(2024);
        // The list under "Before applying you should:" is instructions, not ideas.
        assertThat(page.ideas()).extracting(Idea::title).containsExactly("Dark mode for the settings dialog",
                "Export to OpenDocument", "Faster thumbnail cache", "Spell checking in comments",
                "Accessibility audit of the toolbar");
        assertThat(idea(page, "Dark mode for the settings dialog").contacts())
                .containsExactly(Contact.mentor("Priya Shah", null));
        assertThat(idea(page, "Export to OpenDocument").contacts())
                .containsExactly(Contact.mentor("Ken Adams", "ken@example.org"));
        assertThat(idea(page, "Faster thumbnail cache").contacts()).containsExactly(Contact.mentor("Ana Lima", null));
        assertThat(idea(page, "Spell checking in comments").contacts()).isEmpty();
        assertThat(idea(page, "Spell checking in comments").description()).isEmpty();
    }

    @Test
    void tableRowsAreIdeasButOtherTablesAreNot() throws CatalogException {
        Catalog page = read("ideas-table.md");

        assertThat(page.format()).isEqualTo("title-list");
        assertThat(page.season()).isEqualTo(2021);
        assertThat(page.ideas()).extracting(Idea::title).containsExactly("Offline maps", "Route sharing", "Old importer");
        Idea maps = idea(page, "Offline maps");
        assertThat(maps.contacts()).containsExactly(Contact.mentor("Sam Roe", "sam@example.org"));
        assertThat(maps.difficulty()).isEqualTo("Medium");
        assertThat(maps.description()).isEqualTo("Cache tiles for offline use");
        assertThat(idea(page, "Old importer").status()).isEqualTo(Idea.Status.RETIRED);
    }

    @Test
    void boldLinesAreTitlesWhenThePageHasNoIdeaHeadings() throws CatalogException {
        Catalog page = read("bold-titles.md");

        assertThat(page.format()).isEqualTo("markdown-bold-titles");
        assertThat(page.season()).isEqualTo(2022);
        assertThat(page.ideas()).extracting(Idea::title)
                .containsExactly("Plugin sandboxing", "Better error messages", "Incremental builds");
        Idea sandbox = idea(page, "Plugin sandboxing");
        assertThat(sandbox.contacts()).containsExactly(Contact.mentor("Olga Petrova", "olga@example.org"));
        assertThat(sandbox.difficulty()).isEqualTo("hard");
        assertThat(sandbox.description()).isEqualTo("Run third-party plugins in a separate process with a narrow IPC interface.");
        assertThat(idea(page, "Better error messages").contacts()).containsExactly(
                Contact.mentor("Bram Jansen", null), Contact.mentor("Olga Petrova", "olga@example.org"));
        assertThat(idea(page, "Incremental builds").description()).isEqualTo("Only rebuild modules whose inputs changed.");
    }

    @Test
    void proseWithAListIsStillNoIdeas() {
        Path notes = PAGES.resolve("plain-notes.md");

        assertThatThrownBy(() -> reader.read(notes)).hasMessage("catalog " + notes + ": no ideas found");
        assertThatThrownBy(() -> reader.parse("x.txt", "We met today.\n\n- Lunch at noon\n- Review at three\n"))
                .hasMessage("catalog x.txt: no ideas found");
    }

    @Test
    void listsOnAPageWithIdeaHeadingsStayDescriptions() throws CatalogException {
        String page = """
                # Ideas 2023

                ## Project ideas

                ### Faster startup

                Mentor: Ann Example

                - Profile the startup path
                - Lazy-load plugins

                ## How to apply

                - Fix a small bug
                - Write to the list
                """;

        Catalog catalog = reader.parse("ideas.md", page).get(0);

        assertThat(catalog.format()).isEqualTo("markdown");
        assertThat(catalog.ideas()).extracting(Idea::title).containsExactly("Faster startup");
        assertThat(catalog.ideas().get(0).description()).contains("Lazy-load plugins");
    }

    @Test
    void headingOverAListIsNotItsOnlyIdea() throws CatalogException {
        // The contact line would make "Project ideas" an idea heading; the list under it says otherwise.
        String page = """
                # Project ideas

                Contact: gsoc@example.org

                1. **Plugin store** - browse and install plugins from the app
                2. [Sync over WebDAV](https://example.org/webdav) (Difficulty: hard, Mentor: Bo Berg)
                3. Better onboarding
                """;

        Catalog catalog = reader.parse("ideas.md", page).get(0);

        assertThat(catalog.format()).isEqualTo("title-list");
        assertThat(catalog.ideas()).extracting(Idea::title)
                .containsExactly("Plugin store", "Sync over WebDAV", "Better onboarding");
        assertThat(catalog.ideas().get(0).description()).isEqualTo("browse and install plugins from the app");
        Idea webdav = catalog.ideas().get(1);
        assertThat(webdav.difficulty()).isEqualTo("hard");
        assertThat(webdav.contacts()).containsExactly(Contact.mentor("Bo Berg", null));
    }

    @Test
    void unannouncedListNeedsMentorsToBeIdeas() throws CatalogException {
        String page = """
                Our summer plans

                - Port the renderer to Vulkan (mentor: Ida Holm)
                - New file dialog (mentor: Per Olsen)
                - Tutorial videos
                """;

        Catalog catalog = reader.parse("plans.txt", page).get(0);

        assertThat(catalog.ideas()).extracting(Idea::title)
                .containsExactly("Port the renderer to Vulkan", "New file dialog", "Tutorial videos");
    }

    @Test
    void newFormatsLeaveTheDevelopmentCatalogsAsTheyWere() throws CatalogException {
        List<Catalog> catalogs = reader.read(Path.of("src/test/resources/catalogs"));

        assertThat(catalogs).extracting(Catalog::format).doesNotContain(
                "mediawiki", "restructuredtext", "asciidoc", "title-list", "markdown-bold-titles");
    }
}
