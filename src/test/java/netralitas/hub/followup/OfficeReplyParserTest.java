package netralitas.hub.followup;

import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.InboundMailReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replies of src/test/resources/followup-replies, in the shapes real mail clients give them (Outlook desktop and
 * web, Gmail in Indonesian and English, Thunderbird, Apple Mail), read as the hub reads a message of its mailbox
 * ({@link InboundMailReader}) and then parsed. Each quotes the case mail, whose example status lines must not count.
 */
class OfficeReplyParserTest {

    private static final InboundMailReader READER = new InboundMailReader(10L * 1024 * 1024, ZoneId.of("Asia/Jakarta"));
    private final OfficeReplyParser parser = new OfficeReplyParser();

    @Test
    void outlookDesktopInIndonesianCutsAtItsHeaderBlock() throws IOException {
        InboundMail mail = read("01-outlook-desktop-id.eml");
        OfficeReply.Answer answer = parser.parse(mail.ownText()).general();
        assertEquals(FollowUpStatus.SELESAI, answer.status());
        assertEquals("Hukuman disiplin sedang berupa pemotongan tunjangan kinerja 25% selama 6 bulan (Keputusan Bupati"
                + " Kepahiang Nomor 800/123/BKPSDM/2024)", answer.sanction());
        assertEquals("Pemeriksaan selesai tanggal 8 November 2024.", answer.note());
        assertEquals(List.of("<NH-20241005-3QF8K0ZD@netralitas.bawaslu.example>"), mail.inReplyTo());
        assertEquals(List.of("<NH-20241005-3QF8K0ZD@netralitas.bawaslu.example>"), mail.references());
    }

    @Test
    void outlooksOriginalMessageSeparatorEndsTheOwnText() throws IOException {
        OfficeReply.Answer answer = parse("02-outlook-original-message-en.eml").general();
        assertEquals(FollowUpStatus.DIPROSES, answer.status(), "STATUS : diproses");
        assertEquals("ASN yang bersangkutan dipanggil untuk pemeriksaan pada 18 November 2024 oleh Inspektorat.",
                answer.note(), "a note goes on until a blank line");
        assertNull(answer.sanction(), "the quoted example's Sanksi line is not the office's");
    }

    @Test
    void outlookOnTheWebHtmlOnlyLeavesOutItsReplyHeaderAndTheOriginal() throws IOException {
        InboundMail mail = read("03-outlook-web-html.eml");
        assertTrue(mail.text().contains("Status: SELESAI"), "the report text still has the whole message");
        OfficeReply.Answer answer = parser.parse(mail.ownText()).general();
        assertEquals(FollowUpStatus.TIDAK_TERBUKTI, answer.status());
        assertEquals("Terlapor terbukti tidak hadir di lokasi; foto bukan pada tanggal kejadian.", answer.note());
        assertNull(answer.sanction());
    }

    @Test
    void gmailInIndonesianWithItsAttributionWrappedOverTwoLines() throws IOException {
        OfficeReply reply = parse("04-gmail-id.eml");
        assertEquals(FollowUpStatus.DIPROSES, reply.general().status(), "*Status:* DIPROSES, bold in plain text");
        assertEquals("sudah kami teruskan ke Inspektorat untuk pemeriksaan.", reply.general().note());
        assertNull(reply.general().sanction());
        assertEquals(List.of("*Status:* DIPROSES", "Keterangan: sudah kami teruskan ke Inspektorat untuk pemeriksaan.",
                "Salam"), OfficeReplyParser.ownLines(read("04-gmail-id.eml").ownText()).stream()
                .filter(line -> !line.isBlank()).toList());
    }

    @Test
    void gmailHtmlOnlyInEnglishLeavesOutGmailQuote() throws IOException {
        InboundMail mail = read("05-gmail-en-html-only.eml");
        OfficeReply reply = parser.parse(mail.ownText());
        assertEquals(FollowUpStatus.DITERIMA, reply.general().status(), "status : diterima, lower case, a no-break space");
        assertNull(reply.general().sanction());
    }

    @Test
    void thunderbirdBottomPostedBelowTheQuote() throws IOException {
        OfficeReply.Answer answer = parse("06-thunderbird-bottom-post.eml").general();
        assertEquals(FollowUpStatus.TIDAK_TERBUKTI, answer.status(), "Status:   tidak   terbukti");
        assertEquals("yang bersangkutan telah mengundurkan diri sebagai ASN sebelum penetapan calon.", answer.note());
    }

    @Test
    void appleMailWithBulletsAndWordsAfterTheStatus() throws IOException {
        OfficeReply.Answer answer = parse("07-apple-mail.eml").general();
        assertEquals(FollowUpStatus.SELESAI, answer.status(), "Selesai, sanksi sudah dijatuhkan");
        assertEquals("penurunan jabatan setingkat lebih rendah selama 12 bulan", answer.sanction());
    }

    @Test
    void aStatusOnlyInTheQuotedOriginalIsIgnored() throws IOException {
        OfficeReply reply = parse("08-no-status-line.eml");
        assertNull(reply.general().status());
        assertNull(reply.general().statusText());
        assertNull(reply.general().sanction());
        assertEquals("Terima kasih, laporan sudah kami terima dan akan kami teruskan kepada Inspektorat Kabupaten Lebong"
                + " untuk diperiksa.", reply.excerpt());
    }

    @Test
    void anUnknownStatusWordIsKeptAsTextAndCountsAsNone() throws IOException {
        OfficeReply.Answer answer = parse("09-unknown-status.eml").general();
        assertNull(answer.status());
        assertEquals("SEDANG DIPERIKSA", answer.statusText());
        assertEquals("menunggu jadwal sidang tim pemeriksa.", answer.note());
    }

