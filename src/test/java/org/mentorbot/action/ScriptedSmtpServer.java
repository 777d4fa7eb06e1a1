package org.mentorbot.action;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A one-connection SMTP server that answers RCPT TO with a fixed reply, for failures GreenMail will not
 * produce. Just enough protocol for Jakarta Mail's client.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    ScriptedSmtpServer(String rcptReply) throws IOException {
        socket = new ServerSocket(0);
        thread = new Thread(() -> serve(rcptReply), "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(String rcptReply) {
        try (Socket s = socket.accept()) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            write(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO", "HELO" -> write(out, "250 scripted");
                    case "MAIL" -> write(out, "250 ok");
                    case "RCPT" -> write(out, rcptReply);
                    case "RSET", "NOOP" -> write(out, "250 ok");
                    case "QUIT" -> {
                        write(out, "221 bye");
                        return;
                    }
                    default -> write(out, "502 not implemented");
                }
            }
        } catch (IOException ignored) {
            // The test is over or the client went away.
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
