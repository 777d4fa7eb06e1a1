package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorbot.web.WebClient.enc;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.mail.MailInput;
import org.mentorbot.mail.RawMessage;
import org.w3c.dom.NodeList;

/** The page over plain HTTP: a real server on an ephemeral loopback port, over a small archive. */
class WebServerTest {

    @TempDir
    static Path dir;
    static ServedTestArchive served;
    static TestArchive archive;
    static WebServer server;
    static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        served = ServedTestArchive.start(dir.resolve("archive"));
        archive = served.archive;
        server = served.server;
        web = new WebClient(server.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        served.close();
    }

    @Test
    void listensOnLoopbackAndSaysWhere() {
        assertThat(server.uri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(server.uri().getPort()).isEqualTo(server.address().getPort()).isPositive();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void theStartPageHasTheSearchBoxAndTheSyntaxHelp() throws Exception {
        HttpResponse<String> r = web.get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("form[action=/] input[name=q]")).hasSize(1);
        assertThat(page.select("select[name=sort] option").eachAttr("value")).containsExactly("relevance", "newest");
        assertThat(page.select("details#help").text()).contains("is:unanswered", "mentor:", "sort:-date");
        assertThat(page.select("a[href=/unanswered]")).isNotEmpty();
    }

    @Test
    void resultsComeGroupedByThreadWithMarkedSnippetsFacetsAndAFeedLink() throws Exception {
        HttpResponse<String> r = web.get("/?q=virtio");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#summary").text()).startsWith("3 messages in 2 threads match");
        assertThat(page.select("a.thread-link").eachAttr("href"))
                .containsExactlyInAnyOrder("/thread?id=" + enc(TestArchive.VIRTIO_Q), "/thread?id=" + enc(TestArchive.PATCH));
        Element virtio = page.select("article.thread:has(a[href=/thread?id=" + enc(TestArchive.VIRTIO_Q) + "])").first();
        assertThat(virtio.select("a.message-link").eachAttr("href")).containsExactlyInAnyOrder(
                "/message?id=" + enc(TestArchive.VIRTIO_Q), "/message?id=" + enc(TestArchive.VIRTIO_A));
        assertThat(virtio.select("p.meta").text()).isEqualTo("2 matching messages");
        assertThat(virtio.select(".snippet mark").eachText()).contains("virtio");
        assertThat(virtio.select(".badge.inquiry")).hasSize(1);
        assertThat(virtio.select(".badge.idea").text()).isEqualTo("idea: Implement virtio drivers");
        assertThat(r.body()).doesNotContain("\u0002", "\u0003");

        assertThat(page.select("aside.facets a").eachText()).contains("Implement virtio drivers", "aoiko@example.org", "2011", "2013");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo("/atom?q=virtio");
    }

    @Test
    void aFacetLinkNarrowsTheQuery() throws Exception {
        Document page = Jsoup.parse(web.get("/?q=virtio").body());
        String mentor = page.select("aside.facets a:containsOwn(aoiko@example.org)").attr("href");
        String year = page.select("aside.facets a:containsOwn(2013)").attr("href");

        Document byMentor = Jsoup.parse(web.get(mentor).body());
        Document byYear = Jsoup.parse(web.get(year).body());

        assertThat(mentor).isEqualTo("/?q=virtio%20mentor%3A%22aoiko%40example.org%22");
        assertThat(byMentor.select("#q").val()).isEqualTo("virtio mentor:\"aoiko@example.org\"");
        assertThat(byMentor.select("a.thread-link").eachAttr("href")).containsExactly("/thread?id=" + enc(TestArchive.VIRTIO_Q));
        assertThat(byYear.select("a.thread-link").eachAttr("href")).containsExactly("/thread?id=" + enc(TestArchive.PATCH));
    }

    @Test
    void newestFirstPutsTheLatestThreadOnTop() throws Exception {
        Document newest = Jsoup.parse(web.get("/?q=virtio&sort=newest").body());
        Document typed = Jsoup.parse(web.get("/?q=" + enc("virtio sort:-date")).body());
        Document oldest = Jsoup.parse(web.get("/?q=" + enc("virtio sort:date")).body());

        assertThat(newest.select("a.thread-link").eachAttr("href")).containsExactly(
                "/thread?id=" + enc(TestArchive.PATCH), "/thread?id=" + enc(TestArchive.VIRTIO_Q));
        assertThat(newest.select("#sort option[selected]").val()).isEqualTo("newest");
        assertThat(newest.select("aside.facets a").eachAttr("href")).isNotEmpty().allMatch(h -> h.endsWith("&sort=newest"));
        assertThat(typed.select("a.thread-link").eachAttr("href")).first().isEqualTo("/thread?id=" + enc(TestArchive.PATCH));
        assertThat(oldest.select("a.thread-link").eachAttr("href")).first().isEqualTo("/thread?id=" + enc(TestArchive.VIRTIO_Q));
    }

    @Test
    void aMalformedQueryIs400WithTheParsersMessage() throws Exception {
        HttpResponse<String> r = web.get("/?q=" + enc("d:2011-13.."));

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#query-error").text()).startsWith("query \"d:2011-13..\": at column 3");
        assertThat(page.select("#q").val()).as("the query stays in the box to be fixed").isEqualTo("d:2011-13..");
        assertThat(r.body()).doesNotContain("Exception", "at org.", "\tat ");
    }

    @Test
    void aThreadShowsEveryMessageOldestFirstWithTheAuthorsOwnWords() throws Exception {
        HttpResponse<String> r = web.get("/thread?id=" + enc(TestArchive.VIRTIO_Q));

        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("h1").text()).isEqualTo("GSoC: about virtio drivers");
        assertThat(page.select("article.message h2").eachText())
                .containsExactly("GSoC: about virtio drivers", "Re: GSoC: about virtio drivers");
        assertThat(page.select("article.message .meta").eachText()).satisfiesExactly(
                first -> assertThat(first).contains("Stéphanie Student <student1@example.org>", "2011-02-23 10:00 UTC", "inquiry",
                        "idea: Implement virtio drivers"),
                second -> assertThat(second).contains("aoiko@example.org", "2011-02-24").doesNotContain("inquiry"));
        assertThat(page.select("article.message pre.body").eachText()).satisfiesExactly(
                first -> assertThat(first).contains("Where do I start?"),
                second -> assertThat(second).contains("Read the virtio specification first").doesNotContain("> Where do I start"));
        assertThat(page.select("article.message a.message-link").eachAttr("href")).containsExactly(
                "/message?id=" + enc(TestArchive.VIRTIO_Q), "/message?id=" + enc(TestArchive.VIRTIO_A));
        assertThat(page.select("a#mbox").attr("href")).isEqualTo("/thread.mbox?id=" + enc(TestArchive.VIRTIO_Q));
    }

