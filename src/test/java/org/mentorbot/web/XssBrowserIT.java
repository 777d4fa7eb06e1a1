package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorbot.web.WebClient.enc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hostile message in a real browser: its markup shows as text on every page, nothing of it runs, and the
 * browser enforces the Content-Security-Policy (checked against a page without one, where the same script
 * does run).
 */
class XssBrowserIT {

    @TempDir
    static Path dir;
    static ServedTestArchive served;
    static Browser browser;
    static ChromeDriver driver;

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

    private static String url(String path) {
        return served.url(path);
    }

    /** No dialog, no injected element, and the payloads' marker unset even after async handlers had time. */
    private static void assertNothingRan(String where) {
        assertThatThrownBy(() -> driver.switchTo().alert()).as(where).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("img, script, iframe, [onerror], [onload]"))).as(where).isEmpty();
        Object pwned = driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1]; setTimeout(function () { done(typeof window.__pwned); }, 300);");
        assertThat(pwned).as(where).isEqualTo("undefined");
    }

    private static String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Test
    void theResultsShowTheMarkupAsText() {
        driver.get(url("/"));
        driver.findElement(By.id("q")).sendKeys("payload");
        driver.findElement(By.id("search")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("q=payload"));

        assertNothingRan("results");
        assertThat(driver.findElement(By.cssSelector("a.thread-link")).getText())
                .isEqualTo(TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG);
        assertThat(driver.findElement(By.cssSelector(".snippet")).getText()).contains(TestArchive.XSS_SCRIPT, TestArchive.XSS_IMG);
        assertThat(text()).contains(TestArchive.XSS_SCRIPT + " <evil@example.org>");
    }

    @Test
    void theThreadMessageAndSourceShowTheMarkupAsText() {
        for (String path : List.of("/thread?id=" + enc(TestArchive.XSS), "/message?id=" + enc(TestArchive.XSS),
                "/raw?id=" + enc(TestArchive.XSS) + "&inline")) {
            driver.get(url(path));
            assertNothingRan(path);
            assertThat(text()).as(path).contains(TestArchive.XSS_SCRIPT, TestArchive.XSS_IMG,
                    "<script>window.__pwned = 1</script>", "</pre></main>");
        }
        driver.get(url("/message?id=" + enc(TestArchive.XSS)));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG);
        assertThat(driver.getTitle()).startsWith(TestArchive.XSS_SCRIPT);
    }

    @Test
    void theUnansweredAndErrorPagesShowTheMarkupAsText() {
        driver.get(url("/unanswered"));
        assertNothingRan("unanswered");
        assertThat(text()).contains(TestArchive.XSS_SCRIPT + " " + TestArchive.XSS_IMG, TestArchive.EVIL.title());

        driver.get(url("/message?id=" + enc(TestArchive.XSS_SCRIPT + TestArchive.XSS_IMG)));
        assertNothingRan("404");
        assertThat(text()).contains("No message " + TestArchive.XSS_SCRIPT + TestArchive.XSS_IMG);

        driver.get(url("/?q=" + enc("(" + TestArchive.XSS_SCRIPT)));
        assertNothingRan("400");
        assertThat(driver.findElement(By.id("query-error")).getText()).contains(TestArchive.XSS_SCRIPT);
    }

    /** Adds an inline script and an inline event handler to the page, as an injection would. */
    private static final String INJECT = "window.__violations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.effectiveDirective); });"
            + "var s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s);"
            + "document.body.insertAdjacentHTML('beforeend', '<img src=\"/no-such.png\" onerror=\"window.__handler = 1\">');";

    private static String injectAndReport() {
        driver.executeScript(INJECT);
        return (String) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "setTimeout(function () { done(typeof window.__inline + ' ' + typeof window.__handler + ' '"
                + " + window.__violations.slice().sort().join(',')); }, 500);");
    }

    @Test
    void theBrowserEnforcesThePolicySoNoInlineScriptCouldRun() {
        driver.get("about:blank");
        String withoutPolicy = injectAndReport();
        driver.get(url("/?q=virtio"));
        String withPolicy = injectAndReport();

        assertThat(withoutPolicy).as("the same injection on a page without the policy runs").isEqualTo("number number ");
        assertThat(withPolicy).isEqualTo("undefined undefined script-src-attr,script-src-elem");
    }
}
