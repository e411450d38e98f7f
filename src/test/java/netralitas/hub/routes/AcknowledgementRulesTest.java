package netralitas.hub.routes;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.camel.MailIntake;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailRejection;
import netralitas.hub.outbox.SmtpRejectedException;
import netralitas.hub.state.PendingAcknowledgementTable;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static netralitas.hub.routes.RouteContract.ackWithheld;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The acknowledgement rules of SPEC §3.3 through route {@code acknowledge} of routes/acknowledgements.camel.yaml, with the
 * hub's own AcknowledgementComposer, AcknowledgementPolicy (its daily cap in the state database) and audit trail: what
 * is answered, with which text, at which address, and what is withheld with which NOTE. Messages are read from raw
 * bytes by the hub's MailIntake, as the mailbox would hand them over; the IMAP consumer is never created and the
 * SMTP step is a mock endpoint.
 */
@CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES,
        properties = {RouteTestHub.NO_MANAGEMENT, "hub.mail.ack-max-per-sender-per-day=" + AcknowledgementRulesTest.CAP,
                "hub.mail.ack-retry-delay-ms=100", "hub.mail.ack-max-retry-delay-ms=400"},
        replaceRouteFromWith = "poll-mailbox=direct:poll-mailbox", mockEndpointsAndSkip = "direct:smtp-send")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgementRulesTest {

    static final int CAP = 2;
    private static final String REPORTER = "pelapor@pelapor.example";
    private static final String VALID_NIP = "197803122003121004";
    /** Month 13: the report looks like one, and is quarantined. */
    private static final String INVALID_NIP = "197803122003131004";

    @TempDir
    static Path work;

    private RouteTestHub hub;
    private MailIntake mailIntake;
    private final AtomicInteger messageNumber = new AtomicInteger();

    @Produce("direct:acknowledge")
    ProducerTemplate acknowledge;

    @EndpointInject("mock:direct:smtp-send")
    MockEndpoint smtp;

    @Configure
    void configure(MainConfigurationProperties configuration) {
        hub = RouteTestHub.in(work).routes("ingest-mail.camel.yaml", "acknowledgements.camel.yaml");
        hub.applyTo(configuration);
    }

    @BeforeEach
    void reset() {
        MockEndpoint.resetMocks(acknowledge.getCamelContext());
        mailIntake = acknowledge.getCamelContext().getRegistry().lookupByNameAndType("mailIntake", MailIntake.class);
    }

    Stream<Arguments> outcomes() {
        return Stream.of(
                arguments("IMMEDIATE", false, "diteruskan kepada pihak yang berwenang untuk ditindaklanjuti"),
                arguments("DIGEST", false, "akan diteruskan kepada pihak yang berwenang dalam rekap harian berikutnya"),
                arguments("CLOSED", false, "hadir di kampanye secara pasif"),
                arguments("TRIAGE", false, "diserahkan kepada petugas Bawaslu untuk ditelaah"),
                arguments("IMMEDIATE", true, "sudah pernah kami terima sebelumnya"));
    }

    @ParameterizedTest(name = "decision {0}, duplicate {1}: sent, saying \"{2}\"")
    @MethodSource("outcomes")
    void aReportIsAnsweredAtItsFromWithTheTextOfItsOutcome(String decision, boolean duplicate, String text) throws Exception {
        InboundMail mail = read(message("Pelapor <" + unique(REPORTER) + ">", "Reply-To: <korban@korban.example>\n",
                report(VALID_NIP)));
        ViolationCase violationCase = assertInstanceOf(ViolationCase.class, mailIntake.toCase(mail, RouteContract.trailSource(mail)));
        if (decision.equals("CLOSED")) {
            Category passive = TestCases.CATEGORIES.byCodeOrLabel("PASSIVE_ATTENDANCE").orElseThrow();
            violationCase.setClassification(new Classification(passive, passive.severity(), passive.severity(), List.of()));
        }

        Exchange exchange = acknowledge.send(e -> {
            e.getIn().setBody(violationCase);
            RouteContract.mail(e, mail);
            RouteContract.decided(e, decision);
            e.setProperty(Exchange.DUPLICATE_MESSAGE, duplicate);
        });

        assertNull(exchange.getException());
        assertNull(ackWithheld(exchange));
        assertEquals(1, smtp.getReceivedCounter(), "acknowledgements sent");
        Exchange sent = smtp.getExchanges().get(0);
        assertEquals(mail.fromAddress(), sent.getMessage().getHeader("To"), "the From address only, never Reply-To");
        assertEquals("auto-replied", sent.getMessage().getHeader("Auto-Submitted"));
        String body = sent.getMessage().getBody(String.class);
        assertTrue(body.contains(text), body);
        assertTrue(body.contains(violationCase.getCaseId()), "the case id to quote");
        assertTrue(events(mail).contains("ACKNOWLEDGED"), events(mail).toString());
    }

    @Test
    void aCaseParkedAsDeliveryUncertainIsAnsweredAsHandedToStaffNotAsReceivedBefore() throws Exception {
        InboundMail mail = read(message("Pelapor <" + unique(REPORTER) + ">", "", report(VALID_NIP)));
        ViolationCase violationCase = assertInstanceOf(ViolationCase.class, mailIntake.toCase(mail, RouteContract.trailSource(mail)));

        // As route intake leaves a case it found in DELIVERIES_IN_FLIGHT after a restart: a duplicate to the case
        // ledger, parked by route park-uncertain for an operator, its reporter never answered.
        Exchange exchange = acknowledge.send(e -> {
            e.getIn().setBody(violationCase);
            RouteContract.mail(e, mail);
            e.setProperty(Exchange.DUPLICATE_MESSAGE, true);
            RouteContract.parked(e, "DEAD_LETTER " + violationCase.getCaseId());
        });

        assertNull(ackWithheld(exchange));
        assertEquals(1, smtp.getReceivedCounter(), "acknowledgements sent");
        String body = smtp.getExchanges().get(0).getMessage().getBody(String.class);
        assertTrue(body.contains("diserahkan kepada petugas Bawaslu untuk ditelaah"), body);
        assertFalse(body.contains("sudah pernah kami terima"), body);
    }

    @Test
    void aMessageReadAgainAfterItsAcknowledgementIsNotAnsweredAgain() throws Exception {
        String sender = unique(REPORTER);
        byte[] raw = message("Pelapor <" + sender + ">", "", report(VALID_NIP));
        InboundMail mail = read(raw);
        acknowledgeImmediate(mail);
        assertEquals(1, smtp.getReceivedCounter(), "acknowledgements sent");

        // The hub stopped before the message went to Processed, or the mailbox holds a second copy: the case is a
        // duplicate, and the message was answered.
        InboundMail again = read(raw);
        Exchange exchange = acknowledge.send(e -> {
            e.getIn().setBody(mailIntake.toCase(again, RouteContract.trailSource(again)));
            RouteContract.mail(e, again);
            e.setProperty(Exchange.DUPLICATE_MESSAGE, true);
        });

        assertNull(exchange.getException());
        assertEquals(1, smtp.getReceivedCounter(), "acknowledgements sent");
        List<AuditEvent> events = hub.auditOf(RouteContract.trailSource(mail));
        assertEquals(1, events.stream().filter(e -> e.event().name().equals("ACKNOWLEDGED")).count(), events.toString());
        AuditEvent note = events.stream().filter(e -> e.event().name().equals("NOTE")).findFirst().orElseThrow();
        assertEquals("tidak dikirim", note.detail().get("tandaTerima"), note.detail().toString());
        assertTrue(String.valueOf(note.detail().get("alasan")).contains("sudah mendapat tanda terima"),
                note.detail().toString());

        acknowledgeReport(message("Pelapor <" + sender + ">", "", report(VALID_NIP)));
        assertEquals(2, smtp.getReceivedCounter(), "the same report in a new message is answered");
    }

    @Test
    void aQuarantinedMessageThatLooksLikeAReportIsAnsweredWithTheReason() throws Exception {
        InboundMail mail = read(message("Pelapor <" + unique(REPORTER) + ">", "", report(INVALID_NIP)));
        MailRejection rejection = assertInstanceOf(MailRejection.class, mailIntake.toCase(mail, RouteContract.trailSource(mail)));

        Exchange exchange = acknowledge.send(e -> {
            e.getIn().setBody(rejection);
            RouteContract.mail(e, mail);
        });

        assertNull(ackWithheld(exchange));
        assertEquals(1, smtp.getReceivedCounter(), "acknowledgements sent");
        assertTrue(smtp.getExchanges().get(0).getMessage().getBody(String.class).contains("belum dapat diproses karena"));
    }

    Stream<Arguments> neverAnswered() {
        String report = report(VALID_NIP);
        return Stream.of(
                arguments("list mail", "Relawan <relawan@pelapor.example>",
                        "List-Id: Relawan Pemilu <relawan.lists.example>\n", report, "milis"),
                // Precedence: bulk makes it no report at all (the reader's rule, before the acknowledgement's).
                arguments("bulk mail", "Toko <promo@toko.example>", "Precedence: bulk\n", report, "bukan laporan"),
                arguments("a machine's From", "no-reply@bank.example", "", report, "alamat pengirim milik mesin"),
                arguments("a machine's Return-Path", "Toko <promo@toko.example>",
                        "Return-Path: <bounces+77@mailer.toko.example>\n", report, "Return-Path"),
                arguments("the hub's own sender", "Netralitas Hub <netralitas-hub@bawaslu.example>", "", report,
                        "alamat pengirim adalah alamat hub sendiri"),
                arguments("the report mailbox itself", RouteTestHub.REPORT_MAILBOX, "", report,
                        "alamat pengirim adalah alamat hub sendiri"),
                arguments("quarantined, no sign of a report", "Korban <korban.palsu@lain.example>", "",
                        "Klaim hadiah Anda di https://evil.example sebelum besok.\n",
                        "pesan tidak tampak sebagai laporan"));
    }

    @ParameterizedTest(name = "{0}: not answered, NOTE with the reason")
    @MethodSource("neverAnswered")
    void neverAnswered(String what, String from, String headers, String body, String reason) throws Exception {
        InboundMail mail = read(message(from, headers, body));
        Object outcome = mailIntake.toCase(mail, RouteContract.trailSource(mail));

        Exchange exchange = acknowledge.send(e -> {
            e.getIn().setBody(outcome);
            RouteContract.mail(e, mail);
            RouteContract.decided(e, "IMMEDIATE");
        });

        assertNull(exchange.getException());
        assertEquals(0, smtp.getReceivedCounter(), what + ": acknowledgements sent");
        assertWithheld(mail, reason);
    }

    @Test
    void aSenderIsAnsweredAtMostCapTimesADayAndAWithheldMessageUsesNoneOfIt() throws Exception {
        String sender = unique("rajin@pelapor.example");
        acknowledgeReport(message(sender, "List-Id: Relawan <relawan.lists.example>\n", report(VALID_NIP)));
        assertEquals(0, smtp.getReceivedCounter(), "list mail is not answered");

        for (int i = 0; i < CAP; i++) {
            acknowledgeReport(message(sender, "", report(VALID_NIP)));
        }
        assertEquals(CAP, smtp.getReceivedCounter(), "answered up to the cap, the list mail not counted");

        InboundMail oneTooMany = acknowledgeReport(message(sender, "", report(VALID_NIP)));
        assertEquals(CAP, smtp.getReceivedCounter(), "not answered beyond the cap");
        assertWithheld(oneTooMany, "pengirim sudah menerima " + CAP + " tanda terima hari ini");
    }

    @Test
    void aRefusedAcknowledgementIsRecordedAndDropped() throws Exception {
        smtp.whenAnyExchangeReceived(e -> {
            throw new SmtpRejectedException("550 5.1.1 <" + REPORTER + ">: Recipient address rejected");
        });

        InboundMail mail = read(message(unique(REPORTER), "", report(VALID_NIP)));
        Exchange exchange = acknowledgeImmediate(mail);

        assertNull(exchange.getException(), "best effort: the report itself goes on");
        assertWithheld(mail, "ditolak server SMTP (550), tidak dikirim ulang");
    }

    @Test
    void anAcknowledgementTheServerCannotTakeNowIsKeptAndSentAgainAsItWasComposed() throws Exception {
        List<Exchange> tries = new CopyOnWriteArrayList<>();
        smtp.whenAnyExchangeReceived(e -> {
            tries.add(e.copy());
            if (tries.size() <= 2) {
                throw new SMTPSenderFailedException(new InternetAddress("netralitas-hub@bawaslu.example"),
                        "MAIL FROM:<netralitas-hub@bawaslu.example>", 421,
                        "421 4.3.2 Service not available, closing transmission channel");
            }
        });

        InboundMail mail = read(message("Pelapor <" + unique(REPORTER) + ">", "", report(VALID_NIP)));
        Exchange exchange = acknowledgeImmediate(mail);
        assertNull(exchange.getException(), "the report itself goes on");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!events(mail).contains("ACKNOWLEDGED")) {
            assertTrue(System.nanoTime() < deadline, "not sent again: " + events(mail));
            Thread.sleep(50);
        }
        List<AuditEvent> trail = hub.auditOf(RouteContract.trailSource(mail));
        AuditEvent deferred = trail.stream().filter(e -> e.event().name().equals("NOTE")).findFirst().orElseThrow();
        assertEquals("ditunda", deferred.detail().get("tandaTerima"), deferred.detail().toString());
        assertTrue(String.valueOf(deferred.detail().get("alasan"))
                .startsWith("server SMTP tidak dapat dihubungi atau menolak sementara (421, SMTPSenderFailedException),"
                        + " dikirim ulang mulai "), deferred.detail().toString());
        assertFalse(deferred.detail().toString().contains("@"), "the reason names no address: " + deferred.detail());
        AuditEvent acknowledged = trail.stream().filter(e -> e.event().name().equals("ACKNOWLEDGED")).findFirst()
                .orElseThrow();
        assertEquals(3, ((Number) acknowledged.detail().get("attempts")).intValue(), acknowledged.detail().toString());
        assertEquals(1, trail.stream().filter(e -> e.event().name().equals("ACKNOWLEDGED")).count(), trail.toString());

        assertEquals(3, tries.size(), "the first try, one failed retry, the one that went");
        for (String header : List.of("From", "To", "Subject", "Message-ID", "In-Reply-To", "References",
                "Auto-Submitted", "X-Netralitas-Case-Id")) {
            assertEquals(tries.get(0).getIn().getHeader(header), tries.get(2).getIn().getHeader(header), header);
        }
        assertEquals(tries.get(0).getIn().getBody(String.class), tries.get(2).getIn().getBody(String.class),
                "the same text");
        assertEquals("text/plain; charset=UTF-8", tries.get(2).getIn().getHeader(MailConstants.MAIL_CONTENT_TYPE));
        PendingAcknowledgementTable pending = acknowledge.getCamelContext().getRegistry()
                .lookupByNameAndType("pendingAcknowledgements", PendingAcknowledgementTable.class);
        // Recorded first, then the row goes.
        while (!pending.list().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "still waiting, the reporter's address included: " + pending.list());
            Thread.sleep(50);
        }

        // Read again once it went: not answered a second time.
        Exchange again = acknowledgeImmediate(mail);
        assertTrue(String.valueOf(ackWithheld(again)).contains("sudah mendapat tanda terima"), ackWithheld(again));
        assertEquals(3, tries.size(), "no further acknowledgement");
    }

    @Test
    void anAcknowledgementWhoseAddressCannotBeWrittenIsWithheldNotKept() throws Exception {
        smtp.whenAnyExchangeReceived(e -> {
            throw new AddressException("Domain contains dot-dot", "pelapor@pelapor..example");
        });

        InboundMail mail = read(message(unique(REPORTER), "", report(VALID_NIP)));
        Exchange exchange = acknowledgeImmediate(mail);

        assertNull(exchange.getException(), "the report itself goes on");
        assertWithheld(mail, "alamat pengirim tidak dapat dipakai untuk membalas (AddressException)");
        PendingAcknowledgementTable pending = acknowledge.getCamelContext().getRegistry()
                .lookupByNameAndType("pendingAcknowledgements", PendingAcknowledgementTable.class);
        assertEquals(List.of(), pending.list(), "not kept: every later try would fail the same way");
    }

    private InboundMail acknowledgeReport(byte[] raw) {
        InboundMail mail = read(raw);
        acknowledgeImmediate(mail);
        return mail;
    }

    /** The mail's report as a case forwarded at once, through route acknowledge. */
    private Exchange acknowledgeImmediate(InboundMail mail) {
        return acknowledge.send(e -> {
            e.getIn().setBody(mailIntake.toCase(mail, RouteContract.trailSource(mail)));
            RouteContract.mail(e, mail);
            RouteContract.decided(e, "IMMEDIATE");
        });
    }

    private void assertWithheld(InboundMail mail, String reason) throws IOException {
        List<AuditEvent> events = hub.auditOf(RouteContract.trailSource(mail));
        assertFalse(events.stream().anyMatch(e -> e.event().name().equals("ACKNOWLEDGED")), events.toString());
        AuditEvent note = events.stream().filter(e -> e.event().name().equals("NOTE")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no NOTE for " + mail.sourceId() + ": " + events));
        assertEquals("tidak dikirim", note.detail().get("tandaTerima"), note.detail().toString());
        assertTrue(String.valueOf(note.detail().get("alasan")).contains(reason), note.detail().toString());
        assertFalse(note.detail().toString().contains("@"), "the reason names no address: " + note.detail());
    }

    private List<String> events(InboundMail mail) throws IOException {
        return hub.auditOf(RouteContract.trailSource(mail)).stream().map(e -> e.event().name()).toList();
    }

    private static String report(String nip) {
        return "NIP Terlapor: " + nip + "\nNama Terlapor: Arif Wicaksono\nWilayah: Kab. Kepahiang\n"
                + "Tanggal Kejadian: 20/10/2024\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"
                + "Uraian: Terlapor terlihat dalam kegiatan pasangan calon pada hari kerja.\n";
    }

    private InboundMail read(byte[] raw) {
        return mailIntake.read(raw);
    }

    /** A plain-text message with a Message-ID of its own. */
    private byte[] message(String from, String extraHeaders, String body) {
        return ("From: " + from + "\nTo: " + RouteTestHub.REPORT_MAILBOX + "\nSubject: Laporan ASN\n"
                + "Date: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <ack-" + messageNumber.incrementAndGet()
                + "@pelapor.example>\n" + extraHeaders
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A sender of its own, so that the daily cap of one test does not reach into another. */
    private String unique(String address) {
        return address.replace("@", "+" + messageNumber.incrementAndGet() + "@");
    }
}