    @Test
    void idsWorkWithoutTheirAngleBrackets() throws Exception {
        for (String path : List.of("/thread?id=virtio-q%40example.org", "/thread.mbox?id=virtio-q%40example.org",
                "/message?id=virtio-a%40example.org", "/raw?id=virtio-a%40example.org")) {
            assertThat(web.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void idsFullOfUrlMetacharactersSurviveTheRoundTrip() throws Exception {
        Document thread = Jsoup.parse(web.get("/thread?id=" + enc(TestArchive.HAMMER_Q)).body());
        String link = thread.select("a.message-link").first().attr("href");

        HttpResponse<String> message = web.get(link);

        assertThat(thread.select("article.message")).hasSize(2);
        assertThat(link).isEqualTo("/message?id=%3CCA%2Bhammer%2F2%3Dx%26y%2541%40mail.example.com%3E");
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(message.body()).select("dl.headers dd").eachText()).contains(TestArchive.HAMMER_Q);
    }

    @Test
    void aMessageShowsItsHeadersItsWholeTextAndTheTriageDecision() throws Exception {
        Document answer = Jsoup.parse(web.get("/message?id=" + enc(TestArchive.VIRTIO_A)).body());
        Document question = Jsoup.parse(web.get("/message?id=" + enc("virtio-q@example.org")).body());

        assertThat(answer.select("dl.headers dt").eachText()).containsExactly("From", "To", "Date", "Subject", "List", "Message-ID");
        assertThat(answer.select("dl.headers dd").eachText()).containsExactly("Aggelos Mentor <aoiko@example.org>",
                "kernel@example.org", "2011-02-24 08:00 UTC", "Re: GSoC: about virtio drivers", "kernel.dragonflybsd.org",
                TestArchive.VIRTIO_A);
        assertThat(answer.select("pre.fulltext").text()).as("the whole text, quote included")
                .contains("> Where do I start?", "Read the virtio specification first");
        assertThat(answer.select("#decision").text()).contains("Not an inquiry");
        assertThat(answer.select("a#thread").attr("href")).isEqualTo("/thread?id=" + enc(TestArchive.VIRTIO_Q));
        assertThat(answer.select("a#raw").attr("href")).isEqualTo("/raw?id=" + enc(TestArchive.VIRTIO_A));

        assertThat(question.select("#decision").text()).contains("An inquiry about Implement virtio drivers", "aoiko@example.org");
        assertThat(question.select("#decision a").attr("href")).isEqualTo("/unanswered?mentor=aoiko%40example.org");
    }

    @Test
    void theRawMessageIsTheArchivedBytesAsADownload() throws Exception {
        HttpResponse<byte[]> r = web.bytes("/raw?id=" + enc(TestArchive.HAMMER_Q));
        HttpResponse<byte[]> inline = web.bytes("/raw?id=" + enc(TestArchive.HAMMER_Q) + "&inline");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(archive.raw.get(TestArchive.HAMMER_Q));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"message-ca-hammer-2-x-y-41-mail-example-com.eml\"");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(inline.body()).isEqualTo(archive.raw.get(TestArchive.HAMMER_Q));
        assertThat(inline.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(inline.headers().firstValue("Content-Disposition")).hasValue("inline");
    }

    @Test
    void theMboxExportParsesBackToTheSameMessagesWithFromLinesEscaped() throws Exception {
        HttpResponse<byte[]> hammer = web.bytes("/thread.mbox?id=" + enc(TestArchive.HAMMER_Q));
        HttpResponse<byte[]> patch = web.bytes("/thread.mbox?id=" + enc(TestArchive.PATCH));

        assertThat(hammer.statusCode()).isEqualTo(200);
        assertThat(hammer.headers().firstValue("Content-Type")).hasValue("application/mbox");
        assertThat(hammer.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"thread-[a-z0-9-]+\\.mbox\"");
        String text = new String(hammer.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("From student2@example.org Mon Mar  5 09:00:00 2012\n");
        assertThat(text).contains("\n\nFrom student2@example.org Wed Mar  7 09:00:00 2012\n");
        assertThat(parse(hammer.body())).containsExactly(archive.raw.get(TestArchive.HAMMER_Q), archive.raw.get(TestArchive.HAMMER_FOLLOW_UP));

        String patchText = new String(patch.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(patchText).contains("\n>From the start this was broken.\n", "\n>>From here on it works.\n");
        assertThat(patchText.lines().filter(l -> l.startsWith("From "))).hasSize(1);
        assertThat(parse(patch.body())).containsExactly(archive.raw.get(TestArchive.PATCH));
    }

    /** The mbox as mentorbot's own importer reads it (mboxrd escaping undone). */
    private static List<byte[]> parse(byte[] mbox) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".mbox");
        Files.write(file, mbox);
        List<byte[]> messages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        MailInput.read(List.of(file), (RawMessage m) -> messages.add(m.bytes()), warnings::add);
        assertThat(warnings).isEmpty();
        return messages;
    }

    @Test
    void theAtomFeedIsValidXmlNewestFirst() throws Exception {
        HttpResponse<byte[]> r = web.bytes("/atom?q=virtio");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        String atom = "http://www.w3.org/2005/Atom";
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(atom);
        assertThat(child(feed.getDocumentElement(), "id")).startsWith("urn:uuid:");
        assertThat(child(feed.getDocumentElement(), "title")).isEqualTo("mentorbot: virtio");
        assertThat(child(feed.getDocumentElement(), "updated")).isEqualTo("2013-05-01T12:00:00Z");

        NodeList entries = feed.getElementsByTagNameNS(atom, "entry");
        List<String> ids = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
            ids.add(child(entry, "id"));
            updated.add(child(entry, "updated"));
            assertThat(child(entry, "title")).isNotBlank();
            assertThat(((org.w3c.dom.Element) entry.getElementsByTagNameNS(atom, "author").item(0))
                    .getElementsByTagNameNS(atom, "name").item(0).getTextContent()).isNotBlank();
            String href = ((org.w3c.dom.Element) entry.getElementsByTagNameNS(atom, "link").item(0)).getAttribute("href");
            assertThat(web.get(href).statusCode()).as(href).isEqualTo(200);
        }
        assertThat(ids).containsExactly("mid:patch-1%40example.org", "mid:virtio-a%40example.org", "mid:virtio-q%40example.org");
        assertThat(updated).containsExactly("2013-05-01T12:00:00Z", "2011-02-24T08:00:00Z", "2011-02-23T10:00:00Z");
    }

    static String child(org.w3c.dom.Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
        assertThat(nodes.getLength()).as(name).isPositive();
        return nodes.item(0).getTextContent();
    }

    @Test
    void unansweredInquiriesAreGroupedPerMentorAndPerIdea() throws Exception {
        Document page = Jsoup.parse(web.get("/unanswered").body());

        assertThat(page.select("#summary").text()).startsWith("3 threads in which nobody but the asker has written");
        assertThat(counts(page, "#by-mentor")).containsExactly("evil-mentor@example.org=1", "matt@example.org=1",
                "tuxillo@example.org=1", UnansweredPage.NO_MENTOR + "=1");
        assertThat(counts(page, "#by-idea")).containsExactly("Evil " + TestArchive.XSS_IMG + " idea=1", "HAMMER2 compression=1",
                UnansweredPage.NO_IDEA + "=1");
        assertThat(page.select("section.group.mentor:has(h3:containsOwn(matt@example.org)) a.thread-link").eachAttr("href"))
                .containsExactly("/thread?id=" + enc(TestArchive.HAMMER_Q));
        assertThat(page.select("a.thread-link").eachAttr("href")).as("the answered virtio inquiry is not listed")
                .doesNotContain("/thread?id=" + enc(TestArchive.VIRTIO_Q));
        assertThat(page.select("#by-mentor a:containsOwn(matt@example.org)").attr("href")).isEqualTo("/unanswered?mentor=matt%40example.org");
    }

    @Test
    void theUnansweredPageFiltersByMentorAndByIdea() throws Exception {
        Document byMentor = Jsoup.parse(web.get("/unanswered?mentor=tuxillo%40example.org").body());
        Document byIdea = Jsoup.parse(web.get("/unanswered?idea=" + enc(TestArchive.HAMMER.id())).body());
        Document nobody = Jsoup.parse(web.get("/unanswered?mentor=aoiko%40example.org").body());

        assertThat(byMentor.select("#summary").text()).startsWith("1 thread ");
        assertThat(byMentor.select("section.group.mentor a.thread-link").eachAttr("href")).containsOnly("/thread?id=" + enc(TestArchive.HAMMER_Q));
        assertThat(byMentor.select("p.filter").text()).contains("tuxillo@example.org", "show all");
        assertThat(counts(byIdea, "#by-idea")).containsExactly("HAMMER2 compression=1");
        assertThat(nobody.select("#summary").text()).startsWith("0 threads");
    }

    private static List<String> counts(Document page, String table) {
        List<String> rows = new ArrayList<>();
        for (Element row : page.select(table + " tr")) rows.add(row.child(0).text() + "=" + row.child(1).text());
        return rows;
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        List<String> paths = List.of("/", "/?q=virtio", "/?q=" + enc("(unclosed"), "/thread?id=" + enc(TestArchive.VIRTIO_Q),
                "/thread.mbox?id=" + enc(TestArchive.VIRTIO_Q), "/message?id=" + enc(TestArchive.VIRTIO_Q),
                "/raw?id=" + enc(TestArchive.VIRTIO_Q), "/raw?id=" + enc(TestArchive.VIRTIO_Q) + "&inline", "/atom?q=virtio",
                "/unanswered", "/style.css", "/no-such-page", "/message?id=nope", "/message", "/raw?id=%E0%80");
        List<Integer> statuses = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> r = web.get(path);
            statuses.add(r.statusCode());
            assertSecurityHeaders(r, path);
        }
        HttpResponse<String> post = web.send("POST", "/?q=virtio");
        assertSecurityHeaders(post, "POST /");
        HttpResponse<String> head = web.send("HEAD", "/thread?id=" + enc(TestArchive.VIRTIO_Q));
        assertSecurityHeaders(head, "HEAD /thread");

        assertThat(statuses).containsExactly(200, 200, 400, 200, 200, 200, 200, 200, 200, 200, 200, 404, 404, 400, 404);
    }

