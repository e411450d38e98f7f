package netralitas.hub.e2e;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.followup.FollowUpStatus;
import netralitas.hub.state.FollowUpTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dedicated reply mailbox (SPEC §12, hub.followup.imap.*), against the real hub, GreenMail (two users: the report
 * mailbox and the reply mailbox, whose INBOXes count their UIDs from 1 alike) and the BKN simulator. Case mails carry
 * Reply-To the reply mailbox's address; an office's reply sent there is recorded and closes its case; a report sent
 * there by mistake is quarantined there with its reason, never forwarded and never acknowledged; a report to the
 * report mailbox is still a report. Without hub.followup.imap.host nothing of the reply mailbox is read.
 */
class FollowUpMailboxEndToEndTest {

    /** The reply mailbox (login = password = the address, like every test mailbox). */
    private static final String REPLIES = "tindak-lanjut@bawaslu.example";
    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";
    private static final String CITIZEN = "warga.peduli@pelapor.example";
    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;nama_terlapor;jabatan_terlapor;"
            + "instansi_terlapor;jenis_terlapor;kode_wilayah;wilayah;jenis_pelanggaran;uraian;tempat_kejadian;bukti;"
            + "nama_pelapor;kontak_pelapor\n";
    private static final String CSV = HEADER
            + "R-1;2024-10-01;197803122003121004;Arif Wicaksono;;;ASN;17.08;;PARTISAN_ACTIVITY;"
            + "Mengumpulkan kepala desa dan mengajak memilih paslon nomor 2;Kantor Setda;;;\n";
    private static final String SANCTION = "Hukuman disiplin sedang: pemotongan tunjangan kinerja 25% selama 6 bulan";
    /** A report about Lebong, sent once to the reply mailbox by mistake and once to the report mailbox. */
    private static final String LEBONG_REPORT = "NIP Terlapor: 198505172010012007\nNama Terlapor: Dewi Kartika Sari\n"
            + "Wilayah: Kab. Lebong\nTanggal Kejadian: 20/10/2024\nJenis Pelanggaran: SOCMED_CAMPAIGN\n"
            + "Uraian: Mengunggah ajakan memilih paslon di akun Facebook pribadinya.\n";

