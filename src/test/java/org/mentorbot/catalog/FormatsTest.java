package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Format recognition and the formats' finer rules, on small made-up pages. */
class FormatsTest {

    private final CatalogReader reader = new CatalogReader(MentorDirectory.empty());

    @Test
    void plainIkiwikiMarkdown() throws CatalogException {
        String page = """
                [[!toc levels=0]]

                #### Project ideas

                ---

                ##### Port something

                Port it.

                Meta information:

                * Prerequisites: C
                * Difficulty: Easy
                * Contact point: Jane Doe <jane@example.org>, kernel@lists.example.org

                ---
                """;

        Catalog catalog = reader.parse("ideas.mdwn", page).get(0);

        assertThat(catalog.format()).isEqualTo("ikiwiki");
        Idea idea = catalog.ideas().get(0);
        assertThat(idea.title()).isEqualTo("Port something");
        assertThat(idea.description()).isEqualTo("Port it.");
        assertThat(idea.prerequisites()).isEqualTo("C");
        assertThat(idea.difficulty()).isEqualTo("Easy");
        assertThat(idea.contacts()).containsExactly(Contact.mentor("Jane Doe", "jane@example.org"),
                Contact.list("kernel@lists.example.org"));
    }

    @Test
    void unifiedDiffGivesNewThenOldSideAndGapsDoNotLeakMetadata() throws CatalogException {
        String diff = String.join("\n",
                "Some commit message",
                "index 5f9797c..0ad65ba 100644",
                "@@ -1,12 +1,12 @@",
                " #### Project ideas",
                " ",
                "-##### Old idea",
                "+##### New idea",
                " ",
                " Shared text.",
                " ",
                " Meta information:",
                " ",
                "-* Contact point: dillon",
                "+* Contact point: kernel@lists.example.org, #example irc channel",
                " ",
                "@@ -40,3 +40,3 @@ Meta information:",
                " * Contact point: someone.else@example.org",
                " ",
                " ---");

        List<Catalog> sides = reader.parse("page.txt", diff);

        assertThat(sides).extracting(Catalog::format).containsExactly("ikiwiki-diff", "ikiwiki-diff");
        Idea newIdea = sides.get(0).ideas().get(0);
        Idea oldIdea = sides.get(1).ideas().get(0);
        assertThat(newIdea.title()).isEqualTo("New idea");
        assertThat(newIdea.id()).isEqualTo("page/new-idea");
        assertThat(newIdea.contacts()).containsExactly(Contact.list("kernel@lists.example.org"), Contact.irc("#example"));
        assertThat(oldIdea.title()).isEqualTo("Old idea");
        assertThat(oldIdea.id()).isEqualTo("page-old/old-idea");
        // The second hunk's contact belongs to an idea whose heading the diff left out.
        assertThat(oldIdea.contacts()).containsExactly(Contact.mentor("dillon", null));
        assertThat(oldIdea.description()).isEqualTo("Shared text.");
    }

    @Test
    void headingWithMetadataIsAnIdeaEvenWithoutAnnouncingSection() throws CatalogException {
        String page = """
                # Our organisation

                Welcome.

                ## Faster widgets

                **Mentors:** Jane Doe
                **Difficulty**: hard
                - Skills: Rust

                ## Contact

                Write to us.
                """;

        List<Idea> ideas = reader.parse("org.md", page).get(0).ideas();

        assertThat(ideas).extracting(Idea::title).containsExactly("Faster widgets");
        assertThat(ideas.get(0).difficulty()).isEqualTo("hard");
        assertThat(ideas.get(0).prerequisites()).isEqualTo("Rust");
        assertThat(ideas.get(0).contacts()).containsExactly(Contact.mentor("Jane Doe", null));
    }

    @Test
    void headingsInCodeBlocksAreIgnored() throws CatalogException {
        String page = """
                ## Project ideas

                ### Shell cleanup

                ```
                # not a heading
                ```
                """;

        List<Idea> ideas = reader.parse("x.md", page).get(0).ideas();

        assertThat(ideas).extracting(Idea::title).containsExactly("Shell cleanup");
        assertThat(ideas.get(0).description()).contains("# not a heading");
    }

