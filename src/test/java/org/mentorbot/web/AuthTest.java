package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.archive.ReadOnlyArchive;

/** HTTP Basic authentication, and the rule that only loopback may go without it. */
class AuthTest {

    @TempDir
    static Path dir;
    static ReadOnlyArchive view;

    @BeforeAll
    static void build() throws Exception {
        TestArchive.build(dir);
        view = ReadOnlyArchive.open(dir);
    }

    @AfterAll
    static void close() throws Exception {
        view.close();
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Test
    void everyPageNeedsTheRightCredentials() throws Exception {
        try (WebServer server = WebServer.start(view, loopback(), Optional.of(BasicAuth.of("mentor", "s3cret päss")))) {
            WebClient anonymous = new WebClient(server.uri());
            for (String path : List.of("/", "/?q=virtio", "/style.css", "/raw?id=nope", "/atom?q=virtio", "/nope")) {
                HttpResponse<String> r = anonymous.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"mentorbot\", charset=\"UTF-8\"");
                assertThat(r.body()).as(path).doesNotContain("virtio");
                WebServerTest.assertSecurityHeaders(r, path);
            }
            assertThat(anonymous.as("mentor", "wrong").get("/").statusCode()).isEqualTo(401);
            assertThat(anonymous.as("mentor", "s3cret päs").get("/").statusCode()).isEqualTo(401);
            assertThat(anonymous.as("Mentor", "s3cret päss").get("/").statusCode()).isEqualTo(401);
            assertThat(anonymous.as("mentor", "s3cret päss").get("/?q=virtio").statusCode()).isEqualTo(200);
            assertThat(anonymous.as("mentor", "s3cret päss").get("/style.css").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withAPasswordAnyHostNameIsAnswered() throws Exception {
        try (WebServer server = WebServer.start(view, loopback(), Optional.of(BasicAuth.of("mentor", "pw")))) {
            String credentials = "Basic " + java.util.Base64.getEncoder().encodeToString("mentor:pw".getBytes());

            assertThat(WebServerTest.statusWithHost(server, "archive.example.org", credentials)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(WebServerTest.statusWithHost(server, "archive.example.org", null)).isEqualTo("HTTP/1.1 401 Unauthorized");
        }
    }

    @Test
    void aNonLoopbackAddressWithoutAuthenticationIsRefused() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0);

        assertThatThrownBy(() -> WebServer.start(view, any, Optional.empty()))
                .isInstanceOf(WebServer.StartException.class)
                .hasMessage("refusing to serve the archive on 0.0.0.0 without authentication: anyone who can reach it could read the list's mail");
    }

    @Test
    void aNonLoopbackAddressWithAuthenticationServesAndAsks() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0);
        try (WebServer server = WebServer.start(view, any, Optional.of(BasicAuth.of("mentor", "pw")))) {
            WebClient web = new WebClient(java.net.URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));

            assertThat(server.uri().toString()).isEqualTo("http://0.0.0.0:" + server.address().getPort() + "/");
            assertThat(web.get("/").statusCode()).isEqualTo(401);
            assertThat(web.as("mentor", "pw").get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (WebServer first = WebServer.start(view, loopback(), Optional.empty())) {
            InetSocketAddress same = new InetSocketAddress(InetAddress.getLoopbackAddress(), first.address().getPort());

            assertThatThrownBy(() -> WebServer.start(view, same, Optional.empty()))
                    .isInstanceOf(WebServer.StartException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + first.address().getPort() + ": ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void malformedAuthorizationHeadersAreRejected() {
        BasicAuth auth = BasicAuth.of("mentor", "pw");

        assertThat(auth.accepts("Basic bWVudG9yOnB3")).isTrue();
        assertThat(auth.accepts("basic   bWVudG9yOnB3 ")).isTrue();
        assertThat(auth.accepts(null)).isFalse();
        assertThat(auth.accepts("")).isFalse();
        assertThat(auth.accepts("Basic")).isFalse();
        assertThat(auth.accepts("Basic !!!not-base64")).isFalse();
        assertThat(auth.accepts("Bearer bWVudG9yOnB3")).isFalse();
        assertThat(auth.accepts("Basic bWVudG9yOnB3eA==")).as("mentor:pwx").isFalse();
    }

    @Test
    void credentialsThatBasicCannotCarryAreRefusedAndThePasswordNeverPrinted() {
        assertThatThrownBy(() -> BasicAuth.of("a:b", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BasicAuth.of("", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BasicAuth.of("mentor", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BasicAuth.of("mentor", "hunter2")).hasToString("BasicAuth[user=mentor]");
    }
}
