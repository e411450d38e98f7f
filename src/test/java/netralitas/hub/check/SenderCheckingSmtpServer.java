package netralitas.hub.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A relay that lets its login send only as its own address, as Postfix does with {@code reject_sender_login_mismatch}:
 * any login is taken, MAIL FROM too, and RCPT TO after a MAIL FROM with another address is refused with 553 (Postfix
 * delays its restrictions to RCPT TO). Speaks just enough SMTP for a probe and Jakarta Mail's login, on a loopback port
 * chosen at run time.
 */
final class SenderCheckingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String ownAddress;
    private final List<String> received = new CopyOnWriteArrayList<>();

    SenderCheckingSmtpServer(String ownAddress) throws IOException {
        this.ownAddress = ownAddress;
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "sender-checking-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every line the clients sent, AUTH lines without their credentials. */
    List<String> linesReceived() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                OutputStream out = client.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                write(out, "220 relay.example ESMTP\r\n");
                String line;
                String sender = "";
                while ((line = in.readLine()) != null) {
                    String command = line.toUpperCase(Locale.ROOT);
                    received.add(command.startsWith("AUTH") ? "AUTH" : line);
                    if (command.startsWith("EHLO")) {
                        write(out, "250-relay.example\r\n250-SIZE 10240000\r\n250 AUTH PLAIN\r\n");
                    } else if (command.equals("AUTH PLAIN")) {
                        write(out, "334 \r\n");
                        in.readLine();
                        write(out, "235 2.7.0 Authentication successful\r\n");
                    } else if (command.startsWith("AUTH PLAIN ")) {
                        write(out, "235 2.7.0 Authentication successful\r\n");
                    } else if (command.startsWith("MAIL FROM:")) {
                        sender = line.substring("MAIL FROM:".length());
                        write(out, "250 2.1.0 Ok\r\n");
                    } else if (command.startsWith("RCPT TO:")) {
                        write(out, sender.equalsIgnoreCase("<" + ownAddress + ">") ? "250 2.1.5 Ok\r\n"
                                : "553 5.7.1 " + sender + ": Sender address rejected: not owned by user " + ownAddress
                                + "\r\n");
                    } else if (command.equals("RSET") || command.equals("NOOP")) {
                        write(out, "250 2.0.0 Ok\r\n");
                    } else if (command.equals("QUIT")) {
                        write(out, "221 2.0.0 Bye\r\n");
                        break;
                    } else {
                        write(out, "502 5.5.2 Error: command not recognized\r\n");
                    }
                }
            } catch (IOException e) {
                // Closed by the test, or the client hung up: wait for the next one.
            }
        }
    }

    private static void write(OutputStream out, String answer) throws IOException {
        out.write(answer.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