    @Test
    void titlesKeepBackticksAndPunctuationButDropTrailingHashes() throws CatalogException {
        String page = """
                ## Project ideas

                ### `git log --oneline` improvements ###

                Text.

                ### Submodule related work:

                Text.
                """;

        assertThat(reader.parse("x.md", page).get(0).ideas()).extracting(Idea::title)
                .containsExactly("`git log --oneline` improvements", "Submodule related work:");
    }

    @Test
    void htmlPageIsConvertedAndParsed() throws CatalogException {
        String html = """
                <!DOCTYPE html>
                <html><head><title>GSoC 2021 ideas</title></head><body>
                <h1>Summer of Code 2021</h1>
                <h2>About us</h2><p>We write software.</p>
                <h2>Project ideas</h2>
                <h3>Faster <code>grep</code></h3>
                <p>Make grep faster.</p>
                <ul><li>Difficulty: medium</li><li>Mentors: <a href="mailto:jane@example.org">Jane Doe</a></li></ul>
                <h3>Better docs</h3>
                <p>Write docs.</p>
                </body></html>
                """;

        Catalog catalog = reader.parse("ideas.html", html).get(0);

        assertThat(catalog.format()).isEqualTo("html");
        assertThat(catalog.season()).isEqualTo(2021);
        assertThat(catalog.ideas()).extracting(Idea::title).containsExactly("Faster `grep`", "Better docs");
        Idea grep = catalog.ideas().get(0);
        assertThat(grep.difficulty()).isEqualTo("medium");
        assertThat(grep.contacts()).containsExactly(Contact.mentor("Jane Doe", "jane@example.org"));
        assertThat(grep.description()).contains("Make grep faster.");
    }

    @Test
    void gsocArchiveTitlesAreSplitFromDescriptions() {
        assertThat(GsocArchiveFormat.splitTitle("Port PUFFS from NetBSD/FreeBSD There is no user level support."))
                .containsExactly("Port PUFFS from NetBSD/FreeBSD", "There is no user level support.");
        assertThat(GsocArchiveFormat.splitTitle(
                "Implementing a mirror target for device mapper Implementing the mirror target allows LVM."))
                .containsExactly("Implementing a mirror target for device mapper",
                        "Implementing the mirror target allows LVM.");
        assertThat(GsocArchiveFormat.splitTitle("Speed up KVM Guests This project aims at speed."))
                .containsExactly("Speed up KVM Guests", "This project aims at speed.");
        // No opener word: the first sentence is the title.
        assertThat(GsocArchiveFormat.splitTitle("Frobnicate widgets. Widgets are frobnicated."))
                .containsExactly("Frobnicate widgets", "Widgets are frobnicated.");
    }

    @Test
    void plainTextWithoutDoubleBlankLinesSplitsAtMetaInformation() throws CatalogException {
        String page = """
                Project ideas

                First idea

                Do the first thing.

                Meta information:

                Second idea

                Do the second thing.

                Meta information:
                """;

        List<Idea> ideas = reader.parse("ideas.txt", page).get(0).ideas();

        assertThat(ideas).extracting(Idea::title).containsExactly("First idea", "Second idea");
        assertThat(ideas.get(1).description()).isEqualTo("Do the second thing.");
    }

    @Test
    void seasonGuesses() {
        assertThat(SeasonGuesser.guess("---\nlayout: x\ntitle: Outreachy Round 15 (September 2017)\n---\n", "o.md"))
                .isEqualTo(2017);
        assertThat(SeasonGuesser.guess("# Outreachy Round 15: September 2017\n", "o.md")).isEqualTo(2017);
        assertThat(SeasonGuesser.guess("GSoC/GCI Archive\nGoogle Summer of Code 2011\n", "000_1.txt")).isEqualTo(2011);
        assertThat(SeasonGuesser.guess("Ideas\n", "SoC-2016-Ideas.md")).isEqualTo(2016);
        assertThat(SeasonGuesser.guess(
                "Have a look at our SoC pages from 2008, 2009 and 2010 to get an overview about prior year's projects.",
                "x.txt")).isEqualTo(2011);
        assertThat(SeasonGuesser.guess("Ideas\n", "003_88f8e6d8780f8997.txt")).isNull();
    }
}
