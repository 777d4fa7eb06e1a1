package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MentorDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void shippedDirectoryKnowsDragonFlyPeople() throws CatalogException {
        MentorDirectory directory = MentorDirectory.load(Path.of("config/mentors.txt"));

        assertThat(directory.resolve("dillon")).contains(Contact.mentor("Matthew Dillon", "dillon@backplane.com"));
        assertThat(directory.resolve("DILLON")).contains(Contact.mentor("Matthew Dillon", "dillon@backplane.com"));
        assertThat(directory.resolve("aoiko")).contains(Contact.mentor("Aggelos Economopoulos", "aoiko@cc.ece.ntua.gr"));
        assertThat(directory.resolve("aggelos")).contains(Contact.mentor("Aggelos Economopoulos", "aoiko@cc.ece.ntua.gr"));
        assertThat(directory.resolve("alexh")).contains(Contact.mentor("Alex Hornung", "alexh@dragonflybsd.org"));
        assertThat(directory.resolve("sjg")).contains(Contact.mentor("Samuel J. Greear", "sjg@thesjg.com"));
        assertThat(directory.resolve("vsrinivas")).contains(Contact.mentor("Venkatesh Srinivas", "me@endeavour.zapto.org"));
        assertThat(directory.resolve("mneumann")).contains(Contact.mentor("Michael Neumann", "mneumann@ntecs.de"));
        assertThat(directory.resolve("  Matthew   Dillon ")).contains(Contact.mentor("Matthew Dillon", "dillon@backplane.com"));
        assertThat(directory.resolve("nobody")).isEmpty();
        assertThat(directory.isList("kernel@crater.dragonflybsd.org")).isTrue();
        assertThat(directory.isList("dillon@backplane.com")).isFalse();
    }

    @Test
    void fallbackAppliesOnlyToPagesWithTheWord() throws CatalogException {
        MentorDirectory directory = MentorDirectory.load(Path.of("config/mentors.txt"));

        assertThat(directory.fallbackFor("DragonFly BSD project ideas"))
                .contains(Contact.list("kernel@lists.dragonflybsd.org"));
        assertThat(directory.fallbackFor("Git SoC ideas")).isEmpty();
        // A word, not a substring.
        assertThat(directory.fallbackFor("DragonFlyish")).isEmpty();
    }

    @Test
    void declaredListWithoutListShape() throws IOException, CatalogException {
        Path file = Files.writeString(dir.resolve("m.txt"), "# comment\n\nlist = team@example.org\n");

        assertThat(MentorDirectory.load(file).isList("Team@Example.org")).isTrue();
        assertThat(MentorDirectory.empty().isList("team@example.org")).isFalse();
    }

    @Test
    void fallbackWithoutWordAppliesEverywhere() throws IOException, CatalogException {
        Path file = Files.writeString(dir.resolve("m.txt"),
                "jk = Jeff King <peff@peff.net>\nfallback jk\n");

        assertThat(MentorDirectory.load(file).fallbackFor("anything"))
                .contains(Contact.mentor("Jeff King", "peff@peff.net"));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> MentorDirectory.load(missing))
                .isInstanceOf(CatalogException.class)
                .hasMessage("mentor directory " + missing + ": no such file");
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"),
                "# people\ndillon = Matthew Dillon <dillon@backplane.com>\nthis line is wrong\n");

        assertThatThrownBy(() -> MentorDirectory.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("mentor directory " + file + ": line 3: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void emptyDirectoryResolvesNothing() {
        assertThat(MentorDirectory.empty().resolve("dillon")).isEmpty();
        assertThat(MentorDirectory.empty().fallbackFor("DragonFly")).isEmpty();
    }
}
