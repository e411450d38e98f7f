package netralitas.hub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void blockElementsEndLinesAndParagraphsAreSeparated() {
        assertEquals("Satu\n\nDua\nTiga\n\nEmpat", HtmlText.toText("<p>Satu</p><p>Dua<br>Tiga</p><div>Empat</div>"));
        assertEquals("Satu\nDua", HtmlText.toText("<div>Satu</div><div>Dua</div>"));
        assertEquals("Judul\n\nIsi", HtmlText.toText("<h1>Judul</h1>Isi"));
    }

    @Test
    void listItemsGetADash() {
        assertEquals("Bukti:\n\n- foto\n- video", HtmlText.toText("Bukti:<ul><li>foto</li><li>video</li></ul>"));
    }

    @Test
    void entitiesAreDecodedAndScriptAndStyleDropped() {
        String text = HtmlText.toText("<html><head><title>judul</title><style>p{color:red}</style></head>"
                + "<body><script>alert('x')</script><p>Spanduk &amp; baliho&nbsp;di &lt;pagar&gt; &#8220;desa&#8221;</p></body></html>");
        assertEquals("Spanduk & baliho di <pagar> \u201cdesa\u201d", text);
    }

    @Test
    void boldLabelsReadAsPlainLabels() {
        assertEquals("NIP Terlapor: 198208092006041003\nNama Terlapor: Yudi Prasetyo",
                HtmlText.toText("<b>NIP Terlapor:</b> 198208092006041003<br><strong>Nama Terlapor:</strong>  Yudi   Prasetyo"));
    }

    @Test
    void twoCellRowsBecomeLabelValueLines() {
        String html = "<table><tr><th>NIP Terlapor</th><td>198505172010012007</td></tr>"
                + "<tr><td>Wilayah:</td><td>Kab. Lebong</td></tr>"
                + "<tr><td>Nama Terlapor</td><td>:</td><td>Dewi Kartika Sari</td></tr>"
                + "<tr><td>No</td><td>Nama</td><td>Jabatan</td></tr>"
                + "<tr><td>Catatan saja</td><td></td></tr></table>";
        assertEquals("NIP Terlapor: 198505172010012007\nWilayah: Kab. Lebong\nNama Terlapor: Dewi Kartika Sari\n"
                + "No | Nama | Jabatan\nCatatan saja", HtmlText.toText(html));
    }

    @Test
    void nestedTableInACellStaysReadable() {
        String html = "<table><tr><td>Uraian</td><td>baris satu<br>baris dua</td></tr>"
                + "<tr><td><table><tr><td>Tempat</td><td>Balai desa</td></tr></table></td></tr></table>";
        assertEquals("Uraian: baris satu\nbaris dua\nTempat: Balai desa", HtmlText.toText(html));
    }

    @Test
    void blankLineRunsCollapse() {
        assertEquals("a\n\nb", HtmlText.toText("<p>a</p><p></p><p>&nbsp;</p><br><br><br><p>b</p>"));
    }

    @Test
    void preformattedTextKeepsItsLineBreaks() {
        assertEquals("Nama: Budi\nNIP: 1", HtmlText.toText("<pre>Nama: Budi\nNIP: 1</pre>"));
    }

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() {
        String html = "<div>".repeat(20_000) + "dalam" + "</div>".repeat(20_000);
        assertTrue(HtmlText.toText(html).contains("dalam"));
    }

    @Test
    void emptyAndTagSoupInputs() {
        assertEquals("", HtmlText.toText(null));
        assertEquals("", HtmlText.toText("   "));
        String soup = HtmlText.toText("<p>tidak <b>ditutup <i>sama sekali<div>lagi");
        assertFalse(soup.contains("<"));
        assertTrue(soup.contains("tidak ditutup sama sekali"), soup);
    }

    @Test
    void ownTextLeavesOutWhatAReplyQuotes() {
        assertEquals("Status: SELESAI", HtmlText.ownText("<div>Status: SELESAI</div><div class=\"gmail_quote\">"
                + "<div class=\"gmail_attr\">On Mon wrote:</div><blockquote>Status: DIPROSES</blockquote></div>"));
        assertEquals("Status: DITERIMA\n\nSalam", HtmlText.ownText("<p>Status: DITERIMA</p><blockquote type=\"cite\">"
                + "Status: DIPROSES</blockquote><div>Salam</div>"));
        assertEquals("Status: SELESAI", HtmlText.ownText("<div><div>Status: SELESAI</div><hr><div id=\"divRplyFwdMsg\">"
                + "<b>From:</b> Hub</div></div><div>Status: DIPROSES</div>"), "Outlook's header and all after it");
        assertEquals("Status: DIPROSES", HtmlText.toText("<blockquote>Status: DIPROSES</blockquote>"),
                "a report's text keeps every part");
    }
}
