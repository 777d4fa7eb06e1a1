package org.mentorbot.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.mentorbot.archive.ReadOnlyArchive;

/** {@link TestArchive} built in a directory and served, read-only, on an ephemeral loopback port. */
final class ServedTestArchive implements AutoCloseable {

    final TestArchive archive;
    final WebServer server;
    private final ReadOnlyArchive view;

    private ServedTestArchive(TestArchive archive, ReadOnlyArchive view, WebServer server) {
        this.archive = archive;
        this.view = view;
        this.server = server;
    }

    static ServedTestArchive start(Path dir) throws IOException {
        TestArchive archive = TestArchive.build(dir);
        ReadOnlyArchive view = ReadOnlyArchive.open(dir);
        try {
            return new ServedTestArchive(archive, view,
                    WebServer.start(view, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty()));
        } catch (IOException | RuntimeException e) {
            view.close();
            throw e;
        }
    }

    String url(String path) {
        return server.uri().resolve(path).toString();
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            view.close();
        }
    }
}
