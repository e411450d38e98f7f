package netralitas.hub.check;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import netralitas.hub.testing.FreePort;
import netralitas.hub.testing.RefusingPort;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReachabilityCheckTest {

    private static final String KEY = "kunci-konsumen-contoh";
    private static final String SECRET = "rahasia-konsumen-contoh";

    private final Map<String, String> settings = new HashMap<>();
    private final AtomicInteger bknStatus = new AtomicInteger(200);
    private final AtomicReference<String> bknAuthorization = new AtomicReference<>();
    private final AtomicReference<String> bknBody = new AtomicReference<>();
    private GreetingServer smtp;
    private GreetingServer imap;
    private HttpServer bkn;

    @BeforeEach
    void startPartners() throws IOException {
        smtp = new GreetingServer("220-smtp.bawaslu.example siap\r\n220 ok\r\n",
                "250-smtp.bawaslu.example\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n");
        imap = new GreetingServer("* OK ready\r\n");
        bkn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bkn.createContext("/oauth2/token", exchange -> {
            bknAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            try (InputStream body = exchange.getRequestBody()) {
                bknBody.set(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = "{\"access_token\":\"t\",\"expires_in\":3600}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(bknStatus.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        bkn.start();
        settings.put("hub.smtp.host", "127.0.0.1");
        settings.put("hub.smtp.port", String.valueOf(smtp.port()));
        settings.put("hub.smtp.protocol", "smtp");
        settings.put("hub.imap.host", "127.0.0.1");
        settings.put("hub.imap.port", String.valueOf(imap.port()));
        settings.put("hub.imap.protocol", "imap");
        settings.put("hub.bkn.token-url", "http://127.0.0.1:" + bkn.getAddress().getPort() + "/oauth2/token");
        settings.put("hub.bkn.consumer-key", KEY);
        settings.put("hub.bkn.consumer-secret", SECRET);
        // The test's BKN speaks plaintext HTTP: the deployer of this test bed accepts that.
        settings.put("hub.security.allow-insecure", "true");
    }

    @AfterEach
    void stopPartners() throws IOException {
        smtp.close();
        imap.close();
        bkn.stop(0);
    }

    @Test
    void partnersThatAnswerGiveNoProblem() throws InterruptedException {
        assertEquals(List.of(), check(Duration.ofSeconds(5)));
        assertEquals(List.of("EHLO [127.0.0.1]", "QUIT"), smtp.linesReceived());
        assertEquals("a1 LOGOUT", imap.firstLineReceived());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)),
                bknAuthorization.get());
        assertEquals("grant_type=client_credentials", bknBody.get());
    }

    @Test
    void aMailSizeAboveWhatTheSmtpServerAnnouncesIsAProblem() throws IOException {
        settings.put("hub.smtp.max-message-bytes", "10240000");
        assertEquals(List.of(), check(Duration.ofSeconds(5)), "at its SIZE");
        settings.put("hub.smtp.max-message-bytes", "26214400");
        assertEquals(List.of("hub.smtp.max-message-bytes (26214400): above the 10240000 bytes the SMTP server at 127.0.0.1:"
                + smtp.port() + " takes (its EHLO says SIZE 10240000): a case mail with large evidence files would be"
                + " refused and dead-lettered; set it to at most 10240000"), lines(check(Duration.ofSeconds(5))));
        try (GreetingServer unlimited = new GreetingServer("220 ok\r\n", "250-smtp.example\r\n250 SIZE\r\n");
             GreetingServer noEhlo = new GreetingServer("220 ok\r\n", "502 5.5.1 command not recognised\r\n")) {
            settings.put("hub.smtp.port", String.valueOf(unlimited.port()));
            assertEquals(List.of(), check(Duration.ofSeconds(5)), "SIZE without a number: no limit announced");
            settings.put("hub.smtp.port", String.valueOf(noEhlo.port()));
            assertEquals(List.of(), check(Duration.ofSeconds(5)), "no EHLO: nothing announced");
        }
    }

    @Test
    void withStartTlsRequiredAServerThatDoesNotOfferItOrFailsItIsAProblem() throws IOException, InterruptedException {
        settings.put("hub.smtp.starttls", "true");
        assertEquals(List.of("hub.smtp.host/hub.smtp.port (127.0.0.1:" + smtp.port() + "): does not offer STARTTLS, which"
                + " hub.smtp.starttls=true requires"), lines(check(Duration.ofSeconds(5))));
        try (GreetingServer offering = new GreetingServer("220 ok\r\n", "250-smtp.example\r\n250 STARTTLS\r\n")) {
            settings.put("hub.smtp.port", String.valueOf(offering.port()));
            assertEquals(List.of("hub.smtp.host/hub.smtp.port (127.0.0.1:" + offering.port() + "): TLS handshake failed:"
                    + " the server answered STARTTLS with nothing"), lines(check(Duration.ofSeconds(5))));
            assertEquals(List.of("EHLO [127.0.0.1]", "STARTTLS"), offering.linesReceived());
        }
    }

    /** Against a real IMAP and SMTP server (GreenMail): the login the hub will use, and the folder it will read. */
    @Test
    void theMailboxLoginAndFolderAreTriedAsTheHubWillUseThem() {
        // GreenMail as it is, which checks passwords (the embedded demo server takes any login).
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        try {
            mail.setUser("laporan@bawaslu.example", "laporan@bawaslu.example", "rahasia-kotak");
            mail.setUser("hub@bawaslu.example", "hub@bawaslu.example", "rahasia-kirim");
            settings.put("hub.imap.port", String.valueOf(mail.getImap().getPort()));
            settings.put("hub.imap.username", "laporan@bawaslu.example");
            settings.put("hub.imap.password", "rahasia-kotak");
            settings.put("hub.imap.folder", "INBOX");
            settings.put("hub.smtp.port", String.valueOf(mail.getSmtp().getPort()));
            settings.put("hub.smtp.username", "hub@bawaslu.example");
            settings.put("hub.smtp.password", "rahasia-kirim");
            assertEquals(List.of(), check(Duration.ofSeconds(5)));

            settings.put("hub.imap.password", "salah");
            settings.put("hub.smtp.password", "salah juga");
            List<String> wrong = lines(check(Duration.ofSeconds(5)));
            assertEquals(2, wrong.size(), wrong.toString());
            assertTrue(wrong.get(0).startsWith("hub.smtp.username/hub.smtp.password (127.0.0.1:" + mail.getSmtp().getPort()
                    + "): the server refused the login: "), wrong.get(0));
            assertTrue(wrong.get(1).startsWith("hub.imap.username/hub.imap.password/hub.imap.folder (127.0.0.1:"
                    + mail.getImap().getPort() + "): the server refused the login: "), wrong.get(1));
            assertTrue(wrong.stream().noneMatch(line -> line.contains("salah")), "no password in a problem");

            settings.put("hub.imap.password", "rahasia-kotak");
            settings.put("hub.smtp.password", "rahasia-kirim");
            settings.put("hub.imap.folder", "Masuk");
            assertEquals(List.of("hub.imap.username/hub.imap.password/hub.imap.folder (127.0.0.1:" + mail.getImap().getPort()
                    + "): logged in, but the mailbox has no folder 'Masuk'"), lines(check(Duration.ofSeconds(5))));
        } finally {
            mail.stop();
        }
    }

    /** A relay that lets its login send only as its own address: the envelope sender is tried with MAIL FROM. */
    @Test
    void anEnvelopeSenderTheRelayRefusesForThisLoginIsAProblem() throws IOException {
        try (SenderCheckingSmtpServer relay = new SenderCheckingSmtpServer("netralitas-hub@bawaslu.example")) {
            settings.put("hub.smtp.port", String.valueOf(relay.port()));
            settings.put("hub.smtp.username", "netralitas-hub@bawaslu.example");
            settings.put("hub.smtp.password", "rahasia-kirim");
            settings.put("hub.mail.from", "Netralitas Hub <netralitas-hub@bawaslu.example>");
            settings.put("hub.routing.triage-inbox", "triase@bawaslu.example");
            assertEquals(List.of(), check(Duration.ofSeconds(5)), "From's address, which the login owns");
            List<String> lines = relay.linesReceived();
            int mailFrom = lines.indexOf("MAIL FROM:<netralitas-hub@bawaslu.example>");
            assertTrue(mailFrom >= 0, lines.toString());
            assertEquals(List.of("RCPT TO:<triase@bawaslu.example>", "RSET"), lines.subList(mailFrom + 1, mailFrom + 3),
                    "nothing is sent: the session is reset before DATA");
            assertTrue(lines.stream().noneMatch(line -> line.equals("DATA")));

            settings.put("hub.mail.bounce-address", "laporan@bawaslu.example");
            assertEquals(List.of("hub.smtp.username/hub.smtp.password (127.0.0.1:" + relay.port() + "): logged in, but the"
                    + " server refuses a mail from laporan@bawaslu.example (MAIL FROM: hub.mail.bounce-address, else"
                    + " hub.mail.from) to triase@bawaslu.example (hub.routing.triage-inbox), so it would refuse the hub's"
                    + " mails: 553 5.7.1 <laporan@bawaslu.example>: Sender address rejected: not owned by user"
                    + " netralitas-hub@bawaslu.example; a relay that lets a login send only as its own addresses wants"
                    + " hub.mail.bounce-address (or hub.mail.from) to be one of them"), lines(check(Duration.ofSeconds(5))));
        }
    }

    @Test
    void unreachableSmtpServerIsNamedWithHostAndPort() throws IOException {
        try (RefusingPort refusing = new RefusingPort()) {
            int port = refusing.port();
            settings.put("hub.smtp.port", String.valueOf(port));
            assertEquals(List.of("hub.smtp.host/hub.smtp.port (127.0.0.1:" + port + "): no answer: Connection refused"),
                    lines(check(Duration.ofSeconds(5))));
        }
    }

    @Test
    void aReplyMailboxIsAskedForItsGreetingOnlyWhenItsHostIsSet() throws IOException {
        settings.put("hub.followup.imap.protocol", "imap");
        try (RefusingPort refusing = new RefusingPort()) {
            int port = refusing.port();
            settings.put("hub.followup.imap.port", String.valueOf(port));
            assertEquals(List.of(), check(Duration.ofSeconds(5)), "no host: no reply mailbox");
            settings.put("hub.followup.imap.host", "127.0.0.1");
            assertEquals(List.of("hub.followup.imap.host/hub.followup.imap.port (127.0.0.1:" + port
                    + "): no answer: Connection refused"), lines(check(Duration.ofSeconds(5))));
        }
    }

    @Test
    void serverThatIsNotTheExpectedProtocolIsReported() {
        settings.put("hub.imap.port", String.valueOf(smtp.port()));
        assertEquals(List.of("hub.imap.host/hub.imap.port (127.0.0.1:" + smtp.port() + "): answered '220-smtp.bawaslu.example siap'"
                        + " instead of an IMAP greeting (* OK or * PREAUTH …)"),
                lines(check(Duration.ofSeconds(5))));
    }

    @Test
    void silentServerIsReportedAfterTheTimeout() throws IOException {
        // One second, not less: the other partners, which do answer, must answer within it on a loaded machine too.
        try (GreetingServer silent = new GreetingServer(null)) {
            settings.put("hub.smtp.port", String.valueOf(silent.port()));
            assertEquals(List.of("hub.smtp.host/hub.smtp.port (127.0.0.1:" + silent.port()
                            + "): connected, but no greeting within 1 s"),
                    lines(check(Duration.ofMillis(1000))));
        }
    }

    @Test
    void imapsAgainstAPlainServerFailsTheTlsHandshake() {
        settings.put("hub.imap.protocol", "imaps");
        List<CheckProblem> problems = check(Duration.ofSeconds(5));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("hub.imap.host/hub.imap.port (127.0.0.1:" + imap.port() + ")", problems.get(0).where());
        assertTrue(problems.get(0).message().startsWith("TLS handshake failed: "), problems.get(0).message());
    }

    @Test
    void rejectedBknCredentialsAreReportedWithoutPrintingThem() {
        bknStatus.set(401);
        List<String> lines = lines(check(Duration.ofSeconds(5)));
        assertEquals(List.of("hub.bkn.token-url (" + settings.get("hub.bkn.token-url") + "): BKN rejected the consumer"
                + " key/secret (HTTP 401): check hub.bkn.consumer-key and hub.bkn.consumer-secret"), lines);
        assertFalse(lines.get(0).contains(SECRET) || lines.get(0).contains(KEY), lines.get(0));
    }

    @Test
    void bknServerErrorAndWrongPathAreReported() {
        bknStatus.set(503);
        assertEquals(List.of("answered HTTP 503 (server error)"), messages(check(Duration.ofSeconds(5))));
        settings.put("hub.bkn.token-url", "http://127.0.0.1:" + bkn.getAddress().getPort() + "/salah");
        assertEquals(List.of("answered HTTP 404: no token endpoint at this URL"), messages(check(Duration.ofSeconds(5))));
    }

    @Test
    void bknThatAnswersWithoutTokenStillCountsAsAnswering() {
        bknStatus.set(400);
        assertEquals(List.of(), check(Duration.ofSeconds(5)));
    }

    @Test
    void unreachableBknIsReported() throws IOException {
        try (RefusingPort refusing = new RefusingPort()) {
            int port = refusing.port();
            settings.put("hub.bkn.token-url", "http://127.0.0.1:" + port + "/oauth2/token?rahasia=1");
            assertEquals(List.of("hub.bkn.token-url (http://127.0.0.1:" + port + "/oauth2/token): no answer: Connection refused"),
                    lines(check(Duration.ofSeconds(5))));
        }
    }

    @Test
    void partnersWithMissingOrMalformedSettingsAreLeftToTheConfigurationCheck() throws IOException {
        int port = FreePort.next();
        settings.remove("hub.smtp.host");
        settings.put("hub.imap.port", "bukan-port");
        settings.put("hub.bkn.token-url", "ftp://127.0.0.1:" + port + "/token");
        assertEquals(List.of(), check(Duration.ofSeconds(5)));
    }

    @Test
    void aPlaintextBknTokenUrlIsNotProbedUnlessTheRiskIsAccepted() {
        settings.remove("hub.security.allow-insecure");
        assertEquals(List.of(), check(Duration.ofSeconds(5)), "ConfigurationCheck refuses the URL");
        assertEquals(null, bknAuthorization.get(), "the consumer secret was not sent in clear");
    }

    private List<CheckProblem> check(Duration timeout) {
        SettingSource source = key -> Optional.ofNullable(settings.get(key));
        return new ReachabilityCheck(source, timeout).problems();
    }

    private static List<String> lines(List<CheckProblem> problems) {
        return problems.stream().map(CheckProblem::toString).toList();
    }

    private static List<String> messages(List<CheckProblem> problems) {
        return problems.stream().map(CheckProblem::message).toList();
    }
}
