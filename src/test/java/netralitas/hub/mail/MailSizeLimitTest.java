package netralitas.hub.mail;

import netralitas.hub.inbox.EvidenceFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailSizeLimitTest {

    private static final String TEXT = "Uraian kejadian. ".repeat(1000);
    private static final String HTML = "<p>Uraian kejadian.</p>".repeat(1000);

    @Test
    void aMailThatFitsKeepsItsFiles() {
        List<EvidenceFile> files = List.of(file("a.jpg", 300_000), file("b.jpg", 300_000));
        assertSame(files, new MailSizeLimit(1_000_000).fit(TEXT, HTML, files));
    }

    @Test
    void theSmallestFilesThatFitAreKeptInTheirOrderAndTheOthersWithheld() {
        List<EvidenceFile> files = List.of(file("foto-1.jpg", 300_000), file("surat.pdf", 2_000),
                file("video.mp4", 350_000), file("foto-2.jpg", 250_000), file("foto-3.jpg", 360_000));
        MailSizeLimit limit = new MailSizeLimit(1_000_000);

        List<EvidenceFile> fitted = limit.fit(TEXT, HTML, files);

        assertEquals(files.stream().map(EvidenceFile::name).toList(), fitted.stream().map(EvidenceFile::name).toList());
        assertEquals(List.of(false, false, true, false, true), fitted.stream().map(EvidenceFile::withheld).toList());
        assertNull(fitted.get(2).content(), "a withheld file keeps no content");
        assertEquals(350_000, fitted.get(2).size(), "its size is still named in the mail");
        assertEquals(2, MailSizeLimit.withheld(fitted));
        assertTrue(MailSizeLimit.HEADER_ALLOWANCE + MimeMail.partsSize(TEXT, HTML, fitted) <= limit.maxBytes());
        assertSame(fitted, limit.fit(TEXT, HTML, fitted), "asked again, it fits");
    }

    @Test
    void aFileWithheldForItsOwnSizeTakesNoRoomAndIsNotCountedTwice() {
        List<EvidenceFile> files = List.of(new EvidenceFile("besar.mp4", "video/mp4", 20_000_000, null, true),
                file("foto.jpg", 600_000), file("foto-2.jpg", 600_000));

        List<EvidenceFile> fitted = new MailSizeLimit(1_000_000).fit(TEXT, HTML, files);

        assertEquals(List.of(true, false, true), fitted.stream().map(EvidenceFile::withheld).toList());
    }

    @Test
    void aMailTooLargeWithoutAnyFileIsLeftAsItIs() {
        List<EvidenceFile> files = List.of(new EvidenceFile("besar.mp4", "video/mp4", 20_000_000, null, true));
        String longText = "x".repeat(200_000);
        assertSame(files, new MailSizeLimit(100_000).fit(longText, longText, files));
        assertSame(List.<EvidenceFile>of(), new MailSizeLimit(100_000).fit(longText, longText, List.of()));
    }

    @Test
    void theQuickBoundOfTheTextsIsNeverBelowTheirExactSize() {
        for (String text : List.of("", "Uraian kejadian. ".repeat(500), "—é€ü".repeat(3000), "=".repeat(10_000),
                "\uD83D\uDE00".repeat(2000))) {
            assertTrue(MailSizeLimit.textsAtMost(text, text) >= MimeMail.partsSize(text, text, List.of()),
                    text.length() + " characters");
        }
    }

    @Test
    void theLimitIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> new MailSizeLimit(0));
    }

    private static EvidenceFile file(String name, int size) {
        return new EvidenceFile(name, "image/jpeg", size, new byte[size], false);
    }
}
