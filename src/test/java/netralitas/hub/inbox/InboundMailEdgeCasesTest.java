package netralitas.hub.inbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundMailEdgeCasesTest {

    private static final String HEAD = "From: Pelapor <pelapor@pelapor.example>\nTo: pengaduan@bawaslu.example\n"
            + "Subject: Laporan\nDate: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <uji@pelapor.example>\nMIME-Version: 1.0\n";

    private static InboundMail read(String raw) {
        return MailCorpus.reader().read(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static InboundMail read(byte[] raw) {
        return MailCorpus.reader().read(raw);
    }

    @Test
    void unknownCharsetFallsBackToUtf8ThenLatin1() {
        byte[] utf8 = concat(HEAD + "Content-Type: text/plain; charset=x-tidak-ada\n\n", "Kafé Lebong".getBytes(StandardCharsets.UTF_8));
        assertEquals("Kafé Lebong", read(utf8).text());
        byte[] latin1 = concat(HEAD + "Content-Type: text/plain; charset=\"x-tidak-ada\"\n\n", "Kafé Lebong".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Kafé Lebong", read(latin1).text());
        byte[] illegalName = concat(HEAD + "Content-Type: text/plain; charset=\"utf 8 ??\"\n\n", "Kafé".getBytes(StandardCharsets.UTF_8));
        assertEquals("Kafé", read(illegalName).text());
    }

    @Test
    void missingCharsetAndUsAsciiLabelAreGuessed() {
        assertEquals("Kafé", read(concat(HEAD + "\n", "Kafé".getBytes(StandardCharsets.UTF_8))).text());
        assertEquals("Kafé", read(concat(HEAD + "Content-Type: text/plain; charset=us-ascii\n\n",
                "Kafé".getBytes(StandardCharsets.UTF_8))).text());
    }

    @Test
    void utf8LabelOnLatin1BytesIsRepaired() {
        assertEquals("Kafé", read(concat(HEAD + "Content-Type: text/plain; charset=utf-8\n\n",
                "Kafé".getBytes(StandardCharsets.ISO_8859_1))).text());
    }

    @Test
    void latin1LabelIsReadAsWindows1252() {
        byte[] body = {'"', (byte) 0x93, 'a', (byte) 0x94, '"', ' ', (byte) 0xE9};
        assertEquals("\"\u201ca\u201d\" é", read(concat(HEAD + "Content-Type: text/plain; charset=iso-8859-1\n\n", body)).text());
    }

    @Test
    void fifteenLevelsOfNestingAreReadWhole() {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        sb.append("--b0\nContent-Type: text/plain\n\nTeks atas\n");
        for (int level = 1; level <= 15; level++) {
            sb.append("--b").append(level - 1).append("\nContent-Type: multipart/mixed; boundary=\"b").append(level).append("\"\n\n");
        }
        sb.append("--b15\nContent-Type: text/plain\n\nTeks terdalam\n");
        for (int level = 15; level >= 0; level--) {
            sb.append("--b").append(level).append("--\n");
        }
        InboundMail mail = read(sb.toString());
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("Teks atas\n\nTeks terdalam", mail.text());
        assertTrue(mail.notes().isEmpty(), mail.notes().toString());
    }

    @Test
    void textAtTheDepthLimitIsStillRead() {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        int levels = MailLimits.DEFAULTS.maxNestingDepth() - 1;
        for (int level = 1; level <= levels; level++) {
            sb.append("--b").append(level - 1).append("\nContent-Type: multipart/mixed; boundary=\"b").append(level).append("\"\n\n");
        }
        sb.append("--b").append(levels).append("\nContent-Type: text/plain\n\nTeks terdalam\n");
        for (int level = levels; level >= 0; level--) {
            sb.append("--b").append(level).append("--\n");
        }
        InboundMail mail = read(sb.toString());
        assertEquals("Teks terdalam", mail.text());
        assertTrue(mail.notes().isEmpty(), mail.notes().toString());
    }

    @Test
    void noFromMeansNoAddressesButStillReadable() {
        InboundMail mail = read("To: pengaduan@bawaslu.example\nSubject: Laporan\nDate: Mon, 21 Oct 2024 10:00:00 +0700\n\nisi laporan\n");
        assertEquals(MailKind.REPORT, mail.kind());
        assertNull(mail.fromAddress());
        assertNull(mail.fromName());
        assertNull(mail.messageId());
        assertEquals("isi laporan", mail.text());
    }

    @Test
    void replyToIsNotReadAndTheFromAddressIsOneLowerCaseAddress() {
        InboundMail mail = read("From: \"Budi\" <Budi.Santoso@Pelapor.Example>, korban@lain.example\n"
                + "Reply-To: Sekretariat <SEKRETARIAT@pelapor.example>, lain@pelapor.example\nSubject: x\n\nisi\n");
        assertEquals("budi.santoso@pelapor.example", mail.fromAddress());
        assertEquals("Budi", mail.fromName());
        assertNull(mail.noReplyReason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "List-Id: Forum ASN <forum-asn.lists.example>   | pesan milis (List-Id)",
            "List-Post: <mailto:forum@lists.example>        | pesan milis (List-Post)",
            "List-Unsubscribe: <https://lists.example/u/1>  | pesan milis (List-Unsubscribe)",
            "Precedence: bulk                               | pesan massal (Precedence: bulk)",
            "Return-Path: <bounces+8812@mailer.example>     | alamat balik otomatis (Return-Path)",
            "Return-Path: <no-reply@bank.example>           | alamat balik otomatis (Return-Path)"})
    void listBulkAndMachineEnvelopesMayNotBeAnswered(String header, String reason) {
        InboundMail mail = read("From: budi@pelapor.example\n" + header + "\nSubject: x\n\nNIP Terlapor: 197803122003121004\n");
        assertEquals(reason, mail.noReplyReason());
    }

    @Test
    void aPersonsReturnPathMayBeAnswered() {
        InboundMail mail = read("Return-Path: <budi@pelapor.example>\nFrom: budi@pelapor.example\nSubject: x\n\nisi\n");
        assertEquals(MailKind.REPORT, mail.kind());
        assertNull(mail.noReplyReason());
    }

    @Test
    void malformedAddressesAreDroppedNotTrusted() {
        InboundMail mail = read("From: tidak ada alamat\nReply-To: \"x\" <a b@c>\nSubject: x\n\nisi\n");
        assertEquals(MailKind.REPORT, mail.kind());
        assertNull(mail.fromAddress());
    }

    @Test
    void brokenBase64AttachmentIsSkippedWithANote() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\nContent-Type: text/plain\n\nisi laporan\n"
                + "--m\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"rusak.jpg\"\n\n"
                + "/9j/4A\n"
                + "--m\nContent-Type: image/png\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"baik.png\"\n\n"
                + "iVBORw0KGgo=\n--m--\n";
        InboundMail mail = read(raw);
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("isi laporan", mail.text());
        assertEquals(List.of("baik.png"), mail.attachments().stream().map(EvidenceFile::name).toList());
        assertEquals(1, mail.notes().size());
        assertTrue(mail.notes().get(0).startsWith("lampiran rusak.jpg tidak dapat dibaca"), mail.notes().get(0));
    }

    @Test
    void unknownTransferEncodingIsReadAsIs() {
        InboundMail mail = read(HEAD + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: x-aneh\n\nisi apa adanya\n");
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("isi apa adanya", mail.text());
    }

    @Test
    void brokenNestedMultipartCostsOnlyThatPart() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"luar\"\n\n"
                + "--luar\nContent-Type: text/plain\n\nisi laporan\n"
                + "--luar\nContent-Type: multipart/mixed; boundary=\"hilang\"\n\n--lain\nContent-Type: text/plain\n\nx\n"
                + "--luar--\n";
        InboundMail mail = read(raw);
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("isi laporan", mail.text());
        assertEquals(1, mail.notes().size());
        assertTrue(mail.notes().get(0).startsWith("bagian MIME rusak diabaikan"), mail.notes().get(0));
    }

    @Test
    void truncatedMessageWithoutEndBoundaryIsStillRead() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n\nisi terpotong";
        InboundMail mail = read(raw);
        assertEquals(MailKind.REPORT, mail.kind());
        assertEquals("isi terpotong", mail.text());
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            InboundMail mail = assertDoesNotThrow(() -> read(bytes));
            assertNotNull(mail.kind());
            assertNotNull(mail.sourceId());
        }
        assertEquals(MailKind.UNREADABLE, read(new byte[0]).kind());
        assertEquals(MailKind.UNREADABLE, MailCorpus.reader().read(null).kind());
        InboundMail noHeaders = read("dies ist keine E-Mail\n\nnur Text\n");
        assertEquals(MailKind.UNREADABLE, noHeaders.kind());
        assertTrue(noHeaders.kindReason().startsWith("bukan pesan email"), noHeaders.kindReason());
    }

    @Test
    void everyTruncationOfTheCorpusIsHandled() {
        for (String file : List.of("07-nested-attachments.eml", "08-forwarded-rfc822.eml", "18-bounce.eml", "24-attachment-path-name.eml",
                "25-windows-1252-html.eml")) {
            byte[] whole = MailCorpus.bytes(file);
            for (int cut = 0; cut < whole.length; cut += 37) {
                byte[] part = java.util.Arrays.copyOf(whole, cut);
                InboundMail mail = assertDoesNotThrow(() -> read(part), file + " cut at " + cut);
                assertNotNull(mail.kind());
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted: auto-generated|balasan otomatis (Auto-Submitted: auto-generated)",
            "Auto-Submitted: auto-replied; owner-email=\"x@pelapor.example\"|balasan otomatis (Auto-Submitted: auto-replied; owner-email=\"x@pelapor.example\")",
            "X-Autoreply: yes|balasan otomatis (X-Autoreply)",
            "X-Autorespond: 1|balasan otomatis (X-Autorespond)",
            "Precedence: bulk|pesan massal atau balasan otomatis (Precedence: bulk)",
            "Precedence: Auto_Reply|pesan massal atau balasan otomatis (Precedence: Auto_Reply)",
            "Precedence: list|pesan massal atau balasan otomatis (Precedence: list)",
            "Return-Path: <>|laporan status pengiriman (bounce, Return-Path: <>)",
            "X-Netralitas-Case-Id: NH-20241008-ABCDEFGH|pesan dari hub sendiri (X-Netralitas-Case-Id)",
    })
    void automatedMailIsNotAReport(String header, String reason) {
        InboundMail mail = read(header + "\n" + HEAD + "\nNIP Terlapor: 197803122003121004\n");
        assertEquals(MailKind.NOT_A_REPORT, mail.kind());
        assertEquals(reason, mail.kindReason());
        assertEquals("", mail.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Balasan Otomatis: Re: [NETRALITAS ASN] Laporan diterima",
            "Automatic reply: Laporan ASN",
            "AutoReply: Laporan ASN",
            "Auto-Reply: Laporan ASN",
            "Out of Office: Laporan ASN",
            "DI LUAR KANTOR: Laporan ASN",
            "Abwesenheitsnotiz: Laporan ASN",
            "=?UTF-8?Q?R=C3=A9ponse_automatique_:_Laporan_ASN?=",
    })
    void autoReplySubjectWithoutAutoReplyHeadersIsNotAReport(String subject) {
        InboundMail mail = read("From: Bawaslu Kabupaten Bungo <oof@bawaslu-bungo.example>\nSubject: " + subject
                + "\nDate: Fri, 08 Nov 2024 09:06:00 +0700\nMessage-ID: <oof@bawaslu-bungo.example>\n\n"
                + "Kantor kami sedang libur hingga 11 November 2024. Wilayah: Kab. Bungo\n");
        assertEquals(MailKind.NOT_A_REPORT, mail.kind());
        assertTrue(mail.kindReason().startsWith("balasan otomatis (Subject: "), mail.kindReason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Laporan balasan otomatis dipakai kampanye",
            "Re: Balasan Otomatis: Laporan ASN",
            "Laporan: ASN mengirim pesan otomatis",
            "Balasan otomatis kampanye oleh camat",
    })
    void reportSubjectMentioningAutoReplyIsStillAReport(String subject) {
        InboundMail mail = read(HEAD.replace("Subject: Laporan", "Subject: " + subject) + "\nNIP Terlapor: 197803122003121004\n");
        assertEquals(MailKind.REPORT, mail.kind(), mail.kindReason());
    }

    @Test
    void systemSendersAreNotReports() {
        InboundMail daemon = read("From: Mail Delivery Subsystem <mailer-daemon@googlemail.example>\nSubject: Delivery Status Notification\n\nx\n");
        assertEquals(MailKind.NOT_A_REPORT, daemon.kind());
        assertEquals("laporan status pengiriman (pengirim MAILER-DAEMON)", daemon.kindReason());
        assertEquals(MailKind.NOT_A_REPORT, read("From: postmaster@pelapor.example\nSubject: x\n\nx\n").kind());
    }

    @Test
    void humanMailWithHarmlessHeadersIsAReport() {
        assertEquals(MailKind.REPORT, read("Auto-Submitted: no\n" + HEAD + "\nisi\n").kind());
        assertEquals(MailKind.REPORT, read("Precedence: normal\nReturn-Path: <pelapor@pelapor.example>\n" + HEAD + "\nisi\n").kind());
    }

    @Test
    void bounceWithABrokenBodyIsStillNotAReport() {
        String raw = "From: MAILER-DAEMON@mail.pelapor.example\nSubject: gagal\nContent-Type: multipart/report; boundary=\"ada\"\n\n--tidak-ada\nrusak";
        InboundMail mail = read(raw);
        assertEquals(MailKind.NOT_A_REPORT, mail.kind());
    }

    @Test
    void messageIdIsNormalised() {
        assertEquals("<tanpa-kurung@pelapor.example>", read("Message-ID: tanpa-kurung@pelapor.example\nSubject: x\n\nx").messageId());
        assertEquals("<dilipat@pelapor.example>", read("Message-ID:\n <dilipat@pelapor.example>\nSubject: x\n\nx").messageId());
        assertNull(read("Message-ID:   \nSubject: x\n\nx").messageId());
        InboundMail blank = read("Message-ID: <>\nSubject: x\n\nx");
        assertNull(blank.messageId());
        assertTrue(blank.sourceId().startsWith("sha256:"));
    }

    @Test
    void subjectIsBoundedAndSingleLine() {
        InboundMail mail = read("From: a@pelapor.example\nSubject: " + "panjang ".repeat(60) + "\n\tlanjutan\n\nx\n");
        assertTrue(mail.subject().length() <= InboundMailReader.MAX_SUBJECT_CHARS);
        assertFalse(mail.subject().contains("\t") || mail.subject().contains("\n"));
        assertNull(read("From: a@pelapor.example\n\nx\n").subject());
    }

    @Test
    void textIsNormalisedAndBounded() {
        InboundMail mail = read(HEAD + "\nbaris satu   \r\nbaris dua\rbaris tiga\u0007\n\n\n\n\n\nakhir");
        assertEquals("baris satu\nbaris dua\nbaris tiga\n\n\nakhir", mail.text());
        InboundMail huge = read(HEAD + "\n" + "kata ".repeat(10_000));
        assertEquals(InboundMailReader.MAX_TEXT_CHARS, huge.text().length());
    }

    @Test
    void textAttachmentIsEvidenceNotBody() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\nContent-Type: text/plain\n\nUraian: isi laporan\n"
                + "--m\nContent-Type: text/plain; name=\"catatan.txt\"\nContent-Disposition: attachment; filename=\"catatan.txt\"\n\n"
                + "NIP Terlapor: 197803122003121004\n--m--\n";
        InboundMail mail = read(raw);
        assertEquals("Uraian: isi laporan", mail.text(), "a body that holds a report is not replaced by the file");
        assertEquals(List.of("catatan.txt"), mail.attachments().stream().map(EvidenceFile::name).toList());
        assertEquals("text/plain", mail.attachments().get(0).contentType());
    }

    @Test
    void csvIsRecognisedByNameOrType() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\nContent-Type: application/vnd.ms-excel; name=\"data.CSV\"\nContent-Disposition: attachment; filename=\"data.CSV\"\n\na;b\n"
                + "--m\nContent-Type: application/csv\nContent-Disposition: attachment\n\nc;d\n"
                + "--m\nContent-Type: text/comma-separated-values; name=\"../x.csv\"\n\ne;f\n--m--\n";
        InboundMail mail = read(raw);
        assertEquals(List.of("data.CSV", "lampiran-2.bin", "x.csv"), mail.csvAttachments().stream().map(CsvAttachment::name).toList());
        assertEquals("c;d", new String(mail.csvAttachments().get(1).content(), StandardCharsets.US_ASCII).strip());
        assertTrue(mail.attachments().isEmpty());
    }

    @Test
    void rfc2047EncodedFileNameIsDecoded() {
        String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n\nisi\n"
                + "--m\nContent-Type: image/jpeg; name=\"=?UTF-8?Q?foto_kafe=CC=81.jpg?=\"\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-8?Q?foto_kaf=C3=A9.jpg?=\"\nContent-Transfer-Encoding: base64\n\n/9j/\n--m--\n";
        assertEquals("foto kafé.jpg", read(raw).attachments().get(0).name());
    }

    @Test
    void rawUtf8AttachmentNameIsReadAsUtf8AndRawLatin1AsBefore() {
        assertEquals("bukti kampanye \u2013 Pak Camat (caf\u00e9).png",
                attachmentNameSentAs("bukti kampanye \u2013 Pak Camat (caf\u00e9).png", StandardCharsets.UTF_8));
        assertEquals("foto caf\u00e9.png", attachmentNameSentAs("foto caf\u00e9.png", StandardCharsets.ISO_8859_1));
        assertEquals("fotogpj.exe", attachmentNameSentAs("foto\u202Egpj.exe", StandardCharsets.UTF_8));
    }

    private static String attachmentNameSentAs(String fileName, java.nio.charset.Charset headerBytes) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes((HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n\nisi\n"
                + "--m\nContent-Type: image/png\nContent-Disposition: attachment; filename=\"").getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(fileName.getBytes(headerBytes));
        raw.writeBytes("\"\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--m--\n".getBytes(StandardCharsets.US_ASCII));
        return read(raw.toByteArray()).attachments().get(0).name();
    }

    private static byte[] concat(String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
