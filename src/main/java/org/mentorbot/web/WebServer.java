package org.mentorbot.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.archive.ArchiveView;

/**
 * The read-only web page for mentors, on the JDK's HTTP server: search, threads, messages, raw and mbox
 * downloads, an Atom feed per query and the unanswered inquiries.
 *
 * <p>Anyone who can reach the page can read the list's archive, including addresses: so it listens on
 * loopback unless it is given a password, and refuses to start otherwise.
 */
public final class WebServer implements AutoCloseable {

    /** Requests served at once; searches are short, and more threads would only contend for two cores. */
    private static final int THREADS = 8;
    /** Connections waiting for a thread; beyond that, new ones are closed rather than queued without end. */
    private static final int QUEUE = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final URI uri;

    private WebServer(HttpServer server, ThreadPoolExecutor executor, URI uri) {
        this.server = server;
        this.executor = executor;
        this.uri = uri;
    }

    /**
     * Starts serving view on bind (port 0: any free port).
     *
     * @param auth required when bind is not a loopback address
     * @throws StartException when the address is refused (no authentication off loopback) or in use; its
     *                        message is one line for the user
     */
    public static WebServer start(ArchiveView view, InetSocketAddress bind, Optional<BasicAuth> auth) throws StartException {
        InetAddress address = bind.getAddress();
        if (address == null) throw new StartException("cannot listen on " + bind.getHostString() + ": unknown address");
        if (!address.isLoopbackAddress() && auth.isEmpty()) {
            throw new StartException("refusing to serve the archive on " + address.getHostAddress()
                    + " without authentication: anyone who can reach it could read the list's mail");
        }
        ArchiveSearch search = ArchiveSearch.of(view);
        Map<String, Route> routes = Map.of(
                Links.SEARCH, new SearchPage(search),
                Links.THREAD, new ThreadPage(search),
                Links.THREAD_MBOX, new MboxExport(search),
                Links.MESSAGE, new MessagePage(search),
                Links.RAW, new RawMessageRoute(search),
                Links.ATOM, new AtomFeed(search, Clock.systemUTC()),
                Links.UNANSWERED, new UnansweredPage(search),
                Links.STYLE, new Stylesheet());
        HttpServer server;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new StartException("cannot listen on " + hostPort(address, bind.getPort()) + ": " + e.getMessage());
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", new Router(routes, auth));
        server.start();
        URI uri = URI.create("http://" + hostPort(address, server.getAddress().getPort()) + "/");
        return new WebServer(server, executor, uri);
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8025/}. */
    public URI uri() {
        return uri;
    }

    /** The address and port listened on (the port chosen when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening; requests under way are cut short (they only read). The archive stays open: it is the caller's. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostPort(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host.replaceAll("%.*$", "") + "]" : host) + ":" + port;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mentorbot-web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The server could not start; the message is one line for the user. */
    public static final class StartException extends IOException {
        public StartException(String message) {
            super(message);
        }
    }
}