    static void assertSecurityHeaders(HttpResponse<?> r, String what) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).hasValue(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/") || type.contains("xml")) assertThat(type).as(what).endsWith("charset=utf-8");
    }

    @Test
    void theStylesheetIsServedFromTheJar() throws Exception {
        HttpResponse<String> r = web.get("/style.css");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(r.body()).contains("mark {", "pre {");
    }

    @Test
    void unknownIdsAndPagesAre404AndMissingIds400() throws Exception {
        for (String path : List.of("/thread?id=" + enc("<nope@example.org>"), "/thread.mbox?id=nope", "/message?id=" + enc("<nope@x>"),
                "/raw?id=nope", "/nope", "/thread/x", "/style.css/x")) {
            HttpResponse<String> r = web.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("text/html; charset=utf-8");
        }
        for (String path : List.of("/thread", "/message?id=", "/raw", "/thread.mbox", "/atom")) {
            assertThat(web.get(path).statusCode()).as(path).isEqualTo(400);
        }
        assertThat(Jsoup.parse(web.get("/message?id=nope").body()).select("p.error").text()).isEqualTo("No message nope in the archive.");
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> r = web.send(method, "/");
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
        }
    }

    @Test
    void headAnswersWithTheHeadersOfGetAndNoBody() throws Exception {
        HttpResponse<String> get = web.get("/?q=virtio");
        HttpResponse<String> head = web.send("HEAD", "/?q=virtio");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    /** A request with any Host header (java.net.http will not send a foreign one); returns the status line. */
    static String statusWithHost(WebServer server, String host, String authorization) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET /?q=virtio HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).as(host).contains("\r\nContent-security-policy: default-src 'none';");
            return response.substring(0, response.indexOf("\r\n")).strip();
        }
    }

    @Test
    void withoutAPasswordOnlyLoopbackHostNamesAreAnswered() throws Exception {
        int port = server.address().getPort();

        assertThat(statusWithHost(server, "evil.example:" + port, null)).as("DNS rebinding").isEqualTo("HTTP/1.1 421");
        assertThat(statusWithHost(server, "127.0.0.1.evil.example", null)).isEqualTo("HTTP/1.1 421");
        assertThat(statusWithHost(server, "localhost:" + port, null)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(statusWithHost(server, "127.0.0.1:" + port, null)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(statusWithHost(server, "[::1]:" + port, null)).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void loopbackHostNamesAreRecognisedExactly() {
        assertThat(List.of("localhost", "LOCALHOST:8025", "127.0.0.1", "127.1.2.3:80", "[::1]", "[::1]:8025"))
                .allMatch(LoopbackHosts::allows);
        assertThat(List.of("evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "127.0.0.256", "[::2]:80", "localhost:80x",
                "[::1]x", "0.0.0.0", "")).noneMatch(LoopbackHosts::allows);
    }

    @Test
    void linksInPagesAreEscapedAndEncoded() throws Exception {
        String body = web.get("/message?id=" + enc(TestArchive.VIRTIO_Q)).body();
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(body);
        List<String> hrefs = new ArrayList<>();
        while (m.find()) hrefs.add(m.group(1));

        assertThat(hrefs).contains("/raw?id=%3Cvirtio-q%40example.org%3E&amp;inline");
        assertThat(hrefs).allSatisfy(h -> assertThat(h).matches("[A-Za-z0-9/?=%&;.\\-_]*"));
    }
}
