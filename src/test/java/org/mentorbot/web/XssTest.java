package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorbot.web.WebClient.enc;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * A message whose subject, sender, body and idea title carry HTML: every page shows it as text. Checked on
 * the raw bytes (no markup of the sender's survives) and as a browser would parse the page (no script
 * element, no event handler attribute anywhere).
 */
class XssTest {

    static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String IMG_ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

    @TempDir
    static Path dir;
    static ServedTestArchive served;
    static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        served = ServedTestArchive.start(dir);
        web = new WebClient(served.server.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        served.close();
    }

    @Test
    void theResultsPageShowsTheHostileSubjectSenderAndSnippetAsText() throws Exception {
        Document page = harmless("/?q=payload");

        assertThat(page.select("a.thread-link").text()).isEqualTo(TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG);
        assertThat(page.select("li.hit .meta").text()).contains(TestArchive.XSS_SCRIPT + " <evil@example.org>");
        assertThat(page.select(".snippet").text()).contains(TestArchive.XSS_SCRIPT, TestArchive.XSS_IMG);
        assertThat(page.select(".badge.idea").text()).isEqualTo("idea: " + TestArchive.EVIL.title());
        assertThat(page.select("aside.facets a").eachText()).contains(TestArchive.EVIL.title());
    }

    @Test
    void theThreadPageShowsItAsText() throws Exception {
        Document page = harmless("/thread?id=" + enc(TestArchive.XSS));

        assertThat(page.select("h1").text()).isEqualTo(TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG);
        assertThat(page.select("title").text()).startsWith(TestArchive.XSS_SCRIPT);
        assertThat(page.select("pre.body").text()).contains("</pre></main><script>window.__pwned = 1</script>");
    }

    @Test
    void theMessagePageShowsItAsText() throws Exception {
        Document page = harmless("/message?id=" + enc(TestArchive.XSS));

        assertThat(page.select("dl.headers dd").eachText()).contains(TestArchive.XSS_SCRIPT + " <evil@example.org>",
                TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG);
        assertThat(page.select("pre.fulltext").text()).contains(TestArchive.XSS_SCRIPT, TestArchive.XSS_IMG);
        assertThat(page.select("#decision strong").text()).isEqualTo(TestArchive.EVIL.title());
    }

    @Test
    void theUnansweredPageShowsItAsText() throws Exception {
        Document page = harmless("/unanswered");

        assertThat(page.select("a.thread-link").eachText()).contains(TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG);
        assertThat(page.select("section.group.idea h3").eachText()).anyMatch(h -> h.startsWith(TestArchive.EVIL.title()));
    }

    @Test
    void errorPagesShowHostileIdsAndQueriesAsText() throws Exception {
        HttpResponse<String> missing = web.get("/message?id=" + enc(TestArchive.XSS_SCRIPT + TestArchive.XSS_IMG));
        HttpResponse<String> badQuery = web.get("/?q=" + enc("(" + TestArchive.XSS_SCRIPT + TestArchive.XSS_IMG));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(badQuery.statusCode()).isEqualTo(400);
        for (HttpResponse<String> r : List.of(missing, badQuery)) {
            assertThat(r.body()).doesNotContain("<script>", "<img").contains(SCRIPT_ESCAPED);
            assertNoActiveContent(Jsoup.parse(r.body()));
        }
        assertThat(Jsoup.parse(badQuery.body()).select("#q").val()).isEqualTo("(" + TestArchive.XSS_SCRIPT + TestArchive.XSS_IMG);
    }

    @Test
    void theAtomFeedCarriesItAsTextInWellFormedXml() throws Exception {
        HttpResponse<byte[]> r = web.bytes("/atom?q=payload");
        String xml = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(xml).doesNotContain("<script", "<img").contains(SCRIPT_ESCAPED);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        org.w3c.dom.Element entry = (org.w3c.dom.Element) feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertThat(WebServerTest.child(entry, "title")).isEqualTo(TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG);
        assertThat(WebServerTest.child(entry, "name")).isEqualTo(TestArchive.XSS_SCRIPT + " <evil@example.org>");
        assertThat(WebServerTest.child(entry, "summary")).contains(TestArchive.XSS_SCRIPT);
        NodeList all = feed.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            assertThat(all.item(i).getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
            assertThat(all.item(i).getLocalName()).isNotIn("script", "img");
        }
    }

    @Test
    void theRawMessageIsNeverServedAsHtml() throws Exception {
        HttpResponse<String> download = web.get("/raw?id=" + enc(TestArchive.XSS));
        HttpResponse<String> inline = web.get("/raw?id=" + enc(TestArchive.XSS) + "&inline");

        assertThat(download.body()).contains(TestArchive.XSS_SCRIPT);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(inline.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"message-xss-1-example-org.eml\"");
        for (HttpResponse<String> r : List.of(download, inline)) {
            WebServerTest.assertSecurityHeaders(r, r.uri().toString());
        }
    }

    /** Fetches a page that shows the hostile message and checks nothing of it is markup. */
    private static Document harmless(String path) throws Exception {
        HttpResponse<String> r = web.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.body()).as(path).doesNotContain("<script", "<img", "onerror=alert(1)>").contains(SCRIPT_ESCAPED, IMG_ESCAPED);
        Document page = Jsoup.parse(r.body());
        assertNoActiveContent(page);
        return page;
    }

    private static void assertNoActiveContent(Document page) {
        assertThat(page.select("script, img, iframe, object, embed")).isEmpty();
        for (Element e : page.getAllElements()) {
            assertThat(e.attributes().asList()).noneMatch(a -> a.getKey().toLowerCase().startsWith("on"));
        }
        assertThat(page.select("main").size()).as("the body closed nothing of the frame").isEqualTo(1);
        assertThat(page.select("main pre, main p, main a").size()).isPositive();
    }
}
