package netralitas.hub.e2e;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;
import netralitas.hub.mail.IndonesianDates;
import netralitas.hub.state.FollowUpTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbound side of the follow-up (SPEC §12) through the real routes, GreenMail and the BKN simulator: every mail a
 * case goes out in carries Reply-To the follow-up address and its deadline, every forwarded case gets its FOLLOW_UP
 * row with the deadline DELIVERED / DIGEST_SENT recorded, and a second report about the same NIP is threaded to the
 * first ([TERKAIT …], LINKED) while it is delivered and followed up as a case of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowUpOutboundEndToEndTest {

    private static final String FOLLOW_UP_ADDRESS = "tindak-lanjut@bawaslu.example";
    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;nama_terlapor;jabatan_terlapor;"
            + "instansi_terlapor;jenis_terlapor;kode_wilayah;wilayah;jenis_pelanggaran;uraian;tempat_kejadian;bukti;"
            + "nama_pelapor;kontak_pelapor\n";
    private static final String ARIF = "197803122003121004";
    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";

    private static final String FIRST = HEADER
            // BERAT, Kepahiang, with the Inspektorat and the Kanreg in copy
            + "F-001;2024-10-01;" + ARIF + ";Arif Wicaksono;;;ASN;17.08;;PARTISAN_ACTIVITY;"
            + "Mengumpulkan kepala desa dan mengajak memilih paslon nomor 2;Kantor Setda;;Pelapor;0812\n"
            // SEDANG, Cilegon
            + "F-002;2024-10-02;199003222015031002;;;;;36.72;;APPROACH_PARTY;"
            + "Mendaftar penjaringan bakal calon di partai;Kantor partai;;Pelapor;0812\n"
            // RINGAN, Lebong: the digest
            + "F-003;2024-10-03;199107142022212005;;;;PPPK;;Kab. Lebong;CAMPAIGN_EVENT;"
            + "Ikut acara pengenalan bakal calon bupati;Lapangan;;Pelapor;0812\n"
            // not a violation: closed, not followed up
            + "F-004;2024-10-04;198911252014022001;;;;;;;PASSIVE_ATTENDANCE;"
            + "Hanya hadir secara pasif mendengarkan visi misi;Balai desa;;Pelapor;0812\n"
            // a village head: the region's Bawaslu, Bawaslu's own deadline
            + "F-005;2024-10-05;;Pak Kades Sukamaju;Kepala Desa;;KEPALA_DESA;;Kabupaten Bungo;BANNER;"
            + "Memasang baliho paslon di depan kantor desa;Desa Sukamaju;;Pelapor;0812\n"
            // no region: triage, Bawaslu's own deadline
            + "F-006;2024-10-06;;Budi Tanpa NIP;;;;;Bengkulu;SOCMED_CAMPAIGN;"
            + "Mengunggah ajakan memilih paslon di Facebook;Media sosial;;Pelapor;0812\n";

    private static final String SECOND = HEADER
            // Arif again, two days after F-001: related, threaded to it
            + "S-001;2024-10-03;" + ARIF + ";Arif Wicaksono;;;ASN;17.08;;PARTISAN_ACTIVITY;"
            + "Kembali mengumpulkan perangkat desa untuk paslon nomor 2;Balai desa;;Pelapor lain;0813\n"
            // the Lebong PPPK again, a day after F-003: RINGAN, so in the next digest, which names F-003 beside it
            + "S-002;2024-10-04;199107142022212005;;;;PPPK;;Kab. Lebong;CAMPAIGN_EVENT;"
            + "Ikut lagi acara pengenalan bakal calon bupati;Lapangan;;Pelapor lain;0813\n";

    private static final String THIRD = HEADER
            // Arif a week later: more than hub.followup.related-days from every open case about him
            + "T-001;2024-10-12;" + ARIF + ";Arif Wicaksono;;;ASN;17.08;;PARTISAN_ACTIVITY;"
            + "Mengarahkan ASN dinas memilih paslon nomor 2 dalam rapat;Kantor dinas;;Pelapor ketiga;0814\n";

    private static TestHub hub;
    private static ImapMailbox imap;

    @BeforeAll
    static void deliver(@TempDir java.nio.file.Path work) throws Exception {
        hub = new TestHub(work);
        hub.settings.put("hub.followup.address", FOLLOW_UP_ADDRESS);
        hub.settings.put("hub.followup.business-days", "false");
        hub.start();
        imap = hub.imap();
        hub.dropAndAwait("laporan.csv", FIRST);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    @Order(1)
    void everyDeliveredCaseGetsItsFollowUpRowWithTheDeadlineItsMailAndDeliveredState() throws Exception {
        /** {@code days}: hub.followup.deadline.berat/.sedang (P14D), or .bawaslu (P7D) for a village head and triage. */
        record Expected(String line, String inbox, int days, String region) {
        }
        for (Expected expected : List.of(
                new Expected("laporan.csv:2", KEPAHIANG, 14, "17.08"),
                new Expected("laporan.csv:3", "bkpsdm.kota-cilegon@pemda.example", 14, "36.72"),
                new Expected("laporan.csv:6", "bawaslu.kab-bungo@bawaslu.example", 7, "15.08"),
                new Expected("laporan.csv:7", "triase@bawaslu.example", 7, null))) {
            String caseId = caseAt(expected.line());
            AuditEvent delivered = event(caseId, "DELIVERED");
            FollowUpCase row = followUps().find(caseId).orElseThrow(() -> new AssertionError("no FOLLOW_UP row: " + expected));
            MimeMessage mail = imap.onlyCopy(expected.inbox(), caseId);

            Instant deadline = Instant.parse((String) delivered.detail().get("deadline"));
            assertEquals(deadline, row.dueAt(), "the deadline DELIVERED recorded is the row's: " + expected);
            assertEquals(mail.getMessageID(), row.messageId());
            assertEquals(expected.region(), row.regionCode());
            assertEquals(FollowUpStatus.TERKIRIM, row.status());
            assertEquals(0, row.reminders());
            assertEquals(row.dueAt(), row.nextCheckAt(), "the clock looks at it at its deadline");
            assertEquals(recipients(mail), row.recipients(), "To and Cc of the mail: " + expected);
            assertEquals(mail.getHeader("X-Netralitas-Severity", null), row.severity());
            // Counted from just before the mail was rendered: the period, less the moments of sending it.
            Duration period = Duration.ofDays(expected.days());
            Duration counted = Duration.between(row.forwardedAt(), row.dueAt());
            assertTrue(counted.compareTo(period) <= 0 && counted.compareTo(period.minusMinutes(1)) > 0,
                    counted + " for " + expected);

            assertEquals(List.of(FOLLOW_UP_ADDRESS), replyTo(mail), "Reply-To: " + expected);
            String firstLine = MailText.of(mail).plain().lines().findFirst().orElseThrow();
            assertEquals("Mohon tindak lanjut paling lambat "
                    + IndonesianDates.formatMoment(deadline, ZoneId.systemDefault()) + ".", firstLine);
            assertTrue(MailText.of(mail).plain().contains("Status: DIPROSES"), "how to reply: " + expected);
            assertTrue(MailText.of(mail).html().contains("TIDAK TERBUKTI"), "how to reply: " + expected);
            assertEquals("FORWARDED", followUps().history(caseId).get(0).kind());
        }
        assertTrue(followUps().find(caseAt("laporan.csv:5")).isEmpty(), "a case that is no violation is not followed up");
        assertTrue(followUps().find(caseAt("laporan.csv:4")).isEmpty(), "a RINGAN case waits for its digest");
    }

    @Test
    @Order(2)
    void theRinganClockStartsWhenTheDigestIsSent() throws Exception {
        String caseId = caseAt("laporan.csv:4");
        hub.flushDigest(1);
        AuditEvent sent = event(caseId, "DIGEST_SENT");
        FollowUpCase row = followUps().find(caseId).orElseThrow();
        MimeMessage digest = imap.messages("bkpsdm.kab-lebong@pemda.example").stream()
                .filter(m -> subject(m).contains("Rekap harian")).findFirst().orElseThrow();

        Instant deadline = Instant.parse((String) sent.detail().get("deadline"));
        assertEquals(deadline, row.dueAt());
        assertEquals(digest.getMessageID(), row.messageId(), "a reply to the digest finds its cases");
        assertEquals("RINGAN", row.severity());
        Duration counted = Duration.between(row.forwardedAt(), row.dueAt());
        assertTrue(counted.compareTo(Duration.ofDays(30)) <= 0 && counted.compareTo(Duration.ofDays(30).minusMinutes(1)) > 0,
                counted.toString());
        assertEquals(List.of(FOLLOW_UP_ADDRESS), replyTo(digest));
        MailText text = MailText.of(digest);
        assertEquals("Mohon tindak lanjut setiap kasus di bawah paling lambat "
                + IndonesianDates.formatMoment(deadline, ZoneId.systemDefault()) + ".", text.plain().lines().findFirst().orElseThrow());
        assertTrue(text.plain().contains("Kasus: " + caseId), text.plain());
    }

    @Test
    @Order(3)
    void aSecondReportAboutTheSameNipIsThreadedToTheFirstAndFollowedUpOnItsOwn() throws Exception {
        String first = caseAt("laporan.csv:2");
        FollowUpCase firstRow = followUps().find(first).orElseThrow();
        hub.dropAndAwait("laporan-2.csv", SECOND);
        hub.dropAndAwait("laporan-3.csv", THIRD);

        String second = caseAt("laporan-2.csv:2");
        MimeMessage mail = imap.onlyCopy(KEPAHIANG, second);
        assertTrue(mail.getSubject().startsWith("[TERKAIT " + first + "] [NETRALITAS ASN][BERAT] " + second + " — "),
                mail.getSubject());
        assertEquals(firstRow.messageId(), mail.getHeader("In-Reply-To", null));
        assertEquals(firstRow.messageId(), mail.getHeader("References", null));
        assertTrue(MailText.of(mail).plain().contains("Laporan ini terkait dengan kasus " + first), "a sentence names it");

        AuditEvent linked = event(second, "LINKED");
        assertEquals(first, linked.detail().get("relatedTo"));
        assertTrue(indexOf(second, "DELIVERED") < indexOf(second, "LINKED"), "recorded once it was delivered");
        List<FollowUpEntry> firstHistory = followUps().history(first);
        assertTrue(firstHistory.stream().anyMatch(e -> e.kind().equals("LINKED") && second.equals(e.detail())),
                firstHistory.toString());
        FollowUpCase secondRow = followUps().find(second).orElseThrow(() -> new AssertionError("followed up on its own"));
        assertEquals("nip:" + ARIF, secondRow.subjectKey());
        assertEquals(LocalDate.of(2024, 10, 3), secondRow.incidentDate());
        assertEquals(mail.getMessageID(), secondRow.messageId(), "it keeps its own Message-ID");

        // A related RINGAN case: its digest cannot be threaded to one case, so it names the first beside it.
        String firstRingan = caseAt("laporan.csv:4");
        String secondRingan = caseAt("laporan-2.csv:3");
        hub.flushDigest(2);
        assertEquals(firstRingan, event(secondRingan, "LINKED").detail().get("relatedTo"));
        MimeMessage digest = imap.messages("bkpsdm.kab-lebong@pemda.example").stream()
                .filter(m -> secondRingan.equals(headerOf(m, "X-Netralitas-Case-Id"))).findFirst().orElseThrow();
        assertTrue(MailText.of(digest).plain().replaceAll("\\s+", " ").contains("Terkait : kasus " + firstRingan
                + " yang telah kami sampaikan sebelumnya"), MailText.of(digest).plain());
        assertTrue(followUps().history(firstRingan).stream().anyMatch(e -> e.kind().equals("LINKED")
                && secondRingan.equals(e.detail())));
        assertTrue(followUps().find(secondRingan).isPresent());

        String third = caseAt("laporan-3.csv:2");
        MimeMessage unrelated = imap.onlyCopy(KEPAHIANG, third);
        assertTrue(unrelated.getSubject().startsWith("[NETRALITAS ASN][BERAT] " + third), unrelated.getSubject());
        assertNull(unrelated.getHeader("In-Reply-To"));
        assertTrue(hub.audit().stream().noneMatch(e -> third.equals(e.caseId()) && e.event().name().equals("LINKED")));
        assertTrue(followUps().find(third).isPresent());
    }

    private static FollowUpTable followUps() {
        return hub.context().getRegistry().lookupByNameAndType("followUpTable", FollowUpTable.class);
    }

    /** The case the CSV row at {@code source} ("laporan.csv:2") became. */
    private static String caseAt(String source) throws Exception {
        return hub.audit().stream().filter(e -> source.equals(e.source()) && e.caseId() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no case from " + source)).caseId();
    }

    private static AuditEvent event(String caseId, String event) throws Exception {
        return hub.audit().stream().filter(e -> caseId.equals(e.caseId()) && e.event().name().equals(event))
                .findFirst().orElseThrow(() -> new AssertionError(event + " of " + caseId));
    }

    private static long indexOf(String caseId, String event) throws Exception {
        return event(caseId, event).seq();
    }

    private static List<String> recipients(MimeMessage mail) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] list = mail.getRecipients(type);
            if (list != null) {
                Arrays.stream(list).map(a -> ((InternetAddress) a).getAddress()).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static List<String> replyTo(MimeMessage mail) throws Exception {
        return Arrays.stream(mail.getReplyTo()).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static String headerOf(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
