package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mentorbot serve}: its one-line mistakes in-process, and a real run in a process of its own. */
class ServeCommandTest {

    @TempDir
    static Path dir;
    static String archive;

    @BeforeAll
    static void importSamples() {
        archive = dir.resolve("archive").toString();
        CliRunner.importInto(dir.resolve("archive"), "config/samples/kernel-list.mbox");
    }

    private static void assertOneLineMistake(CliRunner.Result r, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("mentorbot: ").contains(expected);
    }

    @Test
    void aMissingArchiveOrNoArchiveIsOneLine() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertOneLineMistake(CliRunner.run("serve", "--archive", dir.resolve("nope").toString(), "--port", "0"), "nope: no such directory");
        assertOneLineMistake(CliRunner.run("serve", "--archive", dir.resolve("empty").toString(), "--port", "0"), "not an archive");
    }

    @Test
    void aNonLoopbackAddressWithoutAuthenticationIsRefused() {
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--bind", "0.0.0.0", "--port", "0"),
                "refusing to serve on 0.0.0.0 without authentication");
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--port", Integer.toString(taken.getLocalPort())),
                    "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void passwordMistakesAreOneLine() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty-password"), "\n");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--user", "m", "--password-file", dir.resolve("none").toString()),
                "none: no such file");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--user", "m", "--password-file", empty.toString()),
                "the first line is empty");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--user", "m", "--password-file", dir.toString()),
                "cannot read");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--user", "m"), "--user needs --password-env");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--password-env", "HOME"), "a password needs --user");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--user", "m", "--password-env", "MENTORBOT_SURELY_UNSET_VARIABLE"),
                "MENTORBOT_SURELY_UNSET_VARIABLE: the variable is not set or empty");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--user", "m", "--password-env", "HOME", "--password-file",
                empty.toString()), "not both");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--user", "a:b", "--password-env", "HOME"), "no ':'");
    }

    @Test
    void badAddressesAndPortsAreOneLine() {
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--port", "70000"), "not a port");
        assertOneLineMistake(CliRunner.run("serve", "--archive", archive, "--bind", "no-such-host.invalid"), "unknown host or address");
    }

    @Test
    void servesWithAuthenticationSeesWhatAnotherProcessImportsAndStopsCleanlyOnSigterm() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.mentorbot.cli.Main",
                "serve", "--archive", archive, "--port", "0", "--user", "mentor", "--password-env", "MENTORBOT_TEST_WEB_PASSWORD");
        pb.environment().put("MENTORBOT_TEST_WEB_PASSWORD", "correct horse");
        pb.redirectError(dir.resolve("serve.err").toFile());
        Process serve = pb.start();
        try {
            // Everything the server prints, read as it comes: it should be exactly one line.
            java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = out.readLine()) != null; ) lines.add(l);
                } catch (java.io.IOException e) {
                    // the process is gone; what it printed is in lines
                }
            });
            reader.start();
            String line = lines.poll(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/) \\(archive (.*)\\)").matcher(String.valueOf(line));
            assertThat(m.matches()).as(line + " / " + Files.readString(dir.resolve("serve.err"))).isTrue();
            assertThat(m.group(2)).isEqualTo(archive);
            URI base = URI.create(m.group(1));
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("mentor:correct horse".getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("/?q=tardigrade")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<String> before = http.send(HttpRequest.newBuilder(base.resolve("/?q=tardigrade")).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(before.body()).contains("0 messages in 0 threads match");

            // Another process (this one) writes the archive while the server reads it.
            Path eml = Files.writeString(dir.resolve("new.eml"), "From: New Student <new@example.org>\nTo: kernel@example.org\n"
                    + "Subject: tardigrade question\nDate: Mon, 01 Mar 2010 10:00:00 +0000\nMessage-ID: <tardigrade@example.org>\n\n"
                    + "What about tardigrade support?\n");
            CliRunner.Result imported = CliRunner.run("import", "--archive", archive, "--catalog", "config/catalogs", eml.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(base.resolve("/?q=tardigrade")).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).contains("1 messages in 1 thread match", "tardigrade question");

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(serve.exitValue()).isZero();
            reader.join(10_000);
            assertThat(lines).as("nothing printed but the one line").isEmpty();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void theHelpNamesEveryOption() {
        CliRunner.Result r = CliRunner.run("serve", "--help");

        assertThat(r.exitCode()).isZero();
        for (String option : List.of("--archive", "--bind", "--port", "--user", "--password-env", "--password-file")) {
            assertThat(r.out()).contains(option);
        }
        assertThat(r.out()).contains("default: 127.0.0.1", "default: 8025");
    }
}
