package netralitas.hub.mail;

import netralitas.hub.state.MigratedH2;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailKind;
import netralitas.hub.report.CaseIds;
import netralitas.hub.testing.MutableClock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AcknowledgementPolicyTest {

    private static final String HUB = "netralitas-hub@bawaslu.example";
    private static final String MAILBOX = "laporan@bawaslu.example";
    private static final String BUDI = "budi@pelapor.example";
    private static final Acknowledgement FORWARDED = Acknowledgement.ofCase(Acknowledgement.Outcome.FORWARDED, "NH-1",
            "Laporan", LocalDate.of(2024, 10, 21), null, null, MAILBOX);
    private static final Acknowledgement QUARANTINED = Acknowledgement.notProcessed("NH-2", "Laporan", null,
            "uraian kosong", MAILBOX);
    private static final String SOURCE = "INBOX;uid=1;mid=0123456789abcdef";
    private static final String CAP_REACHED = "pengirim sudah menerima 2 tanda terima hari ini (hub.mail.ack-max-per-sender-per-day)";

    private final JdbcConnectionPool database = MigratedH2.inMemory("policy");
    private final AcknowledgedMail acknowledged = new AcknowledgedMail(database,
            MutableClock.jakarta("2024-10-21T02:00:00Z"), source -> source.substring(source.indexOf("mid=")));
    /** Stands in for MailReportExtractor.looksLikeAReport (tested with it): a text that names a NIP. */
    private final AcknowledgementPolicy policy = policy(true);

    @AfterEach
    void close() {
        database.dispose();
    }

    @Test
    void aReportFromAPersonIsAnsweredUntilTheDailyCap() throws SQLException {
        assertNull(policy.withheld(report(BUDI, "isi"), FORWARDED, SOURCE));
        assertNull(policy.withheld(report(BUDI, "isi"), FORWARDED, SOURCE));
        assertEquals(CAP_REACHED, policy.withheld(report(BUDI, "isi"), FORWARDED, SOURCE));
        assertNull(policy.withheld(report("siti@pelapor.example", "isi"), FORWARDED, SOURCE), "the cap is per sender");
    }

    @Test
    void listBulkAndMachineEnvelopesAreNeverAnsweredAndUseNoneOfTheCap() throws SQLException {
        InboundMail list = mail(BUDI, MailKind.REPORT, "pesan milis (List-Id)", "NIP 1");
        assertEquals("pesan milis (List-Id)", policy.withheld(list, FORWARDED, SOURCE));
        assertEquals("bukan laporan (balasan otomatis, bounce atau pesan hub sendiri)",
                policy.withheld(mail(BUDI, MailKind.NOT_A_REPORT, null, "NIP 1"), QUARANTINED, SOURCE));
        assertNull(policy.withheld(report(BUDI, "isi"), FORWARDED, SOURCE));
        assertNull(policy.withheld(report(BUDI, "isi"), FORWARDED, SOURCE), "the withheld ones did not count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailer-daemon@mx.pelapor.example", "postmaster@pelapor.example", "no-reply@bank.example",
            "noreply@pelapor.example", "bounces+1234@mailer.example", "do-not-reply@pelapor.example"})
    void machineSendersAreNotAnswered(String from) throws SQLException {
        assertEquals("alamat pengirim milik mesin (MAILER-DAEMON, postmaster, no-reply …)",
                policy.withheld(report(from, "NIP 1"), FORWARDED, SOURCE));
    }

    @Test
    void aMessageWithoutAnAddressToAnswerIsNotAnswered() throws SQLException {
        assertEquals("pengirim tanpa alamat yang dapat dibalas (From)", policy.withheld(report(null, "NIP 1"), FORWARDED, SOURCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {HUB, MAILBOX, "Laporan@Bawaslu.Example"})
    void theHubsOwnAddressesAreNotAnswered(String from) throws SQLException {
        assertEquals("alamat pengirim adalah alamat hub sendiri", policy.withheld(report(from, "NIP 1"), FORWARDED, SOURCE));
    }

    @Test
    void aQuarantinedMessageIsAnsweredOnlyWhenItLooksLikeAReport() throws SQLException {
        assertEquals("pesan tidak tampak sebagai laporan (tanpa label laporan, NIP, wilayah atau kata kunci pelanggaran)",
                policy.withheld(report(BUDI, "Selamat! Anda mendapat hadiah."), QUARANTINED, SOURCE));
        assertNull(policy.withheld(report(BUDI, "NIP salah ketik"), QUARANTINED, SOURCE));
        assertNull(policy.withheld(report(BUDI, "tanpa tanda laporan"), FORWARDED, SOURCE), "a case is a report");
    }

    @Test
    void aMessageAnsweredAlreadyIsNotAnsweredAgainInAnyCopyAndUsesNoneOfTheCap() throws SQLException {
        InboundMail mail = report(BUDI, "isi");
        assertNull(policy.withheld(mail, FORWARDED, SOURCE));
        acknowledged.record(CaseIds.forEmail(mail.sourceId(), mail.sentDate()), SOURCE);

        assertEquals("pesan ini sudah mendapat tanda terima (nomor kasus dan Message-ID yang sama, dibaca ulang),"
                + " tidak dikirim dua kali", policy.withheld(mail, FORWARDED, "Processed;uid=7;mid=0123456789abcdef"));
        assertNull(policy.withheld(mail, FORWARDED, "INBOX;uid=2;mid=fedcba9876543210"),
                "another message that happens to share the case id");
        assertEquals(CAP_REACHED, policy.withheld(mail, FORWARDED, "INBOX;uid=3;mid=0000000000000000"),
                "the copy withheld used none of the cap");
    }

    @Test
    void switchedOffNothingIsAnswered() throws SQLException {
        assertEquals("tanda terima dimatikan (hub.mail.acknowledge=false)",
                policy(false).withheld(report(BUDI, "NIP 1"), FORWARDED, SOURCE));
    }

    private AcknowledgementPolicy policy(boolean enabled) {
        AcknowledgementQuota quota = new AcknowledgementQuota(database, 2, MutableClock.jakarta("2024-10-21T02:00:00Z"),
                address -> address);
        return new AcknowledgementPolicy(enabled, Set.of(HUB, MAILBOX), mail -> mail.text().contains("NIP"), quota,
                acknowledged);
    }

    private static InboundMail report(String from, String text) {
        return mail(from, MailKind.REPORT, null, text);
    }

    private static InboundMail mail(String from, MailKind kind, String noReplyReason, String text) {
        return new InboundMail("<m@pelapor.example>", "<m@pelapor.example>", LocalDate.of(2024, 10, 21), from, "Budi",
                "Laporan", kind, null, noReplyReason, text, List.of(), List.of(), List.of());
    }
}
