package netralitas.hub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Messages generated past each bound of {@link MailLimits} (SPEC §9), and hostile text within them. */
class MailBoundsTest {

    private static final String HEAD = "From: Pelapor <pelapor@pelapor.example>\nTo: pengaduan@bawaslu.example\n"
            + "Subject: Laporan\nDate: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <batas@pelapor.example>\nMIME-Version: 1.0\n";
    private static final String REPORT_TEXT = "NIP Terlapor: 197803122003121004\nUraian: kampanye di balai desa\n";
    private static final int TEN_MB = 10 * 1024 * 1024;

    private static InboundMail read(String raw) {
        return MailCorpus.reader().read(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static InboundMail read(MailLimits limits, byte[] raw) {
        return new InboundMailReader(limits, MailCorpus.JAKARTA).read(raw);
    }

    private static MailLimits limits(long maxMessageBytes, long maxHeaderBytes, int maxNestingDepth, int maxMimeParts,
                                     int maxSubjectChars, int maxAttachmentsPerMessage) {
        return new MailLimits(maxMessageBytes, maxHeaderBytes, maxNestingDepth, maxMimeParts, maxSubjectChars,
                MailCorpus.MAX_ATTACHMENT_BYTES, maxAttachmentsPerMessage);
    }

    // --- attachments per message --------------------------------------------------------------------------------

    @Test
    void fiveThousandAttachmentsKeepTheFirstTwentyAndCountTheRest() {
        byte[] content = new byte[300];
        String encoded = Base64.getMimeEncoder().encodeToString(content);
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"m\"\n\n")
                .append("--m\nContent-Type: text/plain\n\n").append(REPORT_TEXT);
        for (int i = 1; i <= 5_000; i++) {
            String name = i == 21 ? "x".repeat(AttachmentsLeftOut.MAX_NAME_CHARS + 1) + ".jpg" : "foto-" + i + ".jpg";
            sb.append("--m\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n")
                    .append("Content-Disposition: attachment; filename=\"").append(name).append("\"\n\n").append(encoded).append('\n');
        }
        sb.append("--m--\n");

        InboundMail mail = read(sb.toString());

        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals(REPORT_TEXT.strip(), mail.text());
        assertEquals(MailLimits.DEFAULTS.maxAttachmentsPerMessage(), mail.attachments().size());
        assertEquals("foto-20.jpg", mail.attachments().get(19).name());
        AttachmentsLeftOut leftOut = mail.attachmentsLeftOut();
        assertEquals(4_980, leftOut.dropped());
        assertEquals(4_980L * content.length, leftOut.droppedBytes(), "decoded sizes, not the base64 text");
        assertEquals(List.of("foto-22.jpg", "foto-23.jpg", "foto-24.jpg", "foto-25.jpg", "foto-26.jpg"), leftOut.droppedNames(),
                "the first few short names; a long one is counted, not named");
        assertEquals(4_975, leftOut.unnamed());
        assertEquals(20, leftOut.maxPerMessage());
        assertEquals(0, leftOut.withheld());
        String note = leftOut.acknowledgementNote();
        assertTrue(note.startsWith("4.980 lampiran (1,4 MB) tidak diteruskan karena satu email hanya dapat membawa 20 lampiran"), note);
        assertFalse(note.contains("foto"), "the acknowledgement names no file: " + note);
        assertTrue(mail.notes().isEmpty(), mail.notes().toString());
    }

    @Test
    void csvFilesCountTowardsTheMaximumAndOversizedFilesAreCountedAsWithheld() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n\n" + REPORT_TEXT
                + "--m\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"besar.bin\"\n\n"
                + "x".repeat(2_000) + "\n"
                + "--m\nContent-Type: text/csv\nContent-Disposition: attachment; filename=\"rekap.csv\"\n\na;b\n--m--\n";
        InboundMail mail = read(limits(1 << 20, 1 << 20, 20, 100, 1000, 1).withMaxAttachmentBytes(1_000),
                raw.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, mail.attachments().size());
        assertTrue(mail.attachments().get(0).withheld());
        assertTrue(mail.csvAttachments().isEmpty(), "the CSV came after the maximum");
        AttachmentsLeftOut leftOut = mail.attachmentsLeftOut();
        assertEquals(1, leftOut.dropped());
        assertEquals(List.of("rekap.csv"), leftOut.droppedNames());
        assertEquals(1, leftOut.withheld());
        assertEquals("1 lampiran (3 B) tidak diteruskan karena satu email hanya dapat membawa 1 lampiran; 1 lampiran tidak"
                + " diteruskan karena melebihi 1000 B per berkas. Berkas tersebut tetap tersimpan bersama email Anda di Bawaslu.",
                leftOut.acknowledgementNote());
    }

