package org.mentorbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactParserTest {

    private final ContactParser plain = new ContactParser(MentorDirectory.empty());

    @Test
    void nameWithAddress() {
        assertThat(plain.parse("Samuel J. Greear <sjg@thesjg.com>"))
                .containsExactly(Contact.mentor("Samuel J. Greear", "sjg@thesjg.com"));
    }

    @Test
    void addressInAngleBracketsOnly() {
        assertThat(plain.parse("<peff@peff.net>")).containsExactly(Contact.mentor(null, "peff@peff.net"));
    }

    @Test
    void bareAddress() {
        assertThat(plain.parse("mneumann@ntecs.de")).containsExactly(Contact.mentor(null, "mneumann@ntecs.de"));
    }

    @Test
    void obfuscatedWithAt() {
        assertThat(plain.parse("aoiko at cc.ece.ntua.gr")).containsExactly(Contact.mentor(null, "aoiko@cc.ece.ntua.gr"));
    }

    @Test
    void obfuscatedWithParenthesisedAt() {
        assertThat(plain.parse("Alex Hornung, alexh (at) dragonflybsd.org"))
                .contains(Contact.mentor(null, "alexh@dragonflybsd.org"));
    }

    @Test
    void obfuscatedWithBracketedAtAndDot() {
        assertThat(plain.parse("sjg [at] thesjg dot com")).containsExactly(Contact.mentor(null, "sjg@thesjg.com"));
    }

    @Test
    void proseWithAtIsNotAnAddress() {
        assertThat(plain.parse("Jeff King")).containsExactly(Contact.mentor("Jeff King", null));
        assertThat(plain.parse("whoever is at home")).extracting(Contact::email).containsOnlyNulls();
    }

    @Test
    void htmlEscapedBrackets() {
        assertThat(plain.parse("Jeff King &lt;<peff@peff.net>&gt;"))
                .containsExactly(Contact.mentor("Jeff King", "peff@peff.net"));
    }

    @Test
    void namesSeparatedByCommas() {
        assertThat(plain.parse("Jeff King, Christian Couder"))
                .containsExactly(Contact.mentor("Jeff King", null), Contact.mentor("Christian Couder", null));
    }

    @Test
    void namesSeparatedByAndOrSlash() {
        assertThat(plain.parse("Jeff King and Christian Couder"))
                .containsExactly(Contact.mentor("Jeff King", null), Contact.mentor("Christian Couder", null));
        assertThat(plain.parse("Vicent Martí / Jeff King"))
                .containsExactly(Contact.mentor("Vicent Martí", null), Contact.mentor("Jeff King", null));
    }

    @Test
    void hedgeWordsAreDropped() {
        assertThat(plain.parse("Jakub Narębski, possibly Jeff King"))
                .extracting(Contact::name).containsExactly("Jakub Narębski", "Jeff King");
    }

    @Test
    void unresolvedNickStaysAMentorWithoutAddress() {
        assertThat(plain.parse("dillon")).containsExactly(Contact.mentor("dillon", null));
    }

    @Test
    void nickResolvedThroughDirectory(@TempDir Path dir) throws IOException, CatalogException {
        Path file = Files.writeString(dir.resolve("mentors.txt"),
                "dillon, Matt Dillon = Matthew Dillon <dillon@backplane.com>\n");
        ContactParser parser = new ContactParser(MentorDirectory.load(file));

        assertThat(parser.parse("dillon")).containsExactly(Contact.mentor("Matthew Dillon", "dillon@backplane.com"));
        assertThat(parser.parse("Matt Dillon")).containsExactly(Contact.mentor("Matthew Dillon", "dillon@backplane.com"));
        assertThat(parser.parse("dillon@backplane.com"))
                .containsExactly(Contact.mentor("Matthew Dillon", "dillon@backplane.com"));
    }

    @Test
    void pageMentorListWinsOverTheDirectory() {
        Map<String, Contact> page = ContactParser.mentorsOnPage(
                "## Mentors\n\n - Jeff King &lt;<peff@peff.net>&gt;\n - Christian Couder &lt;<christian.couder@gmail.com>&gt;\n");

        assertThat(plain.parse("Jeff King and Christian Couder", page)).containsExactly(
                Contact.mentor("Jeff King", "peff@peff.net"),
                Contact.mentor("Christian Couder", "christian.couder@gmail.com"));
    }

    @Test
    void listAddressesAreRecognisedByShape() {
        assertThat(plain.parse("kernel@crater.dragonflybsd.org"))
                .containsExactly(Contact.list("kernel@crater.dragonflybsd.org"));
        assertThat(plain.parse("kernel@lists.dragonflybsd.org"))
                .containsExactly(Contact.list("kernel@lists.dragonflybsd.org"));
        assertThat(plain.parse("git@vger.kernel.org")).containsExactly(Contact.list("git@vger.kernel.org"));
        assertThat(plain.parse("foo-devel@example.org")).containsExactly(Contact.list("foo-devel@example.org"));
        assertThat(plain.parse("announce@list.example.org")).containsExactly(Contact.list("announce@list.example.org"));
    }

    @Test
    void ircChannel() {
        assertThat(plain.parse("kernel@crater.dragonflybsd.org, #dragonfly irc channel"))
                .containsExactly(Contact.list("kernel@crater.dragonflybsd.org"), Contact.irc("#dragonfly"));
    }

    @Test
    void mixedListAndPerson() {
        assertThat(plain.parse("kernel@lists.dragonflybsd.org, Samuel J. Greear <sjg@thesjg.com>, Alex Hornung <alexh@dragonflybsd.org>"))
                .containsExactly(Contact.list("kernel@lists.dragonflybsd.org"),
                        Contact.mentor("Samuel J. Greear", "sjg@thesjg.com"),
                        Contact.mentor("Alex Hornung", "alexh@dragonflybsd.org"));
    }

    @Test
    void nobodyInParticularIsNoContact() {
        assertThat(plain.parse("TBD")).isEmpty();
        assertThat(plain.parse("")).isEmpty();
        assertThat(plain.parse(null)).isEmpty();
    }

    @Test
    void markdownMailtoLink() {
        assertThat(plain.parse("[Jeff King](mailto:peff@peff.net)"))
                .containsExactly(Contact.mentor("Jeff King", "peff@peff.net"));
    }
}
