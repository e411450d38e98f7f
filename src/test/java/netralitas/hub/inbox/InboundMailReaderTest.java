package netralitas.hub.inbox;

import static netralitas.hub.inbox.MailCorpus.bytes;
import static netralitas.hub.inbox.MailCorpus.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundMailReaderTest {

    @Test
    void plainStructuredMessageKeepsHeadersAndText() {
        InboundMail mail = read("01-structured-plain.eml");
        assertEquals(MailKind.REPORT, mail.kind());
        assertNull(mail.kindReason());
        assertEquals("<lap-01-rahmat@pelapor.example>", mail.messageId());
        assertEquals(mail.messageId(), mail.sourceId());
        assertEquals(LocalDate.of(2024, 10, 8), mail.sentDate());
        assertEquals("rahmat.hidayat@pelapor.example", mail.fromAddress());
        assertEquals("Rahmat Hidayat", mail.fromName());
        assertNull(mail.noReplyReason());
        assertEquals("Laporan dugaan pelanggaran netralitas ASN Kab. Kepahiang", mail.subject());
        assertTrue(mail.text().contains("NIP Terlapor: 197803122003121004\nNama Terlapor: Arif Wicaksono"), mail.text());
        assertFalse(mail.text().contains("\r"));
        assertTrue(mail.text().lines().noneMatch(l -> l.endsWith(" ")), "trailing spaces stripped (\"-- \" becomes \"--\")");
        assertTrue(mail.attachments().isEmpty());
        assertTrue(mail.csvAttachments().isEmpty());
        assertTrue(mail.notes().isEmpty());
    }

    @Test
    void quotedPrintableUtf8IsDecoded() {
        InboundMail mail = read("02-structured-csv-names-qp.eml");
        assertEquals(MailKind.REPORT, mail.kind());
        assertTrue(mail.text().contains("Pengelola Program dan Kegiatan \u2014 Dinas Kesehatan"), mail.text());
        assertTrue(mail.text().contains("\u201cLanjutkan, Bu Bupati!\u201d"));
        // The soft line break of quoted-printable joins the long uraian line back together.
        assertTrue(mail.text().lines().anyMatch(l -> l.startsWith("uraian: ") && l.endsWith("grup WhatsApp kantor.")));
    }

    @Test
    void htmlOnlyBase64BodyBecomesReadableText() {
        InboundMail mail = read("04-html-only-base64.eml");
        assertEquals(MailKind.REPORT, mail.kind());
        String text = mail.text();
        assertTrue(text.contains("NIP Terlapor: 198208092006041003\nNama Terlapor: Yudi Prasetyo"), text);
        assertTrue(text.contains("spanduk & baliho"));
        assertFalse(text.contains("<"), "no tags left");
        assertFalse(text.contains("&amp;"));
        assertFalse(text.contains("margin"), "style block dropped");
    }

    @Test
    void alternativePrefersThePlainPart() {
        InboundMail mail = read("05-alternative.eml");
        assertTrue(mail.text().contains("(versi teks)"));
        assertFalse(mail.text().contains("versi HTML"));
        assertTrue(mail.attachments().isEmpty());
    }

    @Test
    void encodedWordsAndLatin1BodyAreDecoded() {
        InboundMail mail = read("06-rfc2047-latin1.eml");
        assertEquals("Laporan ASN \u2014 Kaf\u00e9 Kepahiang", mail.subject());
        assertEquals("Andr\u00e9 G\u00fcnawan", mail.fromName());
        assertEquals("andre.gunawan@pelapor.example", mail.fromAddress());
        assertTrue(mail.text().contains("Kaf\u00e9 S\u00fcmber Rejeki"), mail.text());
    }

    @Test
    void nestedMultipartYieldsTextOnceAndThreeEvidenceFiles() {
        InboundMail mail = read("07-nested-attachments.eml");
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals(1, count(mail.text(), "NIP Terlapor:"), "plain alternative only, not the HTML twin");
        List<EvidenceFile> files = mail.attachments();
        assertEquals(List.of("lampiran-1.png", "laporan bukti.pdf", "foto-1.jpg"), files.stream().map(EvidenceFile::name).toList());
        assertEquals(List.of("image/png", "application/pdf", "image/jpeg"), files.stream().map(EvidenceFile::contentType).toList());
        for (EvidenceFile file : files) {
            assertFalse(file.withheld());
            assertEquals(file.size(), file.content().length);
        }
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(files.get(0).content(), 4));
        assertEquals("%PDF", new String(files.get(1).content(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals((byte) 0xFF, files.get(2).content()[0]);
        assertEquals((byte) 0xD8, files.get(2).content()[1]);
    }

    @Test
    void attachedMessageContributesItsTextAndAttachmentsUnderTheOuterMessageId() {
        InboundMail mail = read("08-forwarded-rfc822.eml");
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("<lap-08-koordinator@pelapor.example>", mail.sourceId());
        String text = mail.text();
        assertTrue(text.startsWith("Mohon ditindaklanjuti, laporan warga terlampir."), text);
        assertTrue(text.contains(PartWalker.FORWARD_MARKER + "\nDari: Warga Lebong <warga.lebong@pelapor.example>\n"
                + "Subjek: Laporan ASN Dinkes Lebong kampanye di Facebook"), text);
        assertTrue(text.contains("NIP Terlapor: 198505172010012007"));
        assertEquals(List.of("tangkapan-layar-fb.jpg"), mail.attachments().stream().map(EvidenceFile::name).toList());
    }

    @Test
    void csvAttachmentIsSeparatedFromEvidence() {
        InboundMail mail = read("10-csv-attachment.eml");
        assertEquals("Rekap laporan terlampir.", mail.text());
        assertTrue(mail.attachments().isEmpty());
        assertEquals(1, mail.csvAttachments().size());
        CsvAttachment csv = mail.csvAttachments().get(0);
        assertEquals("rekap-oktober.csv", csv.name());
        String content = new String(csv.content(), StandardCharsets.UTF_8);
        assertTrue(content.startsWith("nomor_laporan;tanggal_kejadian;nip_terlapor;"), content);
        assertEquals(4, content.lines().count(), "header and three rows");
    }

    @Test
    void messageWithoutMessageIdGetsAStableContentHash() {
        byte[] raw = bytes("11-no-message-id.eml");
        InboundMail first = MailCorpus.reader().read(raw);
        InboundMail again = MailCorpus.reader().read(raw.clone());
        assertNull(first.messageId());
        assertTrue(first.sourceId().matches("sha256:[0-9a-f]{32}"), first.sourceId());
        assertEquals(first.sourceId(), again.sourceId());

        byte[] edited = new String(raw, StandardCharsets.UTF_8).replace("jam kerja", "jam kantor").getBytes(StandardCharsets.UTF_8);
        assertNotEquals(first.sourceId(), MailCorpus.reader().read(edited).sourceId());
    }

    @Test
    void imageOnlyMessageIsAReportWithoutText() {
        InboundMail mail = read("12-image-only.eml");
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("", mail.text());
        assertEquals(List.of("IMG_20241019_101500.jpg"), mail.attachments().stream().map(EvidenceFile::name).toList());
    }

    @Test
    void emptyBodyIsAReportWithEmptyText() {
        InboundMail mail = read("13-empty-body.eml");
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("", mail.text());
        assertEquals("Laporan", mail.subject());
    }

    @Test
    void oversizedAttachmentIsWithheldWithItsSizeKept() {
        int size = 20 * 1000 * 1000;
        byte[] raw = LargeMail.withAttachment(size);
        InboundMail mail = new InboundMailReader(10L * 1000 * 1000, MailCorpus.JAKARTA).read(raw);
        assertEquals(MailKind.REPORT, mail.kind());
        assertTrue(mail.text().contains("Nama Terlapor: Arif Wicaksono"));
        assertEquals(1, mail.attachments().size());
        EvidenceFile video = mail.attachments().get(0);
        assertEquals(LargeMail.ATTACHMENT_NAME, video.name());
        assertEquals("application/octet-stream", video.contentType());
        assertEquals(size, video.size());
        assertTrue(video.withheld());
        assertNull(video.content());
    }

    @Test
    void withheldAttachmentIsStreamedNotHeld() {
        int size = 20 * 1000 * 1000;
        byte[] raw = LargeMail.withAttachment(size);
        InboundMailReader reader = new InboundMailReader(1000 * 1000, MailCorpus.JAKARTA);
        reader.read(raw); // warm-up: class loading and first-use allocations are not what is measured
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        InboundMail mail = reader.read(raw);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(mail.attachments().get(0).withheld());
        // Decoding 20 MB through fixed buffers; holding it (or a copy of the raw message) would allocate at least 20 MB.
        assertTrue(allocated < size / 2, "allocated " + allocated + " bytes while reading");
    }

    @Test
    void attachmentAtTheLimitIsKeptWhole() {
        int size = 300_000;
        InboundMail mail = new InboundMailReader(size, MailCorpus.JAKARTA).read(LargeMail.withAttachment(size));
        EvidenceFile video = mail.attachments().get(0);
        assertFalse(video.withheld());
        assertArrayEquals(LargeMail.attachmentContent(size), video.content());

        InboundMail over = new InboundMailReader(size - 1, MailCorpus.JAKARTA).read(LargeMail.withAttachment(size));
        assertTrue(over.attachments().get(0).withheld());
        assertEquals(size, over.attachments().get(0).size());
    }

    @Test
    void missingStartBoundaryIsUnreadable() {
        InboundMail mail = read("15-malformed-boundary.eml");
        assertEquals(MailKind.UNREADABLE, mail.kind());
        assertTrue(mail.kindReason().startsWith("struktur MIME rusak: "), mail.kindReason());
        assertEquals("<lap-15-joko@pelapor.example>", mail.sourceId(), "headers are still known for the quarantine record");
        assertEquals("", mail.text());
    }

    @Test
    void encodedLineBreakInSubjectCannotStartAHeader() {
        InboundMail mail = read("16-header-injection-subject.eml");
        assertEquals("Laporan ASN Bcc: penyusup@evil.example", mail.subject());
        assertFalse(mail.subject().contains("\r") || mail.subject().contains("\n"));
    }

    @Test
    void attachmentNamesLoseTheirPaths() {
        InboundMail mail = read("24-attachment-path-name.eml");
        assertEquals(List.of("passwd.jpg", "foto bukti.jpg"), mail.attachments().stream().map(EvidenceFile::name).toList());
    }

    @Test
    void windows1252QuotedPrintableHtmlTableReadsAsLabelLines() {
        InboundMail mail = read("25-windows-1252-html.eml");
        String text = mail.text();
        assertTrue(text.contains("laporan \u201cdugaan pelanggaran netralitas\u201d berikut"), text);
        assertTrue(text.contains("NIP Terlapor: 198505172010012007\nNama Terlapor: Dewi Kartika Sari\nWilayah: Kab. Lebong"), text);
        assertTrue(text.contains("Uraian: Terlapor menulis status \u201cPilih nomor 1, lanjutkan!\u201d di Facebook\n"
                + "dan membagikannya ke grup WhatsApp dinas."), text);
    }

    @Test
    void bounceIsNotAReport() {
        InboundMail mail = read("18-bounce.eml");
        assertEquals(MailKind.NOT_A_REPORT, mail.kind());
        assertEquals("laporan status pengiriman (bounce, multipart/report)", mail.kindReason());
        assertEquals("mailer-daemon@mail.pelapor.example", mail.fromAddress());
    }

    @Test
    void outOfOfficeIsNotAReportEvenWithANipInIt() {
        InboundMail mail = read("19-out-of-office.eml");
        assertEquals(MailKind.NOT_A_REPORT, mail.kind());
        assertEquals("balasan otomatis (Auto-Submitted: auto-replied)", mail.kindReason());
    }

    @Test
    void hubsOwnMessageIsNotAReport() {
        InboundMail mail = read("20-hub-own-message.eml");
        assertEquals(MailKind.NOT_A_REPORT, mail.kind());
        assertEquals("pesan dari hub sendiri (X-Netralitas-Case-Id)", mail.kindReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-structured-plain.eml", "02-structured-csv-names-qp.eml", "03-freetext-whatsapp-forward.eml",
            "04-html-only-base64.eml", "05-alternative.eml", "06-rfc2047-latin1.eml", "07-nested-attachments.eml",
            "08-forwarded-rfc822.eml", "09-forwarded-inline.eml", "10-csv-attachment.eml", "11-no-message-id.eml",
            "12-image-only.eml", "13-empty-body.eml", "14-large-attachment-template.eml", "16-header-injection-subject.eml",
            "17-header-injection-field.eml", "21-freetext-no-nip.eml", "22-passive-attendance.eml", "23-invalid-nip.eml",
            "24-attachment-path-name.eml", "25-windows-1252-html.eml"})
    void everyPersonWrittenCorpusMessageIsAReport(String file) {
        InboundMail mail = read(file);
        assertEquals(MailKind.REPORT, mail.kind(), file + ": " + mail.kindReason());
        assertTrue(mail.fromAddress().endsWith("@pelapor.example"), mail.fromAddress());
        assertTrue(mail.sentDate().getYear() == 2024 && mail.sentDate().getMonthValue() == 10, file);
        assertTrue(mail.text().length() <= InboundMailReader.MAX_TEXT_CHARS);
    }

    @Test
    void corpusMessageIdsAreUnique() {
        List<String> files = List.of("01-structured-plain.eml", "02-structured-csv-names-qp.eml", "03-freetext-whatsapp-forward.eml",
                "04-html-only-base64.eml", "05-alternative.eml", "06-rfc2047-latin1.eml", "07-nested-attachments.eml",
                "08-forwarded-rfc822.eml", "09-forwarded-inline.eml", "10-csv-attachment.eml", "11-no-message-id.eml",
                "12-image-only.eml", "13-empty-body.eml", "14-large-attachment-template.eml", "15-malformed-boundary.eml",
                "16-header-injection-subject.eml", "17-header-injection-field.eml", "18-bounce.eml", "19-out-of-office.eml",
                "20-hub-own-message.eml", "21-freetext-no-nip.eml", "22-passive-attendance.eml", "23-invalid-nip.eml",
                "24-attachment-path-name.eml", "25-windows-1252-html.eml");
        assertEquals(files.size(), files.stream().map(f -> read(f).sourceId()).distinct().count());
    }

    @Test
    void sentDateIsTheDayInTheGivenZone() {
        String raw = "From: a@pelapor.example\nDate: Mon, 21 Oct 2024 23:30:00 +0000\nSubject: x\n\nisi\n";
        assertEquals(LocalDate.of(2024, 10, 22), MailCorpus.reader().read(raw.getBytes(StandardCharsets.US_ASCII)).sentDate());
        InboundMail utc = new InboundMailReader(1000, java.time.ZoneOffset.UTC).read(raw.getBytes(StandardCharsets.US_ASCII));
        assertEquals(LocalDate.of(2024, 10, 21), utc.sentDate());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void inReplyToAndReferencesAreReadAsMessageIdsAndBounded() {
        assertEquals(List.of("<a@x.example>", "<b@x.example>"),
                InboundMailReader.threadIds(" <a@x.example>\r\n\t<b@x.example> (comment) "));
        assertEquals(List.of(), InboundMailReader.threadIds(null));
        assertEquals(List.of(), InboundMailReader.threadIds("not an id"));
        StringBuilder longThread = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            longThread.append("<m").append(i).append("@x.example> ");
        }
        List<String> kept = InboundMailReader.threadIds(longThread.toString());
        assertEquals(InboundMailReader.MAX_THREAD_IDS, kept.size());
        assertEquals("<m1@x.example>", kept.get(0), "the thread's first message, a case mail");
        assertEquals("<m50@x.example>", kept.get(kept.size() - 1), "and the one answered");
    }

    @Test
    void aReportWithoutThreadHeadersAnswersNothingAndItsOwnTextIsItsText() {
        InboundMail mail = read("01-structured-plain.eml");
        assertTrue(mail.inReplyTo().isEmpty());
        assertTrue(mail.references().isEmpty());
        assertEquals(mail.text(), mail.ownText());
    }

    @Test
    void aMessageWithoutADateHeaderIsDatedByWhenTheMailboxReceivedIt() {
        String head = "From: Pelapor <pelapor@pelapor.example>\r\nTo: laporan@bawaslu.example\r\nSubject: Laporan\r\n"
                + "Message-ID: <tanpa-tanggal@pelapor.example>\r\n";
        String body = "\r\nNIP Terlapor: 197803122003121004\r\nUraian: Terlapor berkampanye kemarin.\r\n";
        // 2024-10-21 23:30 UTC is 22 October in Jakarta, the hub's zone.
        Date received = Date.from(Instant.parse("2024-10-21T23:30:00Z"));
        int[] asked = {0};
        Supplier<Date> mailbox = () -> {
            asked[0]++;
            return received;
        };

        InboundMail undated = MailCorpus.reader().read((head + body).getBytes(StandardCharsets.US_ASCII), mailbox);
        assertEquals(LocalDate.of(2024, 10, 22), undated.sentDate());
        assertEquals("<tanpa-tanggal@pelapor.example>", undated.sourceId());

        InboundMail dated = MailCorpus.reader().read((head + "Date: Fri, 11 Oct 2024 08:15:00 +0700\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII), mailbox);
        assertEquals(LocalDate.of(2024, 10, 11), dated.sentDate(), "the Date header wins");
        assertEquals(1, asked[0], "the mailbox is asked only for the message without a Date header");
        assertNull(MailCorpus.reader().read((head + body).getBytes(StandardCharsets.US_ASCII)).sentDate(),
                "a file read without a mailbox has no date to fall back on");
    }

    @Test
    void aDateHeaderInTheFutureGivesWayToWhenTheMailboxReceivedItOrToNow() {
        // 18 November 2024, 10:00 in Jakarta.
        Instant now = Instant.parse("2024-11-18T03:00:00Z");
        InboundMailReader reader = new InboundMailReader(MailLimits.DEFAULTS, Clock.fixed(now, MailCorpus.JAKARTA));
        String head = "From: <t01@pelapor.example>\r\nSubject: Laporan ASN\r\nMessage-ID: <masa-depan@pelapor.example>\r\n";
        String body = "\r\nPak Rendra Kurniawan, NIP 198603042009121001, mengunggah ajakan memilih paslon nomor 2.\r\n";
        byte[] future = (head + "Date: Sun, 16 Nov 2031 09:00:00 +0700\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        Date received = Date.from(Instant.parse("2024-11-16T23:30:00Z"));

        assertEquals(LocalDate.of(2024, 11, 17), reader.read(future, () -> received).sentDate(), "the mailbox's date");
        assertEquals(LocalDate.of(2024, 11, 18), reader.read(future).sentDate(), "without a mailbox: the reading day");
        byte[] aheadBySeconds = (head + "Date: Mon, 18 Nov 2024 10:05:00 +0700\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        assertEquals(LocalDate.of(2024, 11, 18), reader.read(aheadBySeconds, () -> {
            throw new AssertionError("a sender's clock a few minutes fast is still believed");
        }).sentDate());
    }
}
