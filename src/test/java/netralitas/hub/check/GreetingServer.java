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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in mail server on a loopback port chosen at run time: writes a fixed greeting to each connection (or
 * nothing, to play a server that hangs), answers an EHLO when given an answer, and records the lines the client sends.
 */
final class GreetingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String greeting;
    private final String ehloAnswer;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread acceptor;

    /** @param greeting written on connect, CRLF included; null to stay silent */
    GreetingServer(String greeting) throws IOException {
        this(greeting, null);
    }

    /**
     * @param ehloAnswer written when the client's first line is an EHLO, CRLF included, after which the server reads
     *                   one more line; null: the connection ends after the client's first line
     */
    GreetingServer(String greeting, String ehloAnswer) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        this.ehloAnswer = ehloAnswer;
        this.acceptor = new Thread(this::serve, "greeting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The first line a client sent, waiting briefly for it (the client writes it after reading the greeting). */
    String firstLineReceived() throws InterruptedException {
        answered.await(5, TimeUnit.SECONDS);
        return received.isEmpty() ? null : received.get(0);
    }

    /** The lines the client sent on its first connection, once it is over. */
    List<String> linesReceived() throws InterruptedException {
        done.await(5, TimeUnit.SECONDS);
        return List.copyOf(received);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (greeting == null) {
                    // Hold the connection open without a word until the client gives up.
                    client.getInputStream().read();
                    continue;
                }
                OutputStream out = client.getOutputStream();
                out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                String line = in.readLine();
                if (line != null) {
                    received.add(line);
                    answered.countDown();
                    if (ehloAnswer != null && line.startsWith("EHLO ")) {
                        out.write(ehloAnswer.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        String next = in.readLine();
                        if (next != null) {
                            received.add(next);
                        }
                    }
                }
                done.countDown();
            } catch (IOException e) {
                // Closed by the test, or the client hung up: wait for the next one.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
