package org.mentorbot.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.mentorbot.schedule.Bot;
import org.mentorbot.schedule.BotConfig;
import org.mentorbot.schedule.BotScheduler;
import org.mentorbot.schedule.IdleWatcher;
import org.mentorbot.schedule.MailboxConfig;
import org.mentorbot.store.MailboxStatus;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mentorbot run}: the daemon. Polls every mailbox on its schedule until SIGTERM (or Ctrl-C), then
 * lets running polls finish and closes the ledger. With {@code health.port} set, serves {@code /health}
 * and {@code /metrics} on 127.0.0.1.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the bot: poll the mailboxes on their schedules until stopped.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    BotOptions options;

    @Override
    public Integer call() throws Exception {
        BotConfig config = options.config();
        Bot bot = options.bot(config);
        Map<String, String> schedules = new LinkedHashMap<>();
        for (MailboxConfig m : config.mailboxes()) schedules.put(m.name(), m.schedule());
        BotScheduler scheduler;
        try {
            scheduler = new BotScheduler(bot.pollers(), schedules, bot.digests(), config.digestSchedule());
        } catch (SchedulerException e) {
            bot.close();
            throw new UserError("cannot schedule the polls: " + e.getMessage());
        }
        HttpServer health = config.healthPort() > 0 ? health(bot, config.healthPort()) : null;
        List<IdleWatcher> idlers = new ArrayList<>();
        for (MailboxConfig m : config.mailboxes()) {
            if (m.idle()) idlers.add(IdleWatcher.forMailbox(m, config.timeout(), scheduler));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("stopping: waiting for running polls");
            try {
                scheduler.close();
            } catch (SchedulerException e) {
                LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
            }
            idlers.forEach(IdleWatcher::close);
            if (health != null) health.stop(0);
            bot.close();
            stopped.countDown();
        }, "mentorbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        HeapHint.warnIfUnbounded(new java.io.PrintWriter(System.err, true), "run");
        scheduler.start();
        idlers.forEach(IdleWatcher::start);
        LOG.info("mentorbot running: {} mailbox(es){}", config.mailboxes().size(),
                health == null ? "" : ", health on http://127.0.0.1:" + health.getAddress().getPort() + "/health");
        stopped.await();
        return 0;
    }

    /** Loopback only: status of a mail bot is nobody else's business. */
    private static HttpServer health(Bot bot, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/health", exchange -> {
            StringBuilder json = new StringBuilder("{\"status\":\"ok\",\"mailboxes\":[");
            boolean first = true;
            for (String name : bot.pollers().keySet()) {
                MailboxStatus s = bot.ledger().status(name);
                if (!first) json.append(',');
                first = false;
                json.append("{\"name\":\"").append(jsonText(name)).append("\",\"lastPoll\":")
                        .append(s.lastPoll() == null ? "null" : "\"" + s.lastPoll() + "\"")
                        .append(",\"lastError\":").append(s.lastError() == null ? "null" : "\"" + jsonText(s.lastError()) + "\"")
                        .append('}');
            }
            respond(exchange, "application/json", json.append("]}").toString());
        });
        server.createContext("/metrics", exchange -> {
            StringBuilder text = new StringBuilder();
            for (String name : bot.pollers().keySet()) {
                MailboxStatus s = bot.ledger().status(name);
                String label = "{mailbox=\"" + jsonText(name) + "\"}";
                text.append("mentorbot_messages_total").append(label).append(' ').append(s.messages()).append('\n')
                        .append("mentorbot_inquiries_total").append(label).append(' ').append(s.inquiries()).append('\n')
                        .append("mentorbot_mails_sent_total").append(label).append(' ').append(s.sentActions()).append('\n')
                        .append("mentorbot_mails_pending").append(label).append(' ').append(s.pendingActions()).append('\n');
            }
            respond(exchange, "text/plain; version=0.0.4", text.toString());
        });
        server.start();
        return server;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
