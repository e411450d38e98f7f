package netralitas.hub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpFaultProxyTest {

    private static final String SENDER = "hub@netralitas.example";
    private static final String VALID = "bkpsdm.kab-rejang@kab-rejang.example";
    private static final String REJECTED = "bkpsdm.kab-lebong@pemda.example";
    private static final String USER_UNKNOWN =
            "550 5.1.1 <" + REJECTED + ">: Recipient address rejected: User unknown";
    private static final String BUSY = "451 4.3.0 Sistem sibuk, coba lagi";

    private GreenMail greenMail;
    private SmtpFaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = new SmtpFaultProxy("127.0.0.1", greenMail.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        proxy.close();
        greenMail.stop();
    }

    @Test
    void relaysAMessageToTheRealServer() throws Exception {
        send(false, "Laporan 1", VALID);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Laporan 1", received[0].getSubject());
        assertEquals(1, proxy.connectionsAccepted());
    }

    @Test
    void relaysAMultiLineMessageBodyIntact() throws Exception {
        String body = "Baris pertama\r\n.titik di awal baris\r\n\r\n" + "x".repeat(20_000) + "\r\nBaris terakhir";
        Session session = session(false);
        MimeMessage message = message(session, "Laporan panjang", VALID);
        message.setText(body, "UTF-8");
        Transport.send(message);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals(body.replace("\r\n", "\n"), ((String) received[0].getContent()).replace("\r\n", "\n"));
    }

    @Test
    void refusesConnectionsAndRecoversOnTheSamePort() throws Exception {
        int port = proxy.port();
        proxy.refuseConnections();
        proxy.refuseConnections(); // idempotent

        MessagingException refused = assertThrows(MessagingException.class, () -> send(false, "Laporan 1", VALID));
        assertInstanceOf(MailConnectException.class, refused);
        assertNotNull(findInChain(refused, ConnectException.class), () -> chain(refused).toString());

        proxy.acceptConnections();
        proxy.acceptConnections(); // idempotent
        assertEquals(port, proxy.port());
        send(false, "Laporan 2", VALID);

        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals("Laporan 2", greenMail.getReceivedMessages()[0].getSubject());
    }

    @Test
    void refusingDropsOpenClientConnections() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            InputStream in = socket.getInputStream();
            assertTrue(readLine(in).startsWith("220"), "greeting from the real server");

            proxy.refuseConnections();

            assertEquals(-1, in.read(), "the proxy closed the open connection");
        }
    }

    @Test
    void rejectsOneRecipientAndTheWholeMessageWithoutSendPartial() throws Exception {
        proxy.rejectRecipient(REJECTED.toUpperCase(), USER_UNKNOWN);

        SendFailedException failed = assertThrows(SendFailedException.class,
                () -> send(false, "Laporan 1", VALID, REJECTED));

        // Angus throws the plain SendFailedException here; the SMTP reply is on the next exception.
        assertEquals(SendFailedException.class, failed.getClass());
        assertEquals(List.of(REJECTED), addresses(failed.getInvalidAddresses()));
        assertEquals(List.of(VALID), addresses(failed.getValidUnsentAddresses()));
        SMTPAddressFailedException rcpt = assertInstanceOf(SMTPAddressFailedException.class, failed.getNextException());
        assertEquals(550, rcpt.getReturnCode());
        assertEquals("RCPT TO:<" + REJECTED + ">", rcpt.getCommand());
        assertEquals(REJECTED, rcpt.getAddress().getAddress());
        assertTrue(rcpt.getMessage().contains(USER_UNKNOWN), rcpt.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void deliversToTheValidRecipientWithSendPartial() throws Exception {
        proxy.rejectRecipient(REJECTED, USER_UNKNOWN);

        SendFailedException failed = assertThrows(SendFailedException.class,
                () -> send(true, "Laporan 1", VALID, REJECTED));

        // The message went out, so Angus reports the partial failure with the reply to the final dot: 250.
        SMTPSendFailedException afterData = assertInstanceOf(SMTPSendFailedException.class, failed);
        assertEquals(250, afterData.getReturnCode());
        assertEquals(List.of(REJECTED), addresses(failed.getInvalidAddresses()));
        assertEquals(List.of(VALID), addresses(failed.getValidSentAddresses()));
        SMTPAddressFailedException rcpt = findInChain(failed, SMTPAddressFailedException.class);
        assertNotNull(rcpt, () -> chain(failed).toString());
        assertEquals(550, rcpt.getReturnCode());
        // GreenMail stores one copy per envelope recipient and creates a mailbox on first delivery.
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertNotNull(greenMail.getUserManager().getUserByEmail(VALID));
        assertNull(greenMail.getUserManager().getUserByEmail(REJECTED), "the rejected RCPT never reached the server");
    }

    @Test
    void aTransientRecipientFailureIsReportedAsValidUnsent() throws Exception {
        proxy.rejectRecipient(REJECTED, "450 4.2.1 Kotak surat sementara tidak tersedia");

        SendFailedException failed = assertThrows(SendFailedException.class,
                () -> send(false, "Laporan 1", REJECTED));

        SMTPAddressFailedException rcpt = findInChain(failed, SMTPAddressFailedException.class);
        assertNotNull(rcpt, () -> chain(failed).toString());
        assertEquals(450, rcpt.getReturnCode());
        // A 4xx recipient is "valid but unsent", not invalid.
        assertEquals(List.of(), addresses(failed.getInvalidAddresses()));
        assertEquals(List.of(REJECTED), addresses(failed.getValidUnsentAddresses()));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void failsTheNextTransactionsThenRecovers() throws Exception {
        proxy.failTransactions(2, BUSY);

        for (int attempt = 1; attempt <= 2; attempt++) {
            MessagingException busy = assertThrows(MessagingException.class,
                    () -> send(false, "Laporan", VALID));
            SMTPSendFailedException mail = assertInstanceOf(SMTPSendFailedException.class, busy);
            assertEquals(451, mail.getReturnCode());
            assertEquals("MAIL FROM:<" + SENDER + ">", mail.getCommand());
            assertTrue(mail.getMessage().contains(BUSY), mail.getMessage());
        }
        send(false, "Laporan 3", VALID);

        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals("Laporan 3", greenMail.getReceivedMessages()[0].getSubject());
        assertEquals(3, proxy.connectionsAccepted());
    }

    @Test
    void clearFaultsForwardsEverythingAgain() throws Exception {
        proxy.rejectRecipient(REJECTED, USER_UNKNOWN);
        proxy.failTransactions(5, BUSY);
        proxy.clearFaults();

        send(false, "Laporan 1", REJECTED);

        assertEquals(1, greenMail.getReceivedMessages().length);
        assertNotNull(greenMail.getUserManager().getUserByEmail(REJECTED));
    }

    @Test
    void hidesPipeliningAndChunkingFromAMultiLineEhloReply() throws Exception {
        // A fake server that advertises what the proxy must hide, PIPELINING as the last line.
        try (var fake = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var fakeProxy = new SmtpFaultProxy("127.0.0.1", fake.getLocalPort());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), fakeProxy.port())) {
            try (Socket server = fake.accept()) {
                OutputStream toClient = server.getOutputStream();
                InputStream fromClient = server.getInputStream();
                toClient.write("220 fake ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                toClient.flush();
                OutputStream out = client.getOutputStream();
                InputStream in = client.getInputStream();
                assertEquals("220 fake ESMTP", readLine(in));

                out.write("EHLO hub\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("EHLO hub", readLine(fromClient));
                toClient.write(("250-fake\r\n250-CHUNKING\r\n250-8BITMIME\r\n250-STARTTLS\r\n250 PIPELINING\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                toClient.flush();

                assertEquals("250-fake", readLine(in));
                assertEquals("250 8BITMIME", readLine(in));
            }
        }
    }

    @Test
    void rejectsRepliesThatAreNotSingleLineSmtpReplies() {
        assertThrows(IllegalArgumentException.class, () -> proxy.rejectRecipient(REJECTED, "User unknown"));
        assertThrows(IllegalArgumentException.class, () -> proxy.rejectRecipient(REJECTED, "550 a\r\n550 b"));
        assertThrows(IllegalArgumentException.class, () -> proxy.failTransactions(1, "451-more to come"));
    }

    @Test
    void readsTheAddressInsideRcptTo() {
        assertEquals("a@b.example", SmtpFaultProxy.recipientOf("RCPT TO:<A@B.example>"));
        assertEquals("a@b.example", SmtpFaultProxy.recipientOf("RCPT TO: <a@b.example> NOTIFY=NEVER"));
        assertEquals("a@b.example", SmtpFaultProxy.recipientOf("RCPT TO:a@b.example NOTIFY=NEVER"));
    }

    @Test
    void closeStopsEveryThread() throws Exception {
        send(false, "Laporan 1", VALID);
        try (Socket open = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            assertTrue(readLine(open.getInputStream()).startsWith("220"));
            assertFalse(proxyThreads().isEmpty(), "acceptor and the open connection's pumps run");

            proxy.close();

            assertEquals(List.of(), proxyThreads());
            assertEquals(-1, open.getInputStream().read(), "the open connection was closed");
        }
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), proxy.port()).close());
    }

    private List<String> proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(proxy.threadPrefix()))
                .toList();
    }

    private void send(boolean sendPartial, String subject, String... recipients) throws MessagingException {
        Transport.send(message(session(sendPartial), subject, recipients));
    }

    private Session session(boolean sendPartial) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(proxy.port()));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "5000");
        props.setProperty("mail.smtp.sendpartial", String.valueOf(sendPartial));
        // Keeps Jakarta Mail from resolving the local host name, which can be slow.
        props.setProperty("mail.smtp.localhost", "hub.netralitas.example");
        props.setProperty("mail.host", "hub.netralitas.example");
        return Session.getInstance(props);
    }

    private static MimeMessage message(Session session, String subject, String... recipients)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(SENDER));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        message.setText("Isi laporan uji.", "UTF-8");
        return message;
    }

    private static List<String> addresses(Address[] addresses) {
        assertNotNull(addresses);
        return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    /** Walks both getCause() and MessagingException.getNextException(), which Jakarta Mail uses for its chains. */
    private static List<Throwable> chain(Throwable top) {
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || seen.contains(t)) {
                continue;
            }
            seen.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
        }
        return seen;
    }

    private static <T extends Throwable> T findInChain(Throwable top, Class<T> type) {
        return chain(top).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
