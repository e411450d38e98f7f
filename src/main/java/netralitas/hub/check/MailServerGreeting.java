package netralitas.hub.check;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Connects to a mail server the way the hub will (plain TCP, or TLS from the first byte for smtps/imaps), reads its
 * greeting and says goodbye. It logs in to nothing: the question is only whether the server is there and speaks
 * the expected protocol.
 */
final class MailServerGreeting {

    /** What a protocol's server says first when it is ready, and how a client leaves politely. */
    enum Protocol {
        SMTP(List.of("220"), "QUIT\r\n"),
        IMAP(List.of("* OK", "* PREAUTH"), "a1 LOGOUT\r\n");

        private final List<String> readyPrefixes;
        private final String goodbye;

        Protocol(List<String> readyPrefixes, String goodbye) {
            this.readyPrefixes = readyPrefixes;
            this.goodbye = goodbye;
        }

        boolean ready(String line) {
            return readyPrefixes.stream().anyMatch(line::startsWith);
        }
    }

    private static final int MAX_LINE = 1000;

    private final Duration timeout;

    MailServerGreeting(Duration timeout) {
        this.timeout = timeout;
    }

    /** Why the server at host:port did not greet as a {@code protocol} server should, or null when it did. */
    String problem(Protocol protocol, String host, int port, boolean tls) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket socket = new Socket();
        try {
            try {
                socket.connect(new InetSocketAddress(host, port), millis);
            } catch (SocketTimeoutException e) {
                return "no answer within " + ProbeMessages.shown(timeout) + " (connect timed out)";
            }
            socket.setSoTimeout(millis);
            if (tls) {
                socket = handshake(socket, host, port);
            }
            String greeting = greeting(protocol, socket.getInputStream());
            if (greeting == null) {
                return "closed the connection without a greeting";
            }
            if (!protocol.ready(greeting)) {
                return "answered " + CheckProblem.quoted(greeting) + " instead of an " + protocol + " greeting ("
                        + String.join(" or ", protocol.readyPrefixes) + " …)";
            }
            sayGoodbye(protocol, socket.getOutputStream());
            return null;
        } catch (SocketTimeoutException e) {
            return "connected, but no greeting within " + ProbeMessages.shown(timeout);
        } catch (UnknownHostException e) {
            return "no answer: unknown host";
        } catch (SSLException e) {
            return "TLS handshake failed: " + ProbeMessages.detail(e);
        } catch (IOException e) {
            return "no answer: " + ProbeMessages.detail(e);
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The answer is known; a failed close changes nothing about it.
            }
        }
    }

    /** TLS as the mail client does it, verifying that the certificate names the host. */
    private static Socket handshake(Socket plain, String host, int port) throws IOException {
        SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        return secure;
    }

    /** The greeting's last line (an SMTP greeting may run over several "220-" lines), null at end of stream. */
    private static String greeting(Protocol protocol, InputStream in) throws IOException {
        String line = line(in);
        while (protocol == Protocol.SMTP && line != null && line.startsWith("220-")) {
            line = line(in);
        }
        return line;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (bytes.size() < MAX_LINE && b != '\r') {
                bytes.write(b);
            }
        }
        if (b == -1 && bytes.size() == 0) {
            return null;
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void sayGoodbye(Protocol protocol, OutputStream out) {
        try {
            out.write(protocol.goodbye.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // The server greeted: that is all the check asks. It may have closed first.
        }
    }
}
