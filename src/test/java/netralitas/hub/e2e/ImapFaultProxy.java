package netralitas.hub.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy in front of a real IMAP server that makes the server look like one that cannot serve some
 * messages, as Dovecot or another server does for a message it cannot parse: the client's commands pass unchanged, and
 * the server's responses are read one whole response at a time (line and literals) and passed on, or changed:
 * <ul>
 *   <li>every ENVELOPE in a FETCH response is made unparseable (an unbalanced quote), so a client that asks for it
 *       gets "Failed to load IMAP envelope";</li>
 *   <li>a FETCH of the whole body (BODY[] or RFC822) of a message that contains a chosen marker is dropped, and
 *       either the command is answered {@code NO [SERVERBUG]}, as Dovecot answers for a mail file it cannot read, or
 *       the server says BYE and the connection drops, as when the server process dies on the message. Its header
 *       alone can still be fetched.</li>
 * </ul>
 * Each refused fetch is counted with its time, per marker, so a test can see how often and when the client tried.
 * The client must not use COMPRESS or STARTTLS (the proxy reads the conversation); the hub under test speaks plain
 * IMAP to it.
 */
final class ImapFaultProxy implements AutoCloseable {

    static final String SERVER_BUG = "NO [SERVERBUG] Internal error occurred. Refer to server log for more information.";

    /** How a refused whole-body fetch ends. */
    enum Fault { SERVER_BUG, DISCONNECT }

    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)\\+?}$");
    private static final Pattern TAGGED = Pattern.compile("^([A-Za-z0-9]+) (OK|NO|BAD)\\b.*", Pattern.DOTALL);
    private static final Pattern BODY_FETCH = Pattern.compile("^\\* \\d+ FETCH \\(.*(BODY\\[]|RFC822 )", Pattern.DOTALL);
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Map<String, Fault> failingMarkers = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> refusals = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean corruptEnvelopes;
    private volatile boolean closed;

    ImapFaultProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "imap-fault-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every ENVELOPE the server sends is made unparseable from now on. */
    void corruptEnvelopes() {
        corruptEnvelopes = true;
    }

    /** A whole-body fetch of any message containing {@code marker} (e.g. its Message-ID) fails from now on. */
    void failBodyOf(String marker, Fault fault) {
        refusals.putIfAbsent(marker, new CopyOnWriteArrayList<>());
        failingMarkers.put(marker, fault);
    }

    /** When the client's whole-body fetches of the message with {@code marker} were refused, in order. */
    List<Instant> refusals(String marker) {
        return List.copyOf(refusals.getOrDefault(marker, List.of()));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, CONNECT_TIMEOUT_MILLIS);
                sockets.add(client);
                sockets.add(server);
                start("up", () -> pump(client.getInputStream(), server.getOutputStream()), client, server);
                start("down", () -> relayResponses(server.getInputStream(), client.getOutputStream()), client, server);
            } catch (IOException e) {
                // closed, or the real server refused: the client sees its connection drop
            }
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private void start(String direction, Pump pump, Socket client, Socket server) {
        Thread thread = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(client);
                closeQuietly(server);
            }
        }, "imap-fault-proxy-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    private static void pump(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    /** Server to client, one complete response at a time; the client sends one command and waits for its end. */
    private void relayResponses(InputStream server, OutputStream client) throws IOException {
        InputStream in = new BufferedInputStream(server);
        boolean failNextCompletion = false;
        byte[] response;
        while ((response = readResponse(in)) != null) {
            String text = new String(response, StandardCharsets.ISO_8859_1);
            String marker = BODY_FETCH.matcher(text).find() ? failingMarker(text) : null;
            if (marker != null) {
                refusals.get(marker).add(Instant.now());
                if (failingMarkers.get(marker) == Fault.DISCONNECT) {
                    client.write("* BYE Internal error occurred.\r\n".getBytes(StandardCharsets.US_ASCII));
                    client.flush();
                    return;
                }
                failNextCompletion = true;
                continue;
            }
            Matcher tagged = TAGGED.matcher(text);
            if (failNextCompletion && tagged.matches()) {
                failNextCompletion = false;
                text = tagged.group(1) + " " + SERVER_BUG + "\r\n";
            } else if (corruptEnvelopes && text.startsWith("* ") && text.contains(" ENVELOPE (")) {
                text = text.replace(" ENVELOPE (", " ENVELOPE (\"");
            }
            client.write(text.getBytes(StandardCharsets.ISO_8859_1));
            client.flush();
        }
    }

    private String failingMarker(String response) {
        for (String marker : failingMarkers.keySet()) {
            if (response.contains(marker)) {
                return marker;
            }
        }
        return null;
    }

    /** One response: a line ending in CRLF, with each literal {n} it announces read in full. Null at the end. */
    private static byte[] readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            int current;
            while ((current = in.read()) >= 0) {
                line.write(current);
                if (previous == '\r' && current == '\n') {
                    break;
                }
                previous = current;
            }
            if (current < 0) {
                return response.size() + line.size() == 0 ? null : concat(response, line);
            }
            response.writeBytes(line.toByteArray());
            String text = new String(line.toByteArray(), StandardCharsets.ISO_8859_1).stripTrailing();
            Matcher literal = LITERAL_AT_END.matcher(text);
            if (!literal.find()) {
                return response.toByteArray();
            }
            response.writeBytes(in.readNBytes(Integer.parseInt(literal.group(1))));
        }
    }

    private static byte[] concat(ByteArrayOutputStream first, ByteArrayOutputStream second) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(first.toByteArray());
        all.writeBytes(second.toByteArray());
        return all.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
