package org.mentorbot.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback. Once armed, it cuts the next connection after the server has sent it more
 * than a given number of bytes: a real connection drop in the middle of a fetch. Other connections pass
 * untouched.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong armed = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

    CuttingProxy(int targetPort) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(client);
                    sockets.add(server);
                    long limit = armed.getAndSet(Long.MAX_VALUE);
                    pump(client.getInputStream(), server.getOutputStream(), Long.MAX_VALUE, client, server);
                    pump(server.getInputStream(), client.getOutputStream(), limit, client, server);
                } catch (IOException e) {
                    return;
                }
            }
        }, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The next connection is cut after the server sent it this many bytes. */
    void arm(long bytes) {
        armed.set(bytes);
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean hasCut() {
        return cut.get();
    }

    private void pump(InputStream in, OutputStream out, long limit, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[512];
            long total = 0;
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    total += n;
                    if (total > limit) {
                        cut.set(true);
                        break;
                    }
                }
            } catch (IOException e) {
                // the other side went away
            }
            closeQuietly(a);
            closeQuietly(b);
        });
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) closeQuietly(s);
    }
}
