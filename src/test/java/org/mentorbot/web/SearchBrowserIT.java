package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorbot.web.WebClient.enc;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A mentor's way through the page in real headless Chromium: search, thread, message, source. */
class SearchBrowserIT {

    @TempDir
    static Path dir;
    static ServedTestArchive served;
    static Browser browser;
    static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        served = ServedTestArchive.start(dir);
        browser = Browser.start();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            if (served != null) served.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private static String url(String path) {
        return served.url(path);
    }

    private static void search(String query) {
        driver.get(url("/"));
        WebElement box = driver.findElement(By.id("q"));
        box.clear();
        box.sendKeys(query);
        driver.findElement(By.id("search")).click();
        waiting().until(ExpectedConditions.urlContains("q="));
    }

    @Test
    void typeAQueryOpenTheThreadThenTheMessageThenItsSource() throws Exception {
        search("virtio");

        WebElement summary = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
        assertThat(summary.getText()).startsWith("3 messages in 2 threads match");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/?q=virtio&sort=relevance"));
        assertThat(driver.findElements(By.cssSelector(".snippet mark"))).extracting(WebElement::getText).contains("virtio");

        driver.findElement(By.linkText("GSoC: about virtio drivers")).click();
        waiting().until(ExpectedConditions.urlContains("/thread?id="));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("GSoC: about virtio drivers");
        assertThat(driver.findElements(By.cssSelector("article.message h2"))).extracting(WebElement::getText)
                .containsExactly("GSoC: about virtio drivers", "Re: GSoC: about virtio drivers");

        driver.findElement(By.linkText("Re: GSoC: about virtio drivers")).click();
        waiting().until(ExpectedConditions.urlContains("/message?id="));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/message?id=" + enc(TestArchive.VIRTIO_A)));
        assertThat(driver.findElement(By.cssSelector("dl.headers")).getText()).contains("Aggelos Mentor <aoiko@example.org>");
        assertThat(driver.findElement(By.cssSelector("pre.fulltext")).getText()).contains("> Where do I start?");

        // The raw link is a download; the browser would save it, so its target is fetched over HTTP instead.
        String raw = driver.findElement(By.id("raw")).getAttribute("href");
        assertThat(raw).isEqualTo(url("/raw?id=" + enc(TestArchive.VIRTIO_A)));
        HttpResponse<byte[]> download = new WebClient(served.server.uri()).bytes(URI.create(raw).getRawPath() + "?" + URI.create(raw).getRawQuery());
        assertThat(download.body()).isEqualTo(served.archive.raw.get(TestArchive.VIRTIO_A));
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

        driver.findElement(By.id("raw-inline")).click();
        waiting().until(ExpectedConditions.urlContains("&inline"));
        assertThat(driver.findElement(By.tagName("body")).getText())
                .contains("Message-ID: " + TestArchive.VIRTIO_A, "Read the virtio specification first");
        assertThat(driver.findElements(By.cssSelector("dl.headers"))).as("plain text, not a page").isEmpty();
    }

    @Test
    void facetsAndTheOrderChoiceRefineTheResults() {
        search("virtio");
        driver.findElement(By.linkText("aoiko@example.org")).click();
        waiting().until(ExpectedConditions.urlContains("mentor"));

        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("virtio mentor:\"aoiko@example.org\"");
        assertThat(driver.findElements(By.cssSelector("a.thread-link"))).extracting(WebElement::getText)
                .containsExactly("GSoC: about virtio drivers");

        driver.get(url("/"));
        driver.findElement(By.id("q")).sendKeys("virtio");
        new Select(driver.findElement(By.id("sort"))).selectByValue("newest");
        driver.findElement(By.id("search")).click();
        waiting().until(ExpectedConditions.urlContains("sort=newest"));
        assertThat(driver.findElements(By.cssSelector("a.thread-link"))).extracting(e -> e.getAttribute("href"))
                .containsExactly(url("/thread?id=" + enc(TestArchive.PATCH)), url("/thread?id=" + enc(TestArchive.VIRTIO_Q)));
    }

    @Test
    void aMalformedQueryShowsTheParsersMessage() {
        search("d:2011-13..");

        assertThat(driver.findElement(By.id("query-error")).getText()).startsWith("query \"d:2011-13..\": at column 3");
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("d:2011-13..");
    }

    @Test
    void theUnansweredPageGroupsAndFilters() {
        driver.get(url("/"));
        driver.findElement(By.linkText("Unanswered inquiries")).click();
        waiting().until(ExpectedConditions.urlContains("/unanswered"));

        assertThat(driver.findElement(By.id("summary")).getText()).startsWith("3 threads");
        driver.findElement(By.cssSelector("#by-mentor")).findElement(By.linkText("matt@example.org")).click();
        waiting().until(ExpectedConditions.urlContains("mentor=matt"));
        assertThat(driver.findElement(By.id("summary")).getText()).startsWith("1 thread ");
        assertThat(driver.findElements(By.cssSelector("section.group.mentor a.thread-link"))).extracting(WebElement::getText)
                .containsOnly("Question about HAMMER2 compression");
    }

    @Test
    void theStylesheetLoadsUnderThePolicy() {
        search("virtio");

        Object background = browser.driver.executeScript(
                "return getComputedStyle(document.querySelector('.snippet mark')).backgroundColor");
        assertThat(background).isEqualTo("rgb(255, 241, 168)");
        assertThat(driver.findElement(By.cssSelector("details#help")).getAttribute("open")).as("help starts folded").isNull();
        driver.findElement(By.cssSelector("details#help summary")).click();
        assertThat(driver.findElement(By.cssSelector("details#help")).getText()).contains("is:unanswered");
    }
}
