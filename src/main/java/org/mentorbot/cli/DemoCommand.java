package org.mentorbot.cli;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mentorbot.action.BotIdentity;
import org.mentorbot.action.Policy;
import org.mentorbot.action.RateLimitSettings;
import org.mentorbot.action.SmtpSettings;
import org.mentorbot.archive.Archive;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.mail.MailInput;
import org.mentorbot.mail.RawMessage;
import org.mentorbot.mail.SourceAddress;
import org.mentorbot.schedule.Bot;
import org.mentorbot.schedule.BotConfig;
import org.mentorbot.schedule.MailboxConfig;
import org.mentorbot.schedule.MailboxPoller;
import org.mentorbot.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentorbot demo}: the whole bot on an embedded default, no account needed. An embedded mail server
 * (GreenMail) on 127.0.0.1 holds a list mailbox; the bot polls it once while it is empty (so that what
 * follows is new mail, not backlog), the sample traffic is delivered, the bot polls again, triages, and
 * notifies mentors and answers students over SMTP; then it prints what each person received, and serves the
 * archive's web page over what was polled.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bot against an embedded mail server holding sample list traffic, and show what mentors receive.")
final class DemoCommand implements Callable<Integer> {

    private static final String LIST = "list@localhost";

    @Mixin
    Setup setup;

    @Spec
    CommandSpec spec;