    @Test
    void aMessageWithinTheMaximumLeavesNothingOut() {
        InboundMail mail = MailCorpus.reader().read(MailCorpus.bytes("07-nested-attachments.eml"));
        assertTrue(mail.attachmentsLeftOut().isEmpty());
        assertNull(mail.attachmentsLeftOut().acknowledgementNote());
    }

    // --- nesting depth ------------------------------------------------------------------------------------------

    @Test
    void tenThousandLevelsOfMultipartAreQuarantinedNamingTheDepthBound() {
        assertQuarantinedForDepth(read(nestedMultipart(10_000)));
    }

    @Test
    void twoHundredLevelsAreNotMistakenForAnEmptyDescription() {
        InboundMail mail = read(nestedMultipart(200));
        assertQuarantinedForDepth(mail);
        assertFalse(mail.kindReason().contains("uraian"), mail.kindReason());
    }

    @Test
    void oneLevelPastTheBoundIsQuarantinedAndTheBoundItselfIsRead() {
        int depth = MailLimits.DEFAULTS.maxNestingDepth();
        // nestedMultipart(n) puts its text n + 1 levels below the message.
        assertEquals(MailKind.REPORT, read(nestedMultipart(depth - 1)).kind());
        assertQuarantinedForDepth(read(nestedMultipart(depth)));
    }

    @Test
    void tenThousandLevelsOfAttachedMessagesAreQuarantinedNamingTheDepthBound() {
        StringBuilder sb = new StringBuilder();
        for (int level = 0; level < 10_000; level++) {
            sb.append("From: lapis").append(level).append("@pelapor.example\nSubject: Fwd\nContent-Type: message/rfc822\n\n");
        }
        sb.append("From: dalam@pelapor.example\nSubject: asli\n\n").append(REPORT_TEXT);
        assertQuarantinedForDepth(read(HEAD.replace("Subject: Laporan\n", "") + sb));
    }

