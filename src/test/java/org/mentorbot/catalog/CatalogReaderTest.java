package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input handling: errors, encodings, directories. */
class CatalogReaderTest {

    private static final String SMALL_PAGE = """
            # Ideas 2020

            ## Project ideas

            ### Make things faster

            Speed things up.

             - Possible mentors: Ann Example <ann@example.org>
            """;

    @TempDir
    Path dir;

    private final CatalogReader reader = new CatalogReader(MentorDirectory.empty());

    @Test
    void missingFile() {
        Path missing = dir.resolve("y.md");

        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(CatalogException.class)
                .hasMessage("catalog " + missing + ": no such file");
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("y.md"), "");

        assertThatThrownBy(() -> reader.read(empty)).isInstanceOf(CatalogException.class)
                .hasMessage("catalog " + empty + ": empty file");
    }

    @Test
    void blankFileIsEmpty() throws IOException {
        Path blank = Files.writeString(dir.resolve("y.md"), " \n\n\t\n");

        assertThatThrownBy(() -> reader.read(blank)).hasMessage("catalog " + blank + ": empty file");
    }

    @Test
    void binaryFile() throws IOException {
        Path binary = Files.write(dir.resolve("y.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});

        assertThatThrownBy(() -> reader.read(binary)).isInstanceOf(CatalogException.class)
                .hasMessage("catalog " + binary + ": not a text file");
    }

    @Test
    void textWithoutIdeas() throws IOException {
        Path prose = Files.writeString(dir.resolve("y.md"), "Just some notes.\nNothing to see here.\n");

        assertThatThrownBy(() -> reader.read(prose)).isInstanceOf(CatalogException.class)
                .hasMessage("catalog " + prose + ": no ideas found");
    }

    @Test
    void markdownWithOnlyNotesHasNoIdeas() throws IOException {
        Path notes = Files.writeString(dir.resolve("y.md"),
                "# Outreachy\n\n## How to Apply\n\nApply.\n\n## Getting in Touch\n\nMail us.\n");

        assertThatThrownBy(() -> reader.read(notes)).hasMessage("catalog " + notes + ": no ideas found");
    }

    @Test
    void parseNamesTheCatalogInErrors() {
        assertThatThrownBy(() -> reader.parse("x.md", "")).hasMessage("catalog x.md: empty file");
        assertThatThrownBy(() -> reader.parse("x.md", "hello")).hasMessage("catalog x.md: no ideas found");
    }

    @Test
    void latin1FileIsDecoded() throws IOException, CatalogException {
        Path latin1 = Files.write(dir.resolve("Ideas-2020.md"),
                SMALL_PAGE.replace("Ann Example", "Ann Ëxample").getBytes(StandardCharsets.ISO_8859_1));

        Idea idea = reader.read(latin1).get(0).ideas().get(0);

        assertThat(idea.contacts()).containsExactly(Contact.mentor("Ann Ëxample", "ann@example.org"));
    }

    @Test
    void utf8WithBomAndCrlf() throws CatalogException {
        List<Catalog> catalogs = reader.parse("Ideas.md", "\uFEFF" + SMALL_PAGE.replace("\n", "\r\n"));

        assertThat(catalogs.get(0).ideas()).extracting(Idea::title).containsExactly("Make things faster");
        assertThat(catalogs.get(0).season()).isEqualTo(2020);
        assertThat(catalogs.get(0).ideas().get(0).id()).isEqualTo("ideas/make-things-faster");
    }

    @Test
    void directorySkipsReadmeHiddenAndIdeaLessFiles() throws IOException, CatalogException {
        Files.writeString(dir.resolve("b.md"), SMALL_PAGE);
        Files.writeString(dir.resolve("a.md"), SMALL_PAGE.replace("Make things faster", "Make things smaller"));
        Files.writeString(dir.resolve("README.md"), SMALL_PAGE.replace("Make things faster", "Readme idea"));
        Files.writeString(dir.resolve(".hidden.md"), SMALL_PAGE.replace("Make things faster", "Hidden idea"));
        Files.writeString(dir.resolve("c.txt"), "no ideas here\n");
        Files.writeString(dir.resolve("d.md"), "");
        Files.createDirectory(dir.resolve("sub"));

        List<Catalog> catalogs = reader.read(dir);

        assertThat(catalogs).extracting(Catalog::name).containsExactly("a.md", "b.md");
        assertThat(catalogs.get(0).ideas().get(0).title()).isEqualTo("Make things smaller");
    }

    @Test
    void directoryWithoutIdeasIsAnError() throws IOException {
        Files.writeString(dir.resolve("c.txt"), "no ideas here\n");

        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(CatalogException.class)
                .hasMessage("catalog " + dir + ": no ideas found");
    }

    @Test
    void repeatedTitlesGetNumberedIds() throws CatalogException {
        String page = SMALL_PAGE + "\n### Make things faster\n\nAgain.\n\n### Make things faster\n\nAnd again.\n";

        List<Idea> ideas = reader.parse("Dup.md", page).get(0).ideas();

        assertThat(ideas).extracting(Idea::id)
                .containsExactly("dup/make-things-faster", "dup/make-things-faster-2", "dup/make-things-faster-3");
    }

    @Test
    void longTitleSlugIsCapped() throws CatalogException {
        String title = "Implement a very long title that goes on and on well past any sensible length for an id";
        List<Idea> ideas = reader.parse("Long.md", SMALL_PAGE.replace("Make things faster", title)).get(0).ideas();

        String titleSlug = ideas.get(0).id().substring("long/".length());
        assertThat(titleSlug).hasSizeLessThanOrEqualTo(60).startsWith("implement-a-very-long-title").doesNotEndWith("-");
    }
}