    @Option(names = "--sample", paramLabel = "MBOX", description = "List traffic to replay (default: config/samples/kernel-list.mbox).")
    Path sample;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8025",
            description = "Port of the web page on 127.0.0.1 (default: ${DEFAULT-VALUE}; any free port if taken).")
    int port;

    @Option(names = "--keep-serving", negatable = true,
            description = "Keep serving the web page until Ctrl-C (default: only when run on a terminal).")
    Boolean keepServing;

    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path traffic = sample != null ? sample : setup.configDirectory().resolve("samples/kernel-list.mbox");
        Setup.requireInputs(List.of(traffic));
        GreenMail server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        Path work = Files.createTempDirectory("mentorbot-demo");
        Path ledger = work.resolve("ledger");
        try {
            server.start();
            GreenMailUser list = server.setUser(LIST, "list", "demo");
            int smtp = server.getSmtp().getPort();
            int imap = server.getImap().getPort();
            out.printf("Embedded mail server on 127.0.0.1: SMTP port %d, IMAP port %d; the list's mailbox is %s.%n", smtp, imap, LIST);
            BotConfig config = demoConfig(smtp, imap, ledger, work.resolve("archive"), setup.configDirectory().resolve("catalogs"));
            try (Bot bot = new Bot(config, setup.configDirectory(), setup.mentors(), setup.settings(), Clock.systemUTC())) {
                MailboxPoller poller = bot.pollers().get("kernel");
                poller.poll();
                out.println("1. First poll of the empty list: from now on, mail is new (older mail would be recorded as backlog, never answered).");

                int delivered = deliver(list, traffic);
                out.printf("2. Delivered %d sample messages from %s (replayed with today's date).%n", delivered, traffic);

                MailboxPoller.PollResult r = poller.poll();
                out.printf("3. Poll: %d fetched, %d recorded, %d inquiries, %d mails queued and sent over SMTP.%n",
                        r.fetched(), r.recorded(), r.inquiries(), r.mailsPlanned());
                for (var record : bot.ledger().messages("kernel", 1000)) {
                    if (record.inquiry()) {
                        out.printf("   inquiry %s from %s -> %s%n", record.messageId(), record.sender(),
                                record.ideaTitle() == null ? "no specific idea" : "\"" + record.ideaTitle() + "\"");
                    }
                }
                out.println("4. What each person received:");
                printMailboxes(out, server);
                serve(out, bot.archive());
            }
        } finally {
            server.stop();
            deleteQuietly(work);
            cleanedUp.countDown();
        }
        out.flush();
        return 0;
    }

    /** Step 5: the archive the poll filled, searched once here and then on the web page. */
    private void serve(PrintWriter out, Archive archive) throws IOException, InterruptedException {
        ArchiveSearch search = ArchiveSearch.of(archive);
        out.printf("5. Archived %d messages. Searching them for \"is:inquiry\":%n", archive.count());
        try {
            for (ArchiveSearch.ThreadHit thread : search.search("is:inquiry", 1, 5).threads()) {
                ArchiveSearch.Hit hit = thread.hits().get(0);
                out.printf("   \"%s\" from %s%s%n", thread.subject(), hit.from(),
                        hit.ideaTitle() == null ? "" : " [idea: " + hit.ideaTitle() + "]");
            }
        } catch (ArchiveQuery.QuerySyntaxException e) {
            throw new IllegalStateException(e); // a fixed, valid query
        }
        try (WebServer web = startWeb(archive)) {
            out.printf("   The archive's web page: %s (try %s?q=virtio or %sunanswered)%n", web.uri(), web.uri(), web.uri());
            boolean wait = keepServing != null ? keepServing : System.console() != null;
            if (!wait) {
                out.println("   (run it on a terminal, or with --keep-serving, to keep the page up until Ctrl-C)");
                return;
            }
            out.println("   Serving until Ctrl-C.");
            out.flush();
            waitForCtrlC();
        }
    }

    private WebServer startWeb(Archive archive) throws WebServer.StartException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            return WebServer.start(archive, new InetSocketAddress(loopback, port), Optional.empty());
        } catch (WebServer.StartException e) {
            return WebServer.start(archive, new InetSocketAddress(loopback, 0), Optional.empty()); // the port is taken
        }
    }

    /**
     * Blocks until SIGINT or SIGTERM. The JVM then waits for its shutdown hook, which waits (a while) for
     * {@link #cleanedUp}: so the demo still stops its servers and deletes its temporary files.
     */
    private void waitForCtrlC() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                cleanedUp.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mentorbot-demo-stop"));
        stop.await();
    }

    private static BotConfig demoConfig(int smtp, int imap, Path ledger, Path archive, Path catalogs) {
        BotIdentity bot = new BotIdentity("mentorbot@localhost", "mentorbot (demo)", "mentorbot@localhost");
        SmtpSettings mail = new SmtpSettings("127.0.0.1", smtp, false, false, null, null, 10_000, 10_000);
        MailboxConfig kernel = new MailboxConfig("kernel", SourceAddress.parse("imap://list@127.0.0.1:" + imap + "/INBOX"),
                "demo", "0 */5 * * * ?", List.of(catalogs), Policy.NOTIFY_AND_REPLY,
                "kernel@lists.dragonflybsd.org", false, false);
        return new BotConfig(bot, mail, ledger, Duration.ofDays(2), Duration.ofSeconds(10),
                new RateLimitSettings(10, 40, 60), "0 0 8 * * ?", 0, List.of(kernel), null, Duration.ofMinutes(10), archive);
    }

    /** Replays each sample message into the list's mailbox with today's date, as if it had just arrived. */
    private static int deliver(GreenMailUser list, Path traffic) throws Exception {
        List<RawMessage> raws = new ArrayList<>();
        MailInput.read(List.of(traffic), raws::add, warning -> { });
        Session session = Session.getInstance(new Properties());
        for (RawMessage raw : raws) {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.bytes()));
            String original = message.getHeader("Date", null);
            if (original != null) message.setHeader("X-Original-Date", original);
            message.setSentDate(new Date());
            list.deliver(message);
        }
        return raws.size();
    }

    private static void printMailboxes(PrintWriter out, GreenMail server) throws MessagingException, IOException {
        Map<String, List<MimeMessage>> byPerson = new LinkedHashMap<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            if (m.getHeader("Auto-Submitted") == null) continue; // the list's own traffic
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] to = m.getRecipients(type);
                if (to == null) continue;
                for (Address a : to) {
                    // the server keeps one copy per recipient's mailbox: show each mail once per person
                    List<MimeMessage> got = byPerson.computeIfAbsent(jakarta.mail.internet.MimeUtility.decodeText(a.toString()), k -> new ArrayList<>());
                    if (got.stream().noneMatch(g -> sameId(g, m))) got.add(m);
                }
            }
        }
        if (byPerson.isEmpty()) out.println("   nobody: no inquiry about a listed idea was found.");
        for (Map.Entry<String, List<MimeMessage>> person : byPerson.entrySet()) {
            out.printf("   %s%n", person.getKey());
            for (MimeMessage m : person.getValue()) {
                out.printf("     Subject: %s%n", m.getSubject());
                for (String line : firstLines(m, 8)) out.printf("       | %s%n", line);
            }
        }
    }

    private static boolean sameId(MimeMessage a, MimeMessage b) {
        try {
            return a.getMessageID() != null && a.getMessageID().equals(b.getMessageID());
        } catch (MessagingException e) {
            return false;
        }
    }

    private static List<String> firstLines(MimeMessage m, int n) throws MessagingException, IOException {
        Object content = m.getContent();
        String text = content instanceof MimeMultipart multipart ? String.valueOf(multipart.getBodyPart(0).getContent())
                : String.valueOf(content);
        return text.lines().filter(l -> !l.isBlank()).limit(n).toList();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
