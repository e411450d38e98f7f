package netralitas.hub.mail;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.inbox.HtmlText;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a case mail and a digest ask of the office about the follow-up (SPEC §12): the deadline in the first lines, how
 * to reply in the last paragraph, in Bahasa Indonesia; a related report names the first case.
 */
class FollowUpMailTest {

    private static final String DEADLINE = "Mohon tindak lanjut paling lambat Senin, 30 September 2024 pukul 10.00 WIB.";

    private final CaseEmailRenderer renderer = MailFixtures.renderer(Path.of("config/templates"));

    @Test
    void theDeadlineIsTheFirstLineOfBothParts() {
        RenderedEmail mail = renderer.renderCase(MailFixtures.verifiedCase(), MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertEquals(DEADLINE, mail.text().lines().findFirst().orElseThrow());
        assertTrue(firstLinesOf(HtmlText.toText(mail.html())).contains(DEADLINE), mail.html());
        assertTrue(mail.subject().startsWith("[NETRALITAS ASN][BERAT] NH-20240914-0001 — "),
                "no [TERKAIT] without a related case: " + mail.subject());
    }

    @Test
    void theLastParagraphSaysHowToReplyAndWhatEachStatusMeans() {
        RenderedEmail mail = renderer.renderCase(MailFixtures.verifiedCase(), MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), HtmlText.toText(mail.html()))) {
            String reply = body.substring(body.indexOf("Hormat kami"));
            for (String expected : List.of("balas email ini tanpa mengubah subjeknya", "nomor kasus NH-20240914-0001",
                    "Status: DIPROSES", "Sanksi:", "Keterangan:",
                    "DITERIMA", "email ini sudah diterima dan akan ditindaklanjuti",
                    "pemeriksaan terhadap terlapor sedang berjalan",
                    "SELESAI", "sanksi telah dijatuhkan", "TIDAK TERBUKTI", "pelanggaran tidak terbukti",
                    "Lampirkan salinan surat keputusan penjatuhan sanksi", "Balasan tanpa baris Status dicatat",
                    "paling lambat Senin, 30 September 2024 pukul 10.00 WIB")) {
                assertTrue(reply.contains(expected), expected + " in\n" + reply);
            }
        }
        assertTrue(mail.text().strip().endsWith("paling lambat Senin, 30 September 2024 pukul 10.00 WIB."),
                "the reply paragraph is the mail's last: " + mail.text());
    }

    @Test
    void everyPurposeCarriesTheDeadlineAndTheReplyParagraph() {
        for (MailPurpose purpose : MailPurpose.values()) {
            RenderedEmail mail = renderer.renderCase(MailFixtures.verifiedCase(), purpose, MailFixtures.FOLLOW_UP);
            assertEquals(DEADLINE, mail.text().lines().findFirst().orElseThrow(), purpose.name());
            assertTrue(mail.text().contains("CARA MENANGGAPI") && mail.html().contains("Cara menanggapi"), purpose.name());
        }
    }

    @Test
    void aRelatedReportNamesTheFirstCaseInItsSubjectAndItsFirstLines() {
        FollowUpRequest related = new FollowUpRequest(MailFixtures.FOLLOW_UP.dueAt(), MailFixtures.FOLLOW_UP.zone(),
                "NH-20240912-0F0F0F0F");
        RenderedEmail mail = renderer.renderCase(MailFixtures.verifiedCase(), MailPurpose.BKPSDM_ACTION, related);
        assertTrue(mail.subject().startsWith("[TERKAIT NH-20240912-0F0F0F0F] [NETRALITAS ASN][BERAT] NH-20240914-0001 — "),
                mail.subject());
        String sentence = "Laporan ini terkait dengan kasus NH-20240912-0F0F0F0F yang telah kami sampaikan sebelumnya";
        assertTrue(firstLinesOf(mail.text()).contains(sentence), mail.text());
        assertTrue(firstLinesOf(HtmlText.toText(mail.html())).contains(sentence), mail.html());
        assertTrue(mail.text().contains("sebagai kasus tersendiri"), "nothing is merged");
    }

    @Test
    void aDigestAsksForOneBlockPerCaseStartingWithItsId() {
        ViolationCase a = MailFixtures.verifiedCase();
        ViolationCase b = MailFixtures.notFoundCase();
        for (ViolationCase c : List.of(a, b)) {
            c.setClassification(MailFixtures.ringan());
        }
        RenderedEmail digest = renderer.renderDigest(MailFixtures.kepahiang(), List.of(a, b), LocalDate.of(2024, 9, 15),
                MailFixtures.FOLLOW_UP, Map.of(b.getCaseId(), "NH-20240912-0F0F0F0F"));
        assertEquals("Mohon tindak lanjut setiap kasus di bawah paling lambat Senin, 30 September 2024 pukul 10.00 WIB.",
                digest.text().lines().findFirst().orElseThrow());
        for (String body : List.of(digest.text(), HtmlText.toText(digest.html()))) {
            String reply = body.substring(body.indexOf("Hormat kami"));
            assertTrue(reply.contains("Kasus: <nomor kasus>"), reply);
            assertTrue(reply.contains("Kasus: NH-20240914-0001\n") || reply.contains("Kasus: NH-20240914-0001 "), reply);
            assertTrue(reply.indexOf("Kasus: NH-20240914-0001") < reply.indexOf("Status: DIPROSES"), reply);
            assertTrue(reply.contains("TIDAK TERBUKTI") && reply.contains("satu blok per kasus"), reply);
            // A related case names its first case beside it; the others do not.
            String first = body.substring(body.indexOf("1. NH-20240914-0001"), body.indexOf("2. NH-20240914-0002"));
            String second = body.substring(body.indexOf("2. NH-20240914-0002"), body.indexOf("Hormat kami"));
            assertFalse(first.contains("Terkait"), first);
            assertTrue(second.replaceAll("\\s+", " ").contains(
                    "kasus NH-20240912-0F0F0F0F yang telah kami sampaikan sebelumnya (terlapor yang sama)"), second);
        }
    }

    @Test
    void theDeadlineIsWrittenInTheZoneItIsGivenIn() {
        Instant due = Instant.parse("2024-10-28T03:00:00Z");
        assertEquals("Senin, 28 Oktober 2024 pukul 10.00 WIB", IndonesianDates.formatMoment(due, ZoneId.of("Asia/Jakarta")));
        assertEquals("Senin, 28 Oktober 2024 pukul 11.00 WITA", IndonesianDates.formatMoment(due, ZoneId.of("Asia/Makassar")));
        assertEquals("Senin, 28 Oktober 2024 pukul 12.00 WIT", IndonesianDates.formatMoment(due, ZoneId.of("Asia/Jayapura")));
        assertEquals("Senin, 28 Oktober 2024 pukul 03.00 UTC", IndonesianDates.formatMoment(due, ZoneId.of("UTC")));
        assertEquals("Minggu, 27 Oktober 2024 pukul 23.00 UTC-04:00",
                IndonesianDates.formatMoment(due, ZoneId.of("America/New_York")));
    }

    /** The text before section A: the deadline and the related-case sentence stand there, before the case's facts. */
    private static String firstLinesOf(String body) {
        int facts = body.indexOf("Nomor kasus");
        return (facts < 0 ? body : body.substring(0, facts)).replaceAll("\\s+", " ");
    }
}