    @Test
    void repliesAreReadFromTheirOwnMailboxAndNothingElseIsTakenThere(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work)) {
            hub.mail.addUser(REPLIES, REPLIES, REPLIES);
            hub.settings.put("hub.followup.imap.host", hub.mail.host());
            hub.settings.put("hub.followup.imap.port", String.valueOf(hub.mail.imapPort()));
            hub.settings.put("hub.followup.imap.protocol", "imap");
            hub.settings.put("hub.followup.imap.username", REPLIES);
            hub.settings.put("hub.followup.imap.password", REPLIES);
            // Folders of their own names: a message filed in the report mailbox's folders would show.
            hub.settings.put("hub.followup.imap.processed-folder", "Tanggapan");
            hub.settings.put("hub.followup.imap.quarantine-folder", "Bukan-Tanggapan");
            hub.start();
            ImapMailbox imap = hub.imap();

            hub.dropAndAwait("laporan.csv", CSV);
            hub.awaitEvent("DELIVERED", 1);
            String caseId = only(hub, "DELIVERED").caseId();
            MimeMessage caseMail = imap.onlyCopy(KEPAHIANG, caseId);
            assertEquals(List.of(REPLIES), addresses(caseMail.getReplyTo()),
                    "hub.followup.address is empty: the reply mailbox's login, an address, is where offices reply");

            imap.append(REPLIES, "INBOX", message(KEPAHIANG, REPLIES, "RE: " + caseMail.getSubject(),
                    caseMail.getMessageID(), "Status: SELESAI\nSanksi: " + SANCTION + "\n\nHormat kami,\nBKPSDM Kepahiang",
                    "<jawaban-1@pemda.example>"));
            imap.append(REPLIES, "INBOX", message(CITIZEN, REPLIES, "Laporan pelanggaran netralitas", null,
                    LEBONG_REPORT, "<salah-alamat@pelapor.example>"));
            awaitMessages(imap, REPLIES, "Tanggapan", 1);
            awaitMessages(imap, REPLIES, "Bukan-Tanggapan", 1);
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", message(CITIZEN, TestHub.REPORT_MAILBOX,
                    "Laporan pelanggaran netralitas", null, LEBONG_REPORT, "<laporan@pelapor.example>"));
            awaitMessages(imap, TestHub.REPORT_MAILBOX, "Processed", 1);
            hub.awaitEvent("DELIVERED", 2);
            hub.awaitEvent("ACKNOWLEDGED", 1);

            // The office's reply: recorded from the reply mailbox, and it closes the case.
            AuditEvent reply = only(hub, "FOLLOW_UP");
            assertEquals(caseId, reply.caseId());
            assertEquals("SELESAI", reply.detail().get("status"));
            assertEquals(SANCTION, reply.detail().get("sanction"));
            assertEquals(KEPAHIANG, reply.detail().get("from"));
            assertEquals("IN_REPLY_TO", reply.detail().get("matchedBy"));
            assertTrue(reply.source().startsWith("INBOX;uid=1;mailbox=followup;mid="), reply.source());
            assertEquals(caseId, only(hub, "FOLLOW_UP_CLOSED").caseId());
            FollowUpTable table = hub.context().getRegistry().lookupByNameAndType("followUpTable", FollowUpTable.class);
            assertEquals(FollowUpStatus.SELESAI, table.find(caseId).orElseThrow().status());
            assertNull(table.find(caseId).orElseThrow().nextCheckAt(), "closed: no reminder");

            // The report sent to the reply mailbox: quarantined there with its reason, nothing else.
            List<AuditEvent> stray = hub.eventsOf("<salah-alamat@pelapor.example>");
            assertEquals(List.of("REJECTED"), stray.stream().map(e -> e.event().name()).toList());
            assertTrue(String.valueOf(stray.get(0).detail()).contains("bukan tanggapan atas kasus yang diteruskan"),
                    stray.get(0).toJsonLine());
            assertTrue(stray.get(0).source().contains(";mailbox=followup;"), stray.get(0).source());
            assertEquals(List.of("<salah-alamat@pelapor.example>"), imap.messageIds(REPLIES, "Bukan-Tanggapan"));
            assertEquals(List.of("<jawaban-1@pemda.example>"), imap.messageIds(REPLIES, "Tanggapan"));
            imap.awaitEmpty(REPLIES, "INBOX", System.nanoTime() + TimeUnit.SECONDS.toNanos(60));

            // The same report to the report mailbox: a case, forwarded to Lebong once, acknowledged once.
            List<String> report = hub.eventsOf("<laporan@pelapor.example>").stream().map(e -> e.event().name()).toList();
            assertTrue(report.contains("RECEIVED") && report.contains("DELIVERED") && report.contains("ACKNOWLEDGED"),
                    report.toString());
            assertTrue(hub.eventsOf("<laporan@pelapor.example>").get(0).source().startsWith("INBOX;uid=1;mid="),
                    "the report mailbox's UID 1, named as before");
            assertEquals(1, imap.messages(LEBONG).size(), "the report only, not the message sent to the reply mailbox");
            assertEquals(1, imap.messages(CITIZEN).size(), "one acknowledgement: of the report, not of the stray");
            assertEquals(2, hub.audit().stream().filter(e -> "RECEIVED".equals(e.event().name())).count(),
                    "the CSV's case and the report");
            assertEquals(1, imap.messages(KEPAHIANG).size(), "the reply was not forwarded to the office again");
            assertTrue(imap.messageIds(TestHub.REPORT_MAILBOX, "Quarantine").isEmpty());
        }
    }

    @Test
    void withoutAReplyMailboxHostNothingOfItIsRead(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work)) {
            hub.mail.addUser(REPLIES, REPLIES, REPLIES);
            // Its login without its host: the shipped default, no dedicated mailbox.
            hub.settings.put("hub.followup.imap.username", REPLIES);
            hub.settings.put("hub.followup.imap.password", REPLIES);
            hub.start();
            ImapMailbox imap = hub.imap();
            assertNull(hub.context().getRoute("poll-followup-mailbox"), "the route is not even created");

            imap.append(REPLIES, "INBOX", message(CITIZEN, REPLIES, "Laporan pelanggaran netralitas", null,
                    LEBONG_REPORT, "<salah-alamat@pelapor.example>"));
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", message(CITIZEN, TestHub.REPORT_MAILBOX,
                    "Laporan pelanggaran netralitas", null, LEBONG_REPORT, "<laporan@pelapor.example>"));
            awaitMessages(imap, TestHub.REPORT_MAILBOX, "Processed", 1);
            hub.awaitEvent("ACKNOWLEDGED", 1);

            assertEquals(List.of("<salah-alamat@pelapor.example>"), imap.messageIds(REPLIES, "INBOX"), "left unread");
            assertTrue(imap.messageIds(REPLIES, "Processed").isEmpty());
            assertTrue(imap.messageIds(REPLIES, "Quarantine").isEmpty());
            assertTrue(hub.eventsOf("<salah-alamat@pelapor.example>").isEmpty());
            assertEquals(List.of(TestHub.REPORT_MAILBOX), addresses(imap.messages(LEBONG).get(0).getReplyTo()),
                    "offices reply to the report mailbox");
        }
    }

    private static AuditEvent only(TestHub hub, String event) throws Exception {
        List<AuditEvent> found = hub.audit().stream().filter(e -> event.equals(e.event().name())).toList();
        assertEquals(1, found.size(), event + ": " + found);
        return found.get(0);
    }

    private static void awaitMessages(ImapMailbox imap, String address, String folder, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (imap.messageIds(address, folder).size() < count) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " messages in " + address + " " + folder);
            Thread.sleep(100);
        }
    }

    private static List<String> addresses(jakarta.mail.Address[] addresses) {
        return List.of(addresses).stream().map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static byte[] message(String from, String to, String subject, String inReplyTo, String text,
                                  String messageId) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        message.setText(text, "UTF-8");
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
