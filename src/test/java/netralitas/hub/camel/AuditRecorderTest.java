package netralitas.hub.camel;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.audit.AuditTrail;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.audit.ReporterPseudonym;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailKind;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What the trail records as an email's source (SPEC §8): folder, UID and Message-ID pseudonym, never the Message-ID. */
class AuditRecorderTest {

    private static final ChainKey KEY = ChainKey.of("test-audit-chain-key-0123456789abcdef");
    private static final String MESSAGE_ID = "<budi.santoso.081234567890@pelapor.example>";

    @TempDir
    Path dir;

    private List<AuditEvent> record(Object body, String mailSource, String event) throws Exception {
        MailTrailSource sources = new MailTrailSource(KEY);
        try (CamelContext context = new DefaultCamelContext();
             AuditTrail trail = AuditTrail.open(dir, Clock.systemUTC(), KEY, null)) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);
            exchange.setProperty(HubProperties.MAIL_SOURCE, mailSource);
            new AuditRecorder(trail, ReporterPseudonym.withKey("test-reporter-key-x"), sources).record(exchange, event);
        }
        try (Stream<AuditEvent> events = new AuditLog(dir).events()) {
            return events.toList();
        }
    }

    private static Report report(ReportSource source) {
        return new Report(source, null, LocalDate.of(2024, 10, 5), "197803122003121004", null, null, null,
                SubjectType.ASN, null, null, null, "uraian", null, List.of(), null, null);
    }

    @Test
    void anEmailedCaseIsRecordedByFolderUidAndPseudonym() throws Exception {
        String source = "INBOX;uid=42;mid=" + KEY.messageIdPseudonym(MESSAGE_ID);
        ViolationCase emailed = new ViolationCase("NH-20241005-EMAIL001", report(ReportSource.email(MESSAGE_ID, source)));
        assertEquals(source, record(emailed, null, "RECEIVED").get(0).source());
    }

    @Test
    void receivedRecordsTheIncidentDateForExportByIncident() throws Exception {
        ViolationCase csv = new ViolationCase("NH-20241005-CSV00001", report(ReportSource.csv("laporan.csv", 2)));
        assertEquals("2024-10-05", record(csv, null, "RECEIVED").get(0).detail().get("incidentDate"));
    }

    @Test
    void aCaseParkedByAnEarlierReleaseIsRecordedByItsPseudonymAlone() throws Exception {
        ViolationCase parked = new ViolationCase("NH-20241005-PARKIR01", report(ReportSource.email(MESSAGE_ID)));
        AuditEvent replayed = record(parked, null, "REPLAYED").get(0);
        assertEquals("mid=" + KEY.messageIdPseudonym(MESSAGE_ID), replayed.source());
        assertFalse(replayed.toJsonLine().contains("budi"), replayed.toJsonLine());
    }

    @Test
    void aMessageThatIsNotAReportIsRecordedByTheSourceTheRouteSet() throws Exception {
        InboundMail bounce = new InboundMail(MESSAGE_ID, MESSAGE_ID, null, "mailer-daemon@pelapor.example", null,
                "Undelivered", MailKind.NOT_A_REPORT, "laporan status pengiriman", null, "", List.of(), List.of(),
                List.of());
        AuditEvent note = record(bounce, "INBOX;uid=7;mid=0011223344556677", "NOTE").get(0);
        assertEquals("INBOX;uid=7;mid=0011223344556677", note.source());
        assertFalse(note.toJsonLine().contains("pelapor.example"), note.toJsonLine());
    }
}
