package netralitas.hub.check;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Connects to a mail server the way the hub will (plain TCP, or TLS from the first byte for smtps/imaps), reads its
 * greeting and says goodbye. It logs in to nothing: the question is whether the server is there and speaks the expected
 * protocol, and for SMTP the largest message its EHLO announces (RFC 1870 {@code SIZE}).
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
    /** EHLO answer lines read at most: a server announces a dozen extensions. */
    private static final int MAX_EHLO_LINES = 100;

    /**
     * What a server answered.
     *
     * @param problem   why it did not greet as a server of the protocol should, or null when it did
     * @param sizeLimit the largest message an SMTP server announced it takes, in bytes; 0 when it announced none, no
     *                  limit, or did not answer EHLO
     */
    record Answer(String problem, long sizeLimit) {
    }

    private final Duration timeout;

    MailServerGreeting(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Whether the server at host:port greeted as a {@code protocol} server should; for SMTP, its EHLO's SIZE, and with
     * {@code startTls} whether it offers STARTTLS and completes the handshake, as the hub's SMTP client requires.
     */
    Answer ask(Protocol protocol, String host, int port, boolean tls, boolean startTls) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket socket = new Socket();
        try {
            try {
                socket.connect(new InetSocketAddress(host, port), millis);
            } catch (SocketTimeoutException e) {
                return problem("no answer within " + ProbeMessages.shown(timeout) + " (connect timed out)");
            }
            socket.setSoTimeout(millis);
            if (tls) {
                socket = handshake(socket, host, port);
            }
            String greeting = greeting(protocol, socket.getInputStream());
            if (greeting == null) {
                return problem("closed the connection without a greeting");
            }
            if (!protocol.ready(greeting)) {
                return problem("answered " + CheckProblem.quoted(greeting) + " instead of an " + protocol + " greeting ("
                        + String.join(" or ", protocol.readyPrefixes) + " …)");
            }
            long sizeLimit = 0;
            if (protocol == Protocol.SMTP) {
                List<String> extensions = ehlo(socket);
                if (startTls) {
                    if (extensions.stream().noneMatch(e -> e.equalsIgnoreCase("STARTTLS"))) {
                        sayGoodbye(protocol, socket.getOutputStream());
                        return problem("does not offer STARTTLS, which hub.smtp.starttls=true requires");
                    }
                    socket = startTls(socket, host, port);
                    extensions = ehlo(socket);
                }
                sizeLimit = sizeLimit(extensions);
            }
            sayGoodbye(protocol, socket.getOutputStream());
            return new Answer(null, sizeLimit);
        } catch (SocketTimeoutException e) {
            return problem("connected, but no greeting within " + ProbeMessages.shown(timeout));
        } catch (UnknownHostException e) {
            return problem("no answer: unknown host");
        } catch (SSLException e) {
            return problem("TLS handshake failed: " + ProbeMessages.detail(e) + untrustedHint(e));
        } catch (IOException e) {
            return problem("no answer: " + ProbeMessages.detail(e));
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The answer is known; a failed close changes nothing about it.
            }
        }
    }

    private static Answer problem(String problem) {
        return new Answer(problem, 0);
    }

    /**
     * The extensions the server's EHLO answer announces ("SIZE 10240000", "STARTTLS"), none when it does not answer
     * as expected: that is no problem of this check, the mail client will say. The client names itself by its
     * address, as a host without a name may (RFC 5321 §4.1.3).
     */
    private static List<String> ehlo(Socket socket) {
        List<String> extensions = new ArrayList<>();
        try {
            socket.getOutputStream().write(("EHLO " + addressLiteral(socket.getLocalAddress()) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            for (int i = 0; i < MAX_EHLO_LINES; i++) {
                String line = line(socket.getInputStream());
                if (line == null || !line.startsWith("250")) {
                    return List.of();
                }
                if (i > 0) { // the first line is the server's name
                    extensions.add(line.substring(Math.min(4, line.length())).strip());
                }
                if (!line.startsWith("250-")) {
                    break;
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return extensions;
    }

    /** RFC 1870: "SIZE n", n bytes at most; 0 when the server announces no limit or none. */
    private static long sizeLimit(List<String> extensions) {
        for (String extension : extensions) {
            String[] words = extension.split("\\s+");
            if (words.length == 2 && words[0].toUpperCase(Locale.ROOT).equals("SIZE")) {
                try {
                    return Math.max(0, Long.parseLong(words[1]));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** STARTTLS, then TLS as the mail client does it; an SSLException when the handshake fails. */
    private static Socket startTls(Socket plain, String host, int port) throws IOException {
        plain.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
        plain.getOutputStream().flush();
        String answer = line(plain.getInputStream());
        if (answer == null || !answer.startsWith("220")) {
            throw new SSLException("the server answered STARTTLS with " + (answer == null ? "nothing"
                    : CheckProblem.quoted(answer)));
        }
        return handshake(plain, host, port);
    }

    /** What a deployer does about a certificate Java does not trust (a government or in-house CA). */
    private static String untrustedHint(SSLException e) {
        String detail = ProbeMessages.detail(e);
        return detail.contains("PKIX") || detail.contains("certification path")
                ? " (the server's certificate is not signed by a CA this Java trusts: docs/operations.md, \"A CA of your"
                        + " own\")"
                : "";
    }

    private static String addressLiteral(InetAddress address) {
        String text = address.getHostAddress().replaceFirst("%.*", "");
        return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
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
