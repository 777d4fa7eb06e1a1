package org.mentorbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mentorbot.archive.ReadOnlyArchive;
import org.mentorbot.web.BasicAuth;
import org.mentorbot.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentorbot serve}: the read-only web page over an archive, until SIGTERM or Ctrl-C. The archive is
 * opened read-only, so the daemon or an import can write it meanwhile; each search sees their last commit.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the archive's read-only web page for mentors (search, threads, unanswered inquiries, Atom feeds) "
                + "until stopped. Loopback only, unless a user and password are configured.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BotOptions options;

    @Option(names = "--archive", paramLabel = "DIR",
            description = "The archive index directory (default: the bot's, archive.dir in mentorbot.properties).")
    Path archiveDir;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any other than loopback needs --user and a password.")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8025", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--user", paramLabel = "NAME", description = "Require HTTP Basic authentication as this user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "The environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the password.")
    Path passwordFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) throw new UserError("--port " + port + ": not a port (0 to 65535)");
        Optional<BasicAuth> auth = auth();
        InetAddress address = address();
        if (!address.isLoopbackAddress() && auth.isEmpty()) {
            throw new UserError("refusing to serve on " + address.getHostAddress()
                    + " without authentication: give --user and --password-env or --password-file, or bind to 127.0.0.1");
        }
        if (archiveDir == null) archiveDir = options.config().archiveDirectory();
        if (archiveDir == null) throw new UserError("the configuration has no archive (archive.dir = none): give --archive DIR");
        // A server runs for weeks: mapped index pages would count in its memory as searches touch them.
        ReadOnlyArchive archive = Setup.openArchive(archiveDir, ReadOnlyArchive.Files.BUFFERED);
        WebServer server;
        try {
            server = WebServer.start(archive, new InetSocketAddress(address, port), auth);
        } catch (WebServer.StartException e) {
            archive.close();
            throw new UserError(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                archive.close();
            } catch (IOException e) {
                System.err.println("mentorbot: closing the archive: " + e.getMessage());
            }
            stopped.countDown();
            System.out.flush();
            // Stopping is what SIGTERM and Ctrl-C ask of this command, so it is a success; left alone, the JVM
            // would report the signal (143, 130) instead.
            Runtime.getRuntime().halt(0);
        }, "mentorbot-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        HeapHint.warnIfUnbounded(spec.commandLine().getErr(), "serve");
        out.println("serving " + server.uri() + " (archive " + archiveDir + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserError("--bind " + bind + ": unknown host or address");
        }
    }

    private Optional<BasicAuth> auth() {
        if (passwordEnv != null && passwordFile != null) throw new UserError("give --password-env or --password-file, not both");
        boolean password = passwordEnv != null || passwordFile != null;
        if (user == null && !password) return Optional.empty();
        if (user == null) throw new UserError("a password needs --user NAME");
        if (!password) throw new UserError("--user needs --password-env VAR or --password-file FILE (never the password itself)");
        try {
            return Optional.of(BasicAuth.of(user, passwordEnv != null ? fromEnvironment() : fromFile()));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private String fromEnvironment() {
        String value = System.getenv(passwordEnv);
        if (value == null || value.isEmpty()) throw new UserError("--password-env " + passwordEnv + ": the variable is not set or empty");
        return value;
    }

    private String fromFile() {
        String text;
        try {
            text = Files.readString(passwordFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("--password-file " + passwordFile + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserError("--password-file " + passwordFile + ": permission denied");
        } catch (IOException e) {
            throw new UserError("--password-file " + passwordFile + ": cannot read (" + e.getMessage() + ")");
        }
        String first = text.lines().findFirst().orElse("");
        if (first.isEmpty()) throw new UserError("--password-file " + passwordFile + ": the first line is empty");
        return first;
    }
}