    private static String nestedMultipart(int levels) {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int level = 1; level <= levels; level++) {
            sb.append("--b").append(level - 1).append("\nContent-Type: multipart/mixed; boundary=\"b").append(level).append("\"\n\n");
        }
        sb.append("--b").append(levels).append("\nContent-Type: text/plain\n\n").append(REPORT_TEXT);
        for (int level = levels; level >= 0; level--) {
            sb.append("--b").append(level).append("--\n");
        }
        return sb.toString();
    }

    private static void assertQuarantinedForDepth(InboundMail mail) {
        assertEquals(MailKind.UNREADABLE, mail.kind());
        assertEquals("struktur MIME bersarang melebihi batas 20 tingkat (hub.mail.max-nesting-depth)", mail.kindReason());
        assertEquals("<batas@pelapor.example>", mail.sourceId());
    }

    // --- parts and headers --------------------------------------------------------------------------------------

    @Test
    void moreMimePartsThanTheBoundAreQuarantinedBeforeTheyAreBuilt() {
        // 1.5 million empty parts in 7.5 MB: built as objects they would take gigabytes.
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"m\"\n\n");
        sb.append("--m\n\n".repeat(1_500_000)).append("--m--\n");
        InboundMail mail = read(sb.toString());
        assertEquals(MailKind.UNREADABLE, mail.kind());
        assertEquals("jumlah bagian MIME melebihi batas 10.000 (hub.mail.max-mime-parts)", mail.kindReason());
    }

    @Test
    void partsOfEveryLevelCountTogether() {
        String inner = "--i\nContent-Type: text/plain\n\nx\n".repeat(6) + "--i--\n";
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n"
                + ("--m\nContent-Type: multipart/mixed; boundary=\"i\"\n\n" + inner).repeat(2) + "--m--\n";
        // 1 message + 2 multiparts + 12 texts = 15 parts
        assertEquals(MailKind.REPORT, read(limits(1 << 20, 1 << 20, 20, 15, 1000, 20), bytes(raw)).kind());
        InboundMail over = read(limits(1 << 20, 1 << 20, 20, 14, 1000, 20), bytes(raw));
        assertEquals("jumlah bagian MIME melebihi batas 14 (hub.mail.max-mime-parts)", over.kindReason());
    }

    @Test
    void aBoundaryThatOnlyStartsALineIsNotCountedAsAPart() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n\n"
                + "--mata-mata\n".repeat(50) + "--m--\n";
        assertEquals(MailKind.REPORT, read(limits(1 << 20, 1 << 20, 20, 2, 1000, 20), bytes(raw)).kind());
    }

    @Test
    void headerLinesPastTheBoundQuarantineTheMessageAndKeepItsMessageId() {
        String bloated = HEAD + "X-Isi: a\n".repeat(300_000) + "\n" + REPORT_TEXT;
        InboundMail mail = read(bloated);
        assertEquals(MailKind.UNREADABLE, mail.kind());
        assertEquals("header pesan melebihi batas 2,0 MB (hub.mail.max-header-bytes)", mail.kindReason());
        assertEquals("<batas@pelapor.example>", mail.sourceId());
    }

    @Test
    void headerLinesOfThePartsCountTowardsTheSameBound() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n"
                + "X-Isi: a\n".repeat(1_000) + "\n" + REPORT_TEXT + "--m--\n";
        assertEquals(MailKind.REPORT, read(limits(1 << 20, 20_000, 20, 100, 1000, 20), bytes(raw)).kind());
        InboundMail over = read(limits(1 << 20, 5_000, 20, 100, 1000, 20), bytes(raw));
        assertEquals("header pesan melebihi batas 5 KB (hub.mail.max-header-bytes)", over.kindReason());
        String forwarded = HEAD + "Content-Type: message/rfc822\n\nFrom: a@pelapor.example\n" + "X-Isi: a\n".repeat(1_000)
                + "\n" + REPORT_TEXT;
        assertEquals("header pesan melebihi batas 5 KB (hub.mail.max-header-bytes)",
                read(limits(1 << 20, 5_000, 20, 100, 1000, 20), bytes(forwarded)).kindReason());
    }

    // --- message size -------------------------------------------------------------------------------------------

    @Test
    void aMessageOverTheSizeBoundIsQuarantinedNamingIt() {
        String raw = HEAD + "\n" + REPORT_TEXT + "x".repeat(2 * 1024 * 1024);
        InboundMail mail = read(limits(1024 * 1024, 1 << 20, 20, 100, 1000, 20), bytes(raw));
        assertEquals(MailKind.UNREADABLE, mail.kind());
        assertEquals("ukuran pesan 2,0 MB melebihi batas 1,0 MB (hub.mail.max-message-bytes)", mail.kindReason());
        assertEquals("<batas@pelapor.example>", mail.sourceId());
        assertEquals("pelapor@pelapor.example", mail.fromAddress());
    }

    @Test
    void anOversizedBounceIsStillNotAReport() {
        String raw = "Return-Path: <>\n" + HEAD + "\n" + "x".repeat(2 * 1024 * 1024);
        InboundMail mail = read(limits(1024 * 1024, 1 << 20, 20, 100, 1000, 20), bytes(raw));
        assertEquals(MailKind.NOT_A_REPORT, mail.kind());
    }

    @Test
    void aMessageDeclaredOverTheBoundIsNotFetchedBeyondItsHeaders() throws Exception {
        MailLimits limits = limits(1024 * 1024, 1 << 20, 20, 100, 1000, 20);
        ServedMessage served = new ServedMessage(bytes(HEAD + "\n"), 50L * 1024 * 1024, 50 * 1024 * 1024);
        InboundMail mail = new InboundMailReader(limits, MailCorpus.JAKARTA).fetch(served);
        assertEquals("ukuran pesan 50,0 MB melebihi batas 1,0 MB (hub.mail.max-message-bytes)", mail.kindReason());
        assertEquals("<batas@pelapor.example>", mail.sourceId());
        assertTrue(served.written <= InboundMailReader.OVERSIZE_PREFIX_BYTES + ServedMessage.CHUNK, "fetched " + served.written);
    }

    @Test
    void aMessageLargerThanItsDeclaredSizeIsFetchedOnlyUpToTheBound() throws Exception {
        MailLimits limits = limits(1024 * 1024, 1 << 20, 20, 100, 1000, 20);
        ServedMessage served = new ServedMessage(bytes(HEAD + "\n"), 50L * 1024 * 1024, -1);
        InboundMail mail = new InboundMailReader(limits, MailCorpus.JAKARTA).fetch(served);
        assertEquals("ukuran pesan melebihi batas 1,0 MB (hub.mail.max-message-bytes)", mail.kindReason());
        assertEquals("<batas@pelapor.example>", mail.sourceId());
        assertTrue(served.written <= limits.maxMessageBytes() + ServedMessage.CHUNK, "fetched " + served.written);
    }

    @Test
    void aMessageWithinTheBoundIsFetchedWhole() throws Exception {
        ServedMessage served = new ServedMessage(bytes(HEAD + "\n" + REPORT_TEXT), 0, -1);
        InboundMail mail = MailCorpus.reader().fetch(served);
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals(REPORT_TEXT.strip(), mail.text());
    }

    /** A message as a mail server serves it: its headers, then {@code bodyBytes} of body written in chunks. */
    private static final class ServedMessage extends MimeMessage {
        static final int CHUNK = 16 * 1024;
        private final byte[] head;
        private final long bodyBytes;
        private final int declaredSize;
        long written;

        ServedMessage(byte[] head, long bodyBytes, int declaredSize) throws MessagingException {
            super(Session.getInstance(new Properties()));
            this.head = head;
            this.bodyBytes = bodyBytes;
            this.declaredSize = declaredSize;
        }

        @Override
        public int getSize() {
            return declaredSize;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(head);
            written = head.length;
            byte[] chunk = new byte[CHUNK];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (long left = bodyBytes; left > 0; left -= CHUNK) {
                int n = (int) Math.min(CHUNK, left);
                out.write(chunk, 0, n);
                written += n;
            }
        }
    }

    // --- subject, text and odd characters -----------------------------------------------------------------------

    @Test
    void aSubjectPastTheBoundIsQuarantinedNamingIt() {
        InboundMail mail = read(HEAD.replace("Subject: Laporan", "Subject: " + "panjang ".repeat(625)) + "\n" + REPORT_TEXT);
        assertEquals(MailKind.UNREADABLE, mail.kind());
        assertEquals("subjek melebihi batas 1.000 karakter (hub.mail.max-subject-chars)", mail.kindReason());
        assertTrue(mail.subject().length() <= InboundMailReader.MAX_SUBJECT_CHARS, "kept short all the same");
    }

    @Test
    void aSubjectWithinTheBoundIsKeptShortAndOnOneLine() {
        InboundMail mail = read(HEAD.replace("Subject: Laporan", "Subject: " + "panjang\r\n ".repeat(100)) + "\n" + REPORT_TEXT);
        assertEquals(MailKind.REPORT, mail.kind());
        assertTrue(mail.subject().length() <= InboundMailReader.MAX_SUBJECT_CHARS);
        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r"));
    }

    @Test
    void aTenMegabyteSubjectIsPastTheHeaderBound() {
        InboundMail mail = read(HEAD.replace("Subject: Laporan", "Subject: " + "s".repeat(TEN_MB)) + "\n" + REPORT_TEXT);
        assertEquals(MailKind.UNREADABLE, mail.kind());
        assertEquals("header pesan melebihi batas 2,0 MB (hub.mail.max-header-bytes)", mail.kindReason());
        assertTrue(mail.subject().length() <= InboundMailReader.MAX_SUBJECT_CHARS, "what was read of it, kept short");
    }

    @Test
    void aTenMegabyteSingleLineIsCutToTheDescriptionBound() {
        String line = "Uraian: " + "kampanye ".repeat(TEN_MB / 9);
        InboundMail plain = read(HEAD + "\nNIP Terlapor: 197803122003121004\n" + line);
        assertEquals(MailKind.REPORT, plain.kind());
        assertEquals(InboundMailReader.MAX_TEXT_CHARS, plain.text().length());
        String description = MailCorpus.extractor().fields(plain).get("uraian");
        assertTrue(description.length() <= InboundMailReader.MAX_TEXT_CHARS, "uraian of " + description.length());

        InboundMail html = read(HEAD + "Content-Type: text/html; charset=utf-8\n\n<p>" + line + "</p>");
        assertEquals(MailKind.REPORT, html.kind());
        assertEquals(InboundMailReader.MAX_TEXT_CHARS, html.text().length());
    }

    @Test
    void htmlNestedAHundredThousandDeepIsReadAsText() {
        String html = "<div>".repeat(100_000) + "Uraian: kampanye" + "</div>".repeat(100_000);
        InboundMail mail = read(HEAD + "Content-Type: text/html; charset=utf-8\n\n" + html);
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("Uraian: kampanye", mail.text());
    }

    @Test
    void nulBytesAndControlCharactersReachNoTextOfTheMail() {
        String nul = "\u0000";
        String raw = "From: \"Pel" + nul + "apor\u0007\" <pelapor@pelapor.example>\nTo: pengaduan@bawaslu.example\n"
                + "Subject: Lapo" + nul + "ran\u001b[31m\nDate: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <nul@pelapor.example>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\nContent-Type: text/plain; charset=utf-8\n\nNIP Terlapor: 197803122003121004\nUraian: kam" + nul + "panye\u0008 di desa\n"
                + "--m\nContent-Type: text/html; charset=utf-8\nContent-Disposition: inline\n\n<p>ba" + nul + "lai</p>\n"
                + "--m\nContent-Type: image/jpeg\nContent-Disposition: attachment; filename=\"fo" + nul + "to.jpg\"\n\nx\n--m--\n";
        InboundMail mail = read(raw);
        assertEquals(MailKind.REPORT, mail.kind());
        for (String text : new String[] {mail.text(), mail.subject(), mail.fromName(), mail.attachments().get(0).name()}) {
            assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n'), "control character in \"" + text + "\"");
        }
        assertTrue(mail.text().contains("kampanye di desa"), mail.text());
        assertEquals("foto.jpg", mail.attachments().get(0).name());
        assertFalse(MailCorpus.extractor().fields(mail).get("uraian").contains(nul));
    }

    @Test
    void aQuoteInTheDisplayNameStillGivesTheAddress() {
        for (String from : List.of("\"Pel\"apor\" <pelapor@pelapor.example>", "Pel\"apor <pelapor@pelapor.example>",
                "\"Pelapor <pelapor@pelapor.example>")) {
            InboundMail mail = read(HEAD.replace("From: Pelapor <pelapor@pelapor.example>", "From: " + from) + "\n" + REPORT_TEXT);
            assertEquals(MailKind.REPORT, mail.kind(), from);
            assertEquals("pelapor@pelapor.example", mail.fromAddress(), from);
        }
    }

    @Test
    void anEncodedLineBreakInTheDisplayNameStaysInsideIt() {
        String from = "=?UTF-8?Q?Pelapor=0D=0ABcc=3A_korban=40korban.example?= <pelapor@pelapor.example>";
        InboundMail mail = read(HEAD.replace("From: Pelapor <pelapor@pelapor.example>", "From: " + from) + "\n" + REPORT_TEXT);
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("pelapor@pelapor.example", mail.fromAddress());
        assertEquals("Pelapor Bcc: korban@korban.example", mail.fromName());
    }

    @Test
    void anUnencodedColonInAnEncodedDisplayNameStillGivesTheAddress() {
        // Not RFC 2047 (a ':' must be encoded there): the parser reads a group, and the address is taken from its brackets.
        String from = "=?UTF-8?Q?Pelapor=0D=0ABcc:_korban@korban.example?= <pelapor@pelapor.example>";
        InboundMail mail = read(HEAD.replace("From: Pelapor <pelapor@pelapor.example>", "From: " + from) + "\n" + REPORT_TEXT);
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("pelapor@pelapor.example", mail.fromAddress());
    }

    @Test
    void notesAreBounded() {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"m\"\n\n")
                .append("--m\nContent-Type: text/plain\n\n").append(REPORT_TEXT);
        for (int i = 0; i < 15; i++) {
            sb.append("--m\nContent-Type: multipart/mixed; boundary=\"hilang").append(i).append("\"\n\n--lain\n\nx\n");
        }
        sb.append("--m--\n");
        List<String> notes = read(sb.toString()).notes();
        assertEquals(PartWalker.MAX_NOTES + 1, notes.size());
        assertEquals("dan 5 catatan lain", notes.get(PartWalker.MAX_NOTES));
    }

    private static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8);
    }
}
