package netralitas.hub.mail;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectLineTest {

    @Test
    void verifiedCaseUsesBknNameWithTitles() {
        assertEquals("[NETRALITAS ASN][BERAT] NH-20240914-0001 — RUDI HARTONO, S.Sos. (198702142010011003) — Kabupaten Kepahiang",
                SubjectLine.forCase(MailFixtures.verifiedCase()));
    }

    @Test
    void notFoundCaseUsesReportedNameAndNipAndDoesNotLookVerified() {
        assertEquals("[NETRALITAS ASN][BERAT] NH-20240914-0002 — Budi Santoso (199001012015031002, NIP tidak terverifikasi)"
                        + " — Kabupaten Kepahiang",
                SubjectLine.forCase(MailFixtures.notFoundCase()));
    }

    @Test
    void noNipCaseSaysTanpaNip() {
        assertEquals("[NETRALITAS ASN][BERAT] NH-20240914-0003 — Ahmad Kades (tanpa NIP) — Kabupaten Kepahiang",
                SubjectLine.forCase(MailFixtures.noNipCase()));
    }

    @Test
    void centralCaseUsesAgencyName() {
        assertEquals("[NETRALITAS ASN][BERAT] NH-20240914-0004 — Dr. SITI AMINAH, M.Pd. (198502022010012002) — Kementerian Agama",
                SubjectLine.forCase(MailFixtures.centralCase()));
    }

    @Test
    void unresolvedRegionSaysSo() {
        ViolationCase c = MailFixtures.notFoundCase();
        c.setRegionResolution(new RegionResolution(null, RegionSource.NONE, null, null, List.of()));
        assertTrue(SubjectLine.forCase(c).endsWith("(199001012015031002, NIP tidak terverifikasi) — wilayah belum diketahui"));
        c.setRegionResolution(null);
        assertTrue(SubjectLine.forCase(c).endsWith("— wilayah belum diketahui"));
    }

    @Test
    void crLfInNameCannotAddAHeader() {
        ViolationCase c = new ViolationCase("NH-20240914-0009", MailFixtures.report(null,
                "Budi\r\nBcc: semua@korban.example\r\nX-Evil: 1", SubjectType.ASN, "uraian"));
        c.setClassification(MailFixtures.ringan());
        String subject = SubjectLine.forCase(c);
        assertFalse(subject.contains("\r") || subject.contains("\n"), subject);
        assertEquals("[NETRALITAS ASN][RINGAN] NH-20240914-0009 — Budi Bcc: semua@korban.example X-Evil: 1 (tanpa NIP) — wilayah belum diketahui",
                subject);
    }

    @Test
    void hugeNameIsBounded() {
        ViolationCase c = new ViolationCase("NH-20240914-0010",
                MailFixtures.report(null, "A".repeat(5000), SubjectType.ASN, "uraian"));
        c.setClassification(MailFixtures.ringan());
        String subject = SubjectLine.forCase(c);
        assertTrue(subject.contains("A".repeat(SubjectLine.MAX_VALUE - 1) + "… (tanpa NIP)"), subject);
        assertFalse(subject.contains("A".repeat(SubjectLine.MAX_VALUE)));
        assertTrue(subject.length() < 250, "length " + subject.length());
    }

    @Test
    void unclassifiedCaseIsMarked() {
        ViolationCase c = new ViolationCase("NH-1", MailFixtures.report(null, "X", SubjectType.ASN, "u"));
        assertTrue(SubjectLine.forCase(c).startsWith("[NETRALITAS ASN][BELUM DIKLASIFIKASI] NH-1 — X (tanpa NIP)"));
    }

    @Test
    void digestSubject() {
        assertEquals("[NETRALITAS ASN][RINGAN] Rekap harian 14 September 2024 — Kabupaten Kepahiang — 3 kasus",
                SubjectLine.forDigest(MailFixtures.kepahiang(), 3, LocalDate.of(2024, 9, 14)));
        assertEquals("[NETRALITAS ASN][RINGAN] Rekap harian 2 Agustus 2024 — Provinsi Bengkulu — 1 kasus",
                SubjectLine.forDigest(MailFixtures.provinsiBengkulu(), 1, LocalDate.of(2024, 8, 2)));
    }
}
