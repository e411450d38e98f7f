package netralitas.hub.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy in front of a real SMTP server that misbehaves on command: it refuses connections, rejects
 * chosen recipients at RCPT TO, or fails MAIL FROM with a transient reply — always with genuine SMTP replies, so the
 * client under test sees exactly what a real relay would send.
 *
 * <p>Commands the proxy answers itself never reach the server, which keeps the server's transaction state consistent
 * with what the client believes. To keep command and reply strictly alternating, the proxy hides PIPELINING, CHUNKING
 * and STARTTLS from the server's EHLO reply: a pipelining client would run ahead of an injected reply, and TLS would
 * hide the conversation.
 */
final class SmtpFaultProxy implements AutoCloseable {

    static final String THREAD_PREFIX = "smtp-fault-proxy-";

    private static final Pattern SINGLE_LINE_REPLY = Pattern.compile("[2-5][0-9][0-9]( [^\r\n]*)?");
    private static final Set<String> HIDDEN_EXTENSIONS = Set.of("PIPELINING", "CHUNKING", "BINARYMIME", "STARTTLS");
    private static final int MAX_CHUNK = 8192;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final InetSocketAddress target;
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final int port;
    private final String threadPrefix;
    private final Object lock = new Object();
    private final Map<String, String> rejectedRecipients = new ConcurrentHashMap<>();
    private final AtomicInteger pendingTransactionFailures = new AtomicInteger();
    private volatile String transactionFailureReply;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    // Guarded by lock. Null while connections are refused: with nothing listening, the kernel answers a SYN with RST.
    private ServerSocket listener;
    // Guarded by lock. While connections are refused, a bound but never listening socket keeps the port ours: a
    // free port in the ephemeral range could otherwise be taken by another program, or by the refused client itself
    // (TCP self-connect), and the client would see a connection that never greets instead of a refusal.
    private Socket portHolder;
    private boolean closed;

    SmtpFaultProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        this.threadPrefix = THREAD_PREFIX + port + "-";
        this.acceptor = new Thread(this::acceptLoop, threadPrefix + "acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return port;
    }

    /** Prefix of every thread this proxy runs, so a test can prove they are gone. */
    String threadPrefix() {
        return threadPrefix;
    }

    void refuseConnections() {
        synchronized (lock) {
            if (listener != null) {
                closeQuietly(listener);
                listener = null;
            }
            for (Relay relay : relays) {
                relay.close();
            }
            if (!closed && portHolder == null) {
                portHolder = holdPort();
            }
        }
    }

