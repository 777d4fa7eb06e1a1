package org.mentorbot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "On Mon, Mar 23, 2015 at 1:09 PM, Jane Doe <jane@example.org> wrote:",
        "On 02/23/2011 12:42 AM, Stéphanie Ouillon wrote:",
        "Jane Doe <jane@example.org> wrote:",
        "Junio C Hamano <gitster@pobox.com> writes:",
        "Quoting Jane Doe <jane@example.org>:",
        "Le 23 févr. 2011 à 00:42, Stéphanie Ouillon a écrit :",
        "Am 23.02.2011 um 10:00 schrieb Jörg Doe <joerg@example.de>:",
        "El 23/02/2011, a las 10:00, Juan escribió:",
    })
    void movesEachAttributionStyleToQuoted(String attribution) {
        MessageText t = TextNormalizer.normalize("Thanks, that helps.\n\n" + attribution + "\n> Are you a student?\n");
        assertThat(t.own()).isEqualTo("Thanks, that helps.");
        assertThat(t.quoted()).contains(attribution.strip()).contains("Are you a student?");
        assertThat(t.hasQuote()).isTrue();
    }

    @Test
    void recognisesAnAttributionWrappedOverTwoLines() {
        MessageText t = TextNormalizer.normalize("""
                Sounds good.

                On Mon, Mar 23, 2015 at 1:09 PM, Jane Doe
                <jane@example.org> wrote:
                > proposal
                """);
        assertThat(t.own()).isEqualTo("Sounds good.");
        assertThat(t.quoted()).contains("Jane Doe <jane@example.org> wrote:");
    }

    @Test
    void keepsInlineAnswersBetweenNestedQuotes() {
        MessageText t = TextNormalizer.normalize("""
                Hi Jane,

                Jane wrote:
                > > Which idea?
                > The virtio one.
                >> deeper
                 > indented quote
                That one is still open.

                > Do I need a microproject?
                Yes, pick one from the list.
                """);
        assertThat(t.own()).isEqualTo("Hi Jane,\n\nThat one is still open.\n\nYes, pick one from the list.");
        assertThat(t.quoted()).contains("Which idea?").contains("The virtio one.").contains("deeper")
                .contains("indented quote").contains("Do I need a microproject?").doesNotContain(">");
        assertThat(t.hasQuote()).isTrue();
        assertThat(t.hasPatch()).isFalse();
    }

    @Test
    void treatsEverythingAfterAnOutlookSeparatorAsQuoted() {
        MessageText t = TextNormalizer.normalize("""
                I agree.

                -----Original Message-----
                From: Jane
                Sent: Monday
                Subject: idea

                Original text here.
                """);
        assertThat(t.own()).isEqualTo("I agree.");
        assertThat(t.quoted()).contains("Original text here.");
        MessageText u = TextNormalizer.normalize("Fine by me.\n________________________________\nFrom: Jane\n"
                + "Sent: Monday\nTo: list\n\nOld text.\n");
        assertThat(u.own()).isEqualTo("Fine by me.");
        assertThat(u.quoted()).contains("Old text.");
        assertThat(u.hasQuote()).isTrue();
    }

    @Test
    void removesSignatures() {
        MessageText t = TextNormalizer.normalize("My question.\n\n-- \nJane Doe\nhttps://jane.example.org\n");
        assertThat(t.own()).isEqualTo("My question.");
        assertThat(t.hasQuote()).isFalse();
        MessageText near = TextNormalizer.normalize("My question.\n--\nJane Doe\nStudent, Somewhere University\n");
        assertThat(near.own()).isEqualTo("My question.");
        String longText = "Intro.\n--\n" + "line\n".repeat(12);
        assertThat(TextNormalizer.normalize(longText).own()).contains("--").contains("line");
    }

    @Test
    void removesVgerAndMailmanFooters() {
        MessageText vger = TextNormalizer.normalize("""
                Real question?
                --
                To unsubscribe from this list: send the line "unsubscribe git" in
                the body of a message to majordomo@vger.kernel.org
                More majordomo info at  http://vger.kernel.org/majordomo-info.html
                """);
        assertThat(vger.own()).isEqualTo("Real question?");
        MessageText mailman = TextNormalizer.normalize("""
                Real question?

                _______________________________________________
                Kernel mailing list
                Kernel@crater.dragonflybsd.org
                http://crater.dragonflybsd.org/mailman/listinfo/kernel
                """);
        assertThat(mailman.own()).isEqualTo("Real question?");
        MessageText pipermail = TextNormalizer.normalize("Answer.\n\n\n\nMore information about the Kernel mailing list\n");
        assertThat(pipermail.own()).isEqualTo("Answer.");
        MessageText generic = TextNormalizer.normalize("Answer.\nTo unsubscribe, e-mail: list-unsubscribe@example.org\n");
        assertThat(generic.own()).isEqualTo("Answer.");
    }

    @Test
    void removesAFormatPatchButKeepsTheCommitMessage() throws Exception {
        MailMessage m = MailParserTest.parseResource("git-037.eml");
        MessageText t = TextNormalizer.normalize(m.body());
        assertThat(t.hasPatch()).isTrue();
        assertThat(t.own()).isEqualTo("This part was missing in f6f85861 (submodule: add absorb-git-dir function,\n"
                + "2016-12-12).");
        assertThat(t.hasQuote()).isFalse();
    }

    @Test
    void followsHunksWithBlankContextAndKeepsTextAfterThePatch() {
        MessageText t = TextNormalizer.normalize("""
                Fix the frobnicator.

                Signed-off-by: Jane Doe <jane@example.org>
                Reviewed-by: Bob <bob@example.org>
                ---
                Changes since v1: renamed the helper.

                 frob.c | 3 ++-
                 2 files changed, 2 insertions(+), 1 deletion(-)
                 create mode 100644 frob.h

                diff --git a/frob.c b/frob.c
                index 1111111..2222222 100644
                --- a/frob.c
                +++ b/frob.c
                @@ -1,4 +1,5 @@
                 int a;

                -int b;
                +int c;
                +int d;
                @@ -10 +11 @@ static void x(void)
                -old
                +new

                Is this the right approach?
                """);
        assertThat(t.hasPatch()).isTrue();
        assertThat(t.own()).isEqualTo("Fix the frobnicator.\n\nChanges since v1: renamed the helper.\n\n"
                + "Is this the right approach?");
    }

    @Test
    void detectsIndexAndContextDiffs() {
        MessageText index = TextNormalizer.normalize("""
                Old style:
                Index: foo.c
                ===================================================================
                --- foo.c\t(revision 1)
                +++ foo.c\t(working copy)
                @@ -1 +1 @@
                -a
                +b
                """);
        assertThat(index.hasPatch()).isTrue();
        assertThat(index.own()).isEqualTo("Old style:");
        MessageText context = TextNormalizer.normalize("""
                Context diff:
                *** a.c\t2011-01-01
                --- b.c\t2011-01-02
                ***************
                *** 1,3 ****
                  x
                ! y
                --- 1,3 ----
                  x
                ! z
                Done.
                """);
        assertThat(context.hasPatch()).isTrue();
        assertThat(context.own()).isEqualTo("Context diff:\nDone.");
    }

    @Test
    void quotedPatchesInReviewsAreQuotedNotOwnPatches() {
        MessageText t = TextNormalizer.normalize("""
                Jane Doe <jane@example.org> writes:
                > diff --git a/x b/x
                > +new line
                Why a new line here?
                """);
        assertThat(t.hasPatch()).isFalse();
        assertThat(t.own()).isEqualTo("Why a new line here?");
        assertThat(t.quoted()).contains("+new line");
    }

    @Test
    void collapsesBlankLinesAndHandlesEmptyInput() {
        assertThat(TextNormalizer.normalize("a\n\n\n\n\nb  \r\n\n").own()).isEqualTo("a\n\nb");
        MessageText empty = TextNormalizer.normalize("");
        assertThat(empty.own()).isEmpty();
        assertThat(empty.hasQuote()).isFalse();
    }

    @Test
    void proseThatWrapsOntoADiffCommandIsNotAPatch() {
        MessageText t = TextNormalizer.normalize("""
                I tried to run 'git
                diff --no-index ~/git/ diff.h' on git sources but it says 'error'.
                What should I do?
                """);
        assertThat(t.hasPatch()).isFalse();
        assertThat(t.own()).contains("What should I do?");
    }

    @Test
    void survivesAHugeLineWithoutCatastrophicBacktracking() {
        // A hang guard, not a benchmark: a backtracking regex would take minutes here.
        String huge = "x".repeat(2_000_000) + " wrote:\n> y\n" + "a ".repeat(500_000) + ":\n";
        MessageText t = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> TextNormalizer.normalize(huge));
        assertThat(t.quoted()).isEqualTo("y");
    }

    @Test
    void anUnmarkedQuoteEndsWhereTheAuthorGreetsTheQuotedPerson() {
        MessageText t = TextNormalizer.normalize("""
                On 02/23/2011 12:42 AM, Stéphanie Ouillon wrote:
                Hello,

                I am a student and I'm very interested in the virtio project.
                Hello Stéphanie,

                it's nice to see more people interested in it!
                """);
        assertThat(t.quoted()).contains("I am a student");
        assertThat(t.own()).startsWith("Hello Stéphanie,").doesNotContain("I am a student");
    }

    @Test
    void withoutAGreetingAnUnmarkedQuoteStaysOwnText() {
        MessageText t = TextNormalizer.normalize("""
                On Mon, 1 Mar 2021, Jane Doe wrote:
                I think this is fine.
                Thanks.
                """);
        assertThat(t.own()).contains("I think this is fine.");
    }
}