    @Test
    void aReplyToADigestAnswersEachCaseInItsBlock() throws IOException {
        OfficeReply reply = parse("10-digest-reply.eml");
        assertNull(reply.general().status(), "no status outside the blocks");
        assertEquals(3, reply.perCase().size());
        OfficeReply.Answer first = reply.about("NH-20241020-A1B2C3D4");
        assertEquals(FollowUpStatus.SELESAI, first.status());
        assertEquals("teguran lisan", first.sanction());
        assertEquals(FollowUpStatus.DIPROSES, reply.about("NH-20241021-E5F6G7H8").status(), "a case id in lower case");
        OfficeReply.Answer third = reply.about("NH-20241022-J9K0M1N2");
        assertEquals(FollowUpStatus.TIDAK_TERBUKTI, third.status());
        assertEquals("foto diambil sebelum masa kampanye.", third.note());
        assertNull(reply.about("NH-20241023-ZZZZZZZZ").status(), "a case no block names gets the general lines");
    }

    @Test
    void aTopPostAboveAWrappedEnglishAttribution() throws IOException {
        InboundMail mail = read("11-gmail-en-top-post-wrapped.eml");
        assertEquals(FollowUpStatus.DIPROSES, parser.parse(mail.ownText()).general().status());
        assertEquals(List.of("<NH-20241005-3QF8K0ZD@netralitas.bawaslu.example>",
                "<reminder-1.NH-20241005-3QF8K0ZD@netralitas.bawaslu.example>"), mail.references());
    }

    @Test
    void outlookDesktopHtmlWithoutPlainTextCutsAtItsHeaderBlock() {
        String html = "<html><body><div class=WordSection1><p class=MsoNormal>Sudah kami terima, terima kasih.</p>"
                + "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal>"
                + "<b>From:</b> Netralitas Hub &lt;netralitas-hub@bawaslu.example&gt;<br><b>Sent:</b> Monday, November 11,"
                + " 2024 10:00 AM<br><b>To:</b> BKPSDM<br><b>Subject:</b> [NETRALITAS ASN][BERAT] NH-20241005-3QF8K0ZD</p>"
                + "</div><p class=MsoNormal>Status: SELESAI</p></div></body></html>";
        OfficeReply reply = parser.parse(netralitas.hub.inbox.HtmlText.ownText(html));
        assertNull(reply.general().status(), "Outlook quotes without marks: the header block ends the own text");
        assertEquals("Sudah kami terima, terima kasih.", reply.excerpt());
    }

    @Test
    void outlookForMacAndYahooShapes() {
        assertNull(parser.parse("Diterima.\n\nFrom: Netralitas Hub <netralitas-hub@bawaslu.example>\nDate: Monday, 11"
                + " November 2024 at 10:00\nTo: BKPSDM <bkpsdm@pemda.example>\nSubject: Re: kasus\n\nStatus: SELESAI\n")
                .general().status());
        assertEquals(FollowUpStatus.DIPROSES, parser.parse("Status: DIPROSES\n\nOn Monday, November 11, 2024 at"
                + " 10:00:00 AM GMT+7, Netralitas Hub <netralitas-hub@bawaslu.example> wrote:\n\nStatus: SELESAI\n")
                .general().status());
        assertNull(parser.parse("Pada Sen, 11 Nov 2024 10.00, Netralitas Hub <hub@bawaslu.example> menulis:\n"
                + "Status: SELESAI\n").general().status(), "an attribution with the original unmarked below it");
    }

    @Test
    void statusLinesOneGeneralBlockAppliesToEveryCase() {
        OfficeReply reply = parser.parse("Status: selesai\nSanksi: teguran tertulis\n\nSalam,\nBKPSDM");
        assertEquals(FollowUpStatus.SELESAI, reply.about("NH-20241020-A1B2C3D4").status());
        assertEquals("teguran tertulis", reply.about("NH-20241021-E5F6G7H8").sanction());
    }

    @Test
    void theFirstStatusLineOfABlockCounts() {
        OfficeReply reply = parser.parse("Status: DIPROSES\nStatus: SELESAI\n");
        assertEquals(FollowUpStatus.DIPROSES, reply.general().status());
    }

    @Test
    void aNegatedStatusIsNoStatus() {
        assertNull(parser.parse("Status: belum selesai").general().status());
        assertNull(parser.parse("Status: tidak diproses").general().status());
        assertEquals(FollowUpStatus.TIDAK_TERBUKTI, parser.parse("Status: TIDAK_TERBUKTI.").general().status());
    }

    @Test
    void anOwnLineThatMerelyEndsInMenulisIsKept() {
        OfficeReply reply = parser.parse("Berikut yang kami tulis dan Kepala Dinas menulis:\nStatus: DIPROSES");
        assertEquals(FollowUpStatus.DIPROSES, reply.general().status());
    }

    @Test
    void theExcerptIsBounded() {
        OfficeReply reply = parser.parse("kata ".repeat(200));
        assertEquals(OfficeReplyParser.EXCERPT_CHARS + 1, reply.excerpt().length());
        assertTrue(reply.excerpt().endsWith("…"));
    }

    private OfficeReply parse(String file) throws IOException {
        return parser.parse(read(file).ownText());
    }

    static InboundMail read(String file) throws IOException {
        try (InputStream in = OfficeReplyParserTest.class.getResourceAsStream("/followup-replies/" + file)) {
            if (in == null) {
                throw new IOException("no fixture " + file);
            }
            InboundMail mail = READER.read(in.readAllBytes());
            assertTrue(mail.isReport(), file + " read as " + mail.kind() + ": " + mail.kindReason());
            return mail;
        }
    }
}
