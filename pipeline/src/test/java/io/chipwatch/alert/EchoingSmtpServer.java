package io.chipwatch.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A real SMTP server on loopback that refuses every login with {@code 535} and quotes the
 * credentials it was sent, as some servers do: what a client must not let into its logs.
 */
final class EchoingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String mechanism;
    private final Thread thread;

    /** @param mechanism the one AUTH mechanism offered: PLAIN or LOGIN */
    EchoingSmtpServer(String mechanism) throws IOException {
        this.mechanism = mechanism;
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "echoing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        send(out, "220 localhost ESMTP echo");
        for (String line; (line = in.readLine()) != null; ) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                send(out, "250-localhost\r\n250 AUTH " + mechanism);
            } else if (upper.startsWith("AUTH PLAIN")) {
                String arg = line.length() > "AUTH PLAIN ".length() ? line.substring("AUTH PLAIN ".length()) : null;
                if (arg == null) {
                    send(out, "334 ");
                    arg = in.readLine();
                }
                send(out, "535 5.7.8 Authentication credentials invalid: AUTH PLAIN " + arg);
            } else if (upper.startsWith("AUTH LOGIN")) {
                send(out, "334 VXNlcm5hbWU6");
                String user = in.readLine();
                send(out, "334 UGFzc3dvcmQ6");
                String password = in.readLine();
                send(out, "535 5.7.8 Authentication failed for " + user + " with " + password);
            } else if (upper.startsWith("QUIT")) {
                send(out, "221 bye");
                return;
            } else {
                send(out, "250 ok");
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
