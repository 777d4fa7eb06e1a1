package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.archive.Archive;
import org.mentorbot.archive.ReadOnlyArchive;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailParser;
import org.mentorbot.mail.RawMessage;
import org.mentorbot.mail.TextNormalizer;

/** Results over several pages, and a writer committing while the page serves. */
class PaginationTest {

    @TempDir
    Path dir;

    private static void add(Archive archive, int n) throws Exception {
        String eml = TestArchive.eml("<topic-" + n + "@example.org>", "Someone <s" + n + "@example.org>", "kernel topic " + n,
                String.format("Mon, %02d Mar 2010 10:%02d:00 +0000", 1 + n % 28, n % 60), "a message about the scheduler, number " + n + "\n");
        RawMessage raw = new RawMessage("t.eml", eml.getBytes(StandardCharsets.UTF_8));
        MailMessage m = MailParser.parse(raw);
        archive.add(raw, m, TextNormalizer.normalize(m.body()), null, "kernel");
    }

    @Test
    void threadsComeTwentyToAPageWithLinksBothWays() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            for (int n = 1; n <= 45; n++) add(archive, n);
            archive.commit();
        }
        try (ReadOnlyArchive view = ReadOnlyArchive.open(dir);
             WebServer server = WebServer.start(view, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty())) {
            WebClient web = new WebClient(server.uri());

            Document first = Jsoup.parse(web.get("/?q=scheduler&sort=newest").body());
            Document last = Jsoup.parse(web.get(first.select("a[rel=next]").attr("href")).body());
            Document third = Jsoup.parse(web.get("/?q=scheduler&sort=newest&page=3").body());
            Document beyond = Jsoup.parse(web.get("/?q=scheduler&page=99999999999999999999999").body());
            Document garbage = Jsoup.parse(web.get("/?q=scheduler&page=-4x").body());

            assertThat(first.select("a.thread-link")).hasSize(SearchPage.PAGE_SIZE);
            assertThat(first.select("nav.pages").text()).contains("page 1 of 3").doesNotContain("previous").contains("next");
            assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/?q=scheduler&sort=newest&page=2");
            assertThat(last.select("nav.pages").text()).contains("page 2 of 3");
            assertThat(third.select("a.thread-link")).hasSize(5);
            assertThat(third.select("a[rel=prev]").attr("href")).isEqualTo("/?q=scheduler&sort=newest&page=2");
            assertThat(third.select("a[rel=next]")).isEmpty();
            assertThat(beyond.select("a.thread-link")).as("a page past the end is empty, not an error").isEmpty();
            assertThat(garbage.select("a.thread-link")).as("a page that is no number is the first").hasSize(SearchPage.PAGE_SIZE);
        }
    }

    @Test
    void searchesSeeEachCommitOfAWriterThatHoldsTheArchive() throws Exception {
        try (Archive writer = Archive.open(dir)) {
            add(writer, 1);
            writer.commit();
            try (ReadOnlyArchive view = ReadOnlyArchive.open(dir);
                 WebServer server = WebServer.start(view, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty())) {
                WebClient web = new WebClient(server.uri());
                assertThat(Jsoup.parse(web.get("/?q=scheduler").body()).select("a.thread-link")).hasSize(1);

                add(writer, 2);
                assertThat(Jsoup.parse(web.get("/?q=scheduler").body()).select("a.thread-link")).as("not committed").hasSize(1);
                writer.commit();
                assertThat(Jsoup.parse(web.get("/?q=scheduler").body()).select("a.thread-link")).hasSize(2);
                assertThat(web.get("/message?id=" + WebClient.enc("<topic-2@example.org>")).statusCode()).isEqualTo(200);
            }
        }
    }
}
