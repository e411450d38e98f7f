package netralitas.hub.routes;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.followup.CaseSummaryFixture;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.inbox.MailHeldException;
import netralitas.hub.inbox.MailRejection;
import netralitas.hub.inbox.MailboxUid;
import netralitas.hub.state.FollowUpTable;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route ingest-mail's branch for an office's reply (SPEC §12), with the hub's own beans and a follow-up row in its
 * state store: a reply goes to follow-up-reply and never to intake or acknowledge; a report and an auto-reply do not;
 * a state-store failure while the reply is recorded holds the message instead of quarantining it (a quarantined
 * message that looks like a report is answered), and a store that does not answer leaves it with nothing recorded. The steps it hands over to are mock endpoints.
 */
@CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES, properties = RouteTestHub.NO_MANAGEMENT,
        replaceRouteFromWith = "poll-mailbox=direct:poll-mailbox",
        mockEndpointsAndSkip = "direct:(follow-up-reply|intake|case-body|acknowledge|hold-mail|quarantine-mail)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpReplyRoutingTest {

    private static final String CASE = "NH-20241005-3QF8K0ZD";
    private static final String CASE_MAIL = "<" + CASE + "@netralitas.bawaslu.example>";
    private static final String OFFICE = "bkpsdm.kab-kepahiang@pemda.example";

    @TempDir
    static Path work;

    @Produce("direct:ingest-mail")
    ProducerTemplate ingestMail;

    @EndpointInject("mock:direct:follow-up-reply")
    MockEndpoint followUpReply;
    @EndpointInject("mock:direct:intake")
    MockEndpoint intake;
    @EndpointInject("mock:direct:acknowledge")
    MockEndpoint acknowledge;
    @EndpointInject("mock:direct:hold-mail")
    MockEndpoint holdMail;
    @EndpointInject("mock:direct:quarantine-mail")
    MockEndpoint quarantine;

    @Configure
    void configure(MainConfigurationProperties configuration) {
        RouteTestHub.in(work).routes("ingest-mail.camel.yaml", "followup-replies.camel.yaml").applyTo(configuration);
    }

    /** Opened before each test; opening it again changes nothing. */
    @BeforeEach
    void forwardTheCase() throws Exception {
        MockEndpoint.resetMocks(ingestMail.getCamelContext());
        Instant forwarded = Instant.parse("2024-11-11T03:00:00Z");
        ingestMail.getCamelContext().getRegistry().lookupByNameAndType("followUpTable", FollowUpTable.class)
                .open(FollowUpCase.forwarded(CASE, CASE_MAIL, "17.08", "BERAT", null, LocalDate.of(2024, 10, 5),
                        List.of(OFFICE), forwarded, forwarded.plusSeconds(14 * 86_400),
                        CaseSummaryFixture.of(CASE)));
    }

    @Test
    void aReplyIsRecordedNeverTakenForAReportNorAcknowledged() throws Exception {
        Exchange exchange = send(reply("In-Reply-To: " + CASE_MAIL + "\n", "Status: DIPROSES\n"));

        assertNull(exchange.getException());
        assertEquals(1, followUpReply.getReceivedCounter());
        assertEquals(0, intake.getReceivedCounter(), "never a new case");
        assertEquals(0, acknowledge.getReceivedCounter(), "never acknowledged");
        assertEquals("Processed", exchange.getProperty("hubMailFolder"));
    }

    @Test
    void aReportAndAnAutoReplyAreNoReplies() throws Exception {
        send(message("Laporan ASN Kab. Kepahiang", "", "NIP Terlapor: 197803122003121004\nWilayah: Kab. Kepahiang\nTanggal Kejadian: 05/10/2024\n"
                + "Jenis Pelanggaran: PARTISAN_ACTIVITY\nUraian: Mengajak memilih paslon nomor 2.\n"));
        send(reply("In-Reply-To: " + CASE_MAIL + "\nAuto-Submitted: auto-replied\n", "Sedang cuti.\n"));

        assertEquals(0, followUpReply.getReceivedCounter());
        assertEquals(1, intake.getReceivedCounter(), "the report");
    }

    @Test
    void aStateStoreFailureHoldsTheReplyInsteadOfQuarantiningIt() throws Exception {
        followUpReply.whenAnyExchangeReceived(e -> {
            throw new SQLException("Unique index or primary key violation", "23505");
        });

        Exchange exchange = send(reply("References: " + CASE_MAIL + "\n", "Status: SELESAI\n"));

        assertInstanceOf(MailHeldException.class, exchange.getException(), "left in the folder for a later poll");
        assertEquals(1, holdMail.getReceivedCounter(), "held back, its retry scheduled");
        assertEquals(0, quarantine.getReceivedCounter());
        assertEquals(0, acknowledge.getReceivedCounter());
    }

    @Test
    void aStateStoreThatDoesNotAnswerLeavesTheReplyInTheFolderAndRecordsNothing() throws Exception {
        followUpReply.whenAnyExchangeReceived(e -> {
            throw new SQLException("Connection is not available, request timed out after 30000ms.", "08001");
        });

        Exchange exchange = send(reply("References: " + CASE_MAIL + "\n", "Status: SELESAI\n"));

        MailHeldException held = assertInstanceOf(MailHeldException.class, exchange.getException());
        assertTrue(held.getMessage().endsWith("the state store does not answer"), held.getMessage());
        assertEquals(0, holdMail.getReceivedCounter(), "nothing recorded: the store would not take it");
        assertEquals(0, quarantine.getReceivedCounter());
        assertEquals(0, acknowledge.getReceivedCounter());
    }

    @Test
    void inTheFollowUpMailboxAReplyIsRecordedAndAnythingElseQuarantinedUnanswered() throws Exception {
        Exchange reply = send(reply("In-Reply-To: " + CASE_MAIL + "\n", "Status: SELESAI\n"), MailboxUid.FOLLOW_UP);
        assertNull(reply.getException());
        assertEquals(1, followUpReply.getReceivedCounter());
        assertEquals("Selesai", reply.getProperty("hubMailFolder"), "the follow-up mailbox's processed folder");

        Exchange report = send(message("Laporan ASN Kab. Kepahiang", "", "NIP Terlapor: 197803122003121004\n"
                + "Wilayah: Kab. Kepahiang\nTanggal Kejadian: 05/10/2024\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"
                + "Uraian: Mengajak memilih paslon nomor 2.\n"), MailboxUid.FOLLOW_UP);

        assertNull(report.getException());
        assertEquals(0, intake.getReceivedCounter(), "not a report here");
        assertEquals(1, quarantine.getReceivedCounter());
        MailRejection rejection = quarantine.getReceivedExchanges().get(0).getIn().getBody(MailRejection.class);
        assertTrue(rejection.reason().startsWith("bukan tanggapan atas kasus yang diteruskan"), rejection.reason());
        assertTrue(rejection.source().contains(";mailbox=followup;"), rejection.source());
        assertEquals(0, acknowledge.getReceivedCounter());
    }

    private Exchange send(byte[] raw) throws Exception {
        return send(raw, MailboxUid.REPORT);
    }

    private Exchange send(byte[] raw, String mailbox) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        return ingestMail.send(e -> {
            e.setIn(new MailMessage(e, message, false));
            RouteContract.readFrom(e, mailbox);
        });
    }

    private static byte[] reply(String headers, String body) {
        return message("Re: [NETRALITAS ASN][BERAT] " + CASE, headers, body);
    }

    private static byte[] message(String subject, String headers, String body) {
        return ("From: BKPSDM <" + OFFICE + ">\nTo: laporan@bawaslu.example\nSubject: " + subject
                + "\nDate: Tue, 12 Nov 2024 09:00:00 +0700\nMessage-ID: <" + System.nanoTime() + "@pemda.example>\n"
                + headers + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
