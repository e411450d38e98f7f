package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseIdsTest {

    private static Report report(ReportSource source, String description, String reporter) {
        return new Report(source, "001/LP/2024", LocalDate.of(2024, 10, 5), "198702142010011003", "Rudi Hartono",
                "Kepala Bagian", "Setda", SubjectType.ASN, "17.08", "Kab. Kepahiang", "KAMPANYE_MEDSOS",
                description, "Kepahiang", List.of("https://bukti.example/1.jpg"), reporter, "x@pelapor.example");
    }

    @Test
    void sameContentFromAnotherFileAndLineGetsTheSameId() {
        String a = CaseIds.forReport(report(ReportSource.csv("senin.csv", 2), "Hadir di kampanye", "Sari"));
        String b = CaseIds.forReport(report(ReportSource.csv("selasa.csv", 40), "Hadir di kampanye", "Sari"));
        String c = CaseIds.forReport(report(ReportSource.email("<m1@bawaslu.example>"), "Hadir di kampanye", "Sari"));
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void whitespaceAndCaseOfTheDescriptionDoNotMatter() {
        ReportSource s = ReportSource.csv("a.csv", 2);
        assertEquals(CaseIds.forReport(report(s, "Hadir di kampanye", null)),
                CaseIds.forReport(report(s, "  hadir  DI\r\n kampanye ", null)));
    }

    @Test
    void differentDescriptionGivesADifferentId() {
        ReportSource s = ReportSource.csv("a.csv", 2);
        assertNotEquals(CaseIds.forReport(report(s, "Hadir di kampanye", null)),
                CaseIds.forReport(report(s, "Hadir di kampanye pasangan calon lain", null)));
    }

    @Test
    void fieldsOutsideTheIdentityDoNotChangeIt() {
        ReportSource s = ReportSource.csv("a.csv", 2);
        Report base = report(s, "x", "Sari");
        Report otherReporterAndEvidence = new Report(s, base.registerNumber(), base.incidentDate(), base.nip(),
                base.name(), "jabatan lain", "instansi lain", SubjectType.PPPK, base.regionCode(), base.regionName(),
                base.categoryText(), base.description(), "tempat lain", List.of(), "Orang Lain", "y@pelapor.example");
        assertEquals(CaseIds.forReport(base), CaseIds.forReport(otherReporterAndEvidence));
    }

    @Test
    void formatIsPrefixDateAndEightCrockfordChars() {
        String id = CaseIds.forReport(report(ReportSource.csv("a.csv", 2), "x", null));
        assertTrue(id.matches("NH-20241005-[0-9A-HJKMNP-TV-Z]{8}"), id);
    }

    @Test
    void hashIsTheDocumentedRendering() throws Exception {
        Report r = report(ReportSource.csv("a.csv", 2), " Hadir\tdi  Kampanye ", null);
        String rendering = "registerNumber=001/lp/2024\n"
                + "nip=198702142010011003\n"
                + "name=rudi hartono\n"
                + "regionCode=17.08\n"
                + "regionName=kab. kepahiang\n"
                + "categoryText=kampanye_medsos\n"
                + "incidentDate=2024-10-05\n"
                + "description=hadir di kampanye\n";
        assertEquals(rendering, CaseIds.canonical(r));

        byte[] hash = MessageDigest.getInstance("SHA-256").digest(rendering.getBytes(StandardCharsets.UTF_8));
        String base32 = new BigInteger(1, java.util.Arrays.copyOf(hash, 5)).toString(32);
        StringBuilder expected = new StringBuilder();
        String standard = "0123456789abcdefghijklmnopqrstuv";
        String crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (char ch : String.format("%8s", base32).replace(' ', '0').toCharArray()) {
            expected.append(crockford.charAt(standard.indexOf(ch)));
        }
        assertEquals("NH-20241005-" + expected, CaseIds.forReport(r));
    }

    @Test
    void anEmailIdDependsOnlyOnItsMessageIdAndSendDate() {
        String id = CaseIds.forEmail("<abc@pelapor.example>", LocalDate.of(2024, 10, 21));
        assertTrue(id.matches("NH-20241021-[0-9A-HJKMNP-TV-Z]{8}"), id);
        assertEquals(id, CaseIds.forEmail(" <abc@pelapor.example> ", LocalDate.of(2024, 10, 21)));
        assertNotEquals(id, CaseIds.forEmail("<abd@pelapor.example>", LocalDate.of(2024, 10, 21)));
        assertTrue(CaseIds.forEmail("sha256:00ff", null).startsWith("NH-00000000-"));
    }
}