    private Socket holdPort() {
        // The listener's socket is released only once the acceptor thread has left accept(), so try for a moment.
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            Socket holder = new Socket();
            try {
                holder.setReuseAddress(true);
                holder.bind(new InetSocketAddress(loopback, port));
                return holder;
            } catch (IOException e) {
                closeQuietly(holder);
                last = e;
                pause(10);
            }
        }
        throw new UncheckedIOException("Cannot hold port " + port + " while refusing connections", last);
    }

    void acceptConnections() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The proxy is closed");
            }
            if (listener != null) {
                return;
            }
            try {
                listener = bind(port);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen again on port " + port, e);
            }
            closeQuietly(portHolder);
            portHolder = null;
            lock.notifyAll();
        }
    }

    /** From now on RCPT TO:&lt;address&gt; (any letter case) is answered with {@code reply} and never forwarded. */
    void rejectRecipient(String address, String reply) {
        rejectedRecipients.put(address.trim().toLowerCase(Locale.ROOT), checkedReply(reply));
    }

    /** The next {@code count} MAIL FROM commands, over all connections, are answered with {@code reply}. */
    void failTransactions(int count, String reply) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        transactionFailureReply = checkedReply(reply);
        pendingTransactionFailures.set(count);
    }

    /** Drops every recipient rejection and pending transaction failure; the proxy forwards everything again. */
    void clearFaults() {
        rejectedRecipients.clear();
        pendingTransactionFailures.set(0);
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (listener != null) {
                closeQuietly(listener);
                listener = null;
            }
            if (portHolder != null) {
                closeQuietly(portHolder);
                portHolder = null;
            }
            lock.notifyAll();
        }
        join(acceptor); // after this no relay can be added
        for (Relay relay : relays) {
            relay.close();
        }
        for (Thread pump : pumps) {
            join(pump);
        }
    }

    private ServerSocket bind(int requestedPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(loopback, requestedPort));
        return socket;
    }

    private void acceptLoop() {
        while (true) {
            ServerSocket current;
            synchronized (lock) {
                while (!closed && listener == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                current = listener;
            }
            Socket client;
            try {
                client = current.accept();
            } catch (IOException e) {
                continue; // the listener was closed by refuseConnections() or close()
            }
            startRelay(current, client);
        }
    }

    private void startRelay(ServerSocket acceptedBy, Socket client) {
        int number = accepted.incrementAndGet();
        Socket server = new Socket();
        Relay relay;
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
            relay = new Relay(client, server);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(server);
            closeQuietly(client); // the real server is down: the client sees the connection drop
            return;
        }
        synchronized (lock) {
            if (listener != acceptedBy) {
                relay.close(); // accepted in the instant the proxy began refusing or closing
                return;
            }
            relays.add(relay);
        }
        pumps.removeIf(pump -> !pump.isAlive());
        Thread up = new Thread(relay::pumpCommands, threadPrefix + "c" + number + "-up");
        Thread down = new Thread(relay::pumpReplies, threadPrefix + "c" + number + "-down");
        for (Thread pump : List.of(up, down)) {
            pump.setDaemon(true);
            pumps.add(pump);
            pump.start();
        }
    }

    private static String checkedReply(String reply) {
        if (reply == null || !SINGLE_LINE_REPLY.matcher(reply).matches()) {
            throw new IllegalArgumentException("Not a single-line SMTP reply: " + reply);
        }
        return reply;
    }

    private static void join(Thread thread) {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the port", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed or broken: either way it is gone.
        }
    }

    /** One client connection and its connection to the real server. */
    private final class Relay {

        private final Socket client;
        private final Socket server;
        private final OutputStream toClient;
        private final OutputStream toServer;
        /** Set by the reply pump on 354, cleared by the command pump after the terminating dot line. */
        private volatile boolean inMessageData;
        private volatile String lastVerb = "";

        Relay(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            try {
                this.toClient = client.getOutputStream();
                this.toServer = server.getOutputStream();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e);
            }
        }

        void pumpCommands() {
            try (InputStream in = new BufferedInputStream(client.getInputStream())) {
                boolean atLineStart = true;
                byte[] chunk;
                while ((chunk = readChunk(in)) != null) {
                    boolean endsLine = chunk[chunk.length - 1] == '\n';
                    if (inMessageData) {
                        toServer.write(chunk);
                        toServer.flush();
                        if (atLineStart && isDotLine(chunk)) {
                            inMessageData = false;
                        }
                    } else if (!atLineStart || !endsLine) {
                        toServer.write(chunk); // not a whole command line: nothing to judge
                        toServer.flush();
                    } else {
                        handleCommand(chunk);
                    }
                    atLineStart = endsLine;
                }
            } catch (IOException e) {
                // Either side went away; closing both ends tells the other pump.
            } finally {
                close();
            }
        }

        private void handleCommand(byte[] line) throws IOException {
            String command = stripLineEnd(new String(line, StandardCharsets.ISO_8859_1));
            String upper = command.toUpperCase(Locale.ROOT);
            if (upper.startsWith("MAIL FROM:") && takeTransactionFailure()) {
                answerClient(transactionFailureReply);
                return;
            }
            if (upper.startsWith("RCPT TO:")) {
                String reply = rejectedRecipients.get(recipientOf(command));
                if (reply != null) {
                    answerClient(reply);
                    return;
                }
            }
            int space = upper.indexOf(' ');
            lastVerb = space < 0 ? upper : upper.substring(0, space);
            toServer.write(line);
            toServer.flush();
        }

        private boolean takeTransactionFailure() {
            return pendingTransactionFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        void pumpReplies() {
            try (InputStream in = new BufferedInputStream(server.getInputStream())) {
                List<String> reply = new ArrayList<>();
                byte[] chunk;
                while ((chunk = readChunk(in)) != null) {
                    String line = stripLineEnd(new String(chunk, StandardCharsets.ISO_8859_1));
                    reply.add(line);
                    boolean continues = line.length() > 3 && line.charAt(3) == '-';
                    if (continues) {
                        continue;
                    }
                    if (line.startsWith("354")) {
                        inMessageData = true; // before the client can see 354 and start sending the message
                    }
                    List<String> passed = "EHLO".equals(lastVerb) && line.startsWith("250")
                            ? withoutHiddenExtensions(reply) : reply;
                    answerClient(joinReply(passed));
                    reply.clear();
                }
            } catch (IOException e) {
                // Either side went away; closing both ends tells the other pump.
            } finally {
                close();
            }
        }

        private void answerClient(String reply) throws IOException {
            synchronized (toClient) {
                toClient.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                toClient.flush();
            }
        }

        void close() {
            relays.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static List<String> withoutHiddenExtensions(List<String> reply) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < reply.size(); i++) {
            String line = reply.get(i);
            String keyword = line.length() > 4 ? line.substring(4).split(" ", 2)[0].toUpperCase(Locale.ROOT) : "";
            if (i == 0 || !HIDDEN_EXTENSIONS.contains(keyword)) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** Re-marks continuation lines, since dropping the last line of a multi-line reply moves its end. */
    private static String joinReply(List<String> lines) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() >= 3 && i < lines.size() - 1) {
                line = line.substring(0, 3) + "-" + (line.length() > 4 ? line.substring(4) : "");
            } else if (line.length() > 3 && i == lines.size() - 1) {
                line = line.substring(0, 3) + " " + line.substring(4);
            }
            joined.append(i == 0 ? "" : "\r\n").append(line);
        }
        return joined.toString();
    }

    /** The address inside RCPT TO:&lt;...&gt;, lower-cased; tolerates a missing pair of angle brackets. */
    static String recipientOf(String command) {
        String argument = command.substring("RCPT TO:".length()).trim();
        if (argument.startsWith("<")) {
            int end = argument.indexOf('>');
            return (end < 0 ? argument.substring(1) : argument.substring(1, end)).trim().toLowerCase(Locale.ROOT);
        }
        int space = argument.indexOf(' ');
        return (space < 0 ? argument : argument.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    /** Up to and including the next LF, or MAX_CHUNK bytes, whichever comes first; null at end of stream. */
    private static byte[] readChunk(InputStream in) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            chunk.write(b);
            if (b == '\n' || chunk.size() >= MAX_CHUNK) {
                break;
            }
        }
        return chunk.size() == 0 ? null : chunk.toByteArray();
    }

    private static boolean isDotLine(byte[] chunk) {
        return (chunk.length == 3 && chunk[0] == '.' && chunk[1] == '\r' && chunk[2] == '\n')
                || (chunk.length == 2 && chunk[0] == '.' && chunk[1] == '\n');
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
