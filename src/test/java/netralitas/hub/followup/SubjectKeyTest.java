package netralitas.hub.followup;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.region.RegionType;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who a case is about, for related reports (SPEC §12). */
class SubjectKeyTest {

    private static final Region LEBONG = new Region("17.07", "Kabupaten Lebong", RegionType.KABUPATEN, "17",
            "bkpsdm.kab-lebong@pemda.example", "inspektorat.kab-lebong@pemda.example", "bawaslu.kab-lebong@bawaslu.example");

    @Test
    void theNipNamesThePersonWhateverTheNameSays() {
        assertEquals("nip:199001012015031001", SubjectKey.of(reported("199001012015031001", "Budi", LEBONG)));
        assertEquals("nip:199001012015031001", SubjectKey.of(reported("199001012015031001", "Budi Santoso, S.Pd.", null)));
    }

    @Test
    void withoutNipTheNormalisedNameAndTheRegion() {
        assertEquals("name:h ahmad syarif s pd|17.07", SubjectKey.of(reported(null, "H. Ahmad  Syarif, S.Pd.", LEBONG)));
        assertEquals(SubjectKey.of(reported(null, "h ahmad syarif s pd", LEBONG)),
                SubjectKey.of(reported(null, "H. AHMAD SYARIF, S.PD", LEBONG)));
        assertEquals("name:andre|17.07", SubjectKey.of(reported(null, "André", LEBONG)));
    }

    @Test
    void aNameLongerThanAnyPersonsIsCutSoThatTheKeyFitsItsColumn() {
        String key = SubjectKey.of(reported(null, "Nama Sangat Panjang ".repeat(40), LEBONG));
        assertEquals("name:" + "nama sangat panjang ".repeat(10).strip() + "|17.07", key);
        assertTrue(key.length() <= 255, "FOLLOW_UP.subject_key is VARCHAR(255)");
    }

    @Test
    void neitherANipNorANameWithARegionIsNoKey() {
        assertNull(SubjectKey.of(reported(null, "Budi Tanpa NIP", null)));
        assertNull(SubjectKey.of(reported(null, null, LEBONG)));
        assertNull(SubjectKey.of(reported(null, " , ", LEBONG)));
    }

    private static ViolationCase reported(String nip, String name, Region region) {
        Report report = new Report(ReportSource.csv("laporan.csv", 2), null, LocalDate.of(2024, 10, 1), nip, name, null,
                null, SubjectType.ASN, null, null, "BANNER", "Memasang baliho", null, List.of(), null, null);
        ViolationCase violationCase = new ViolationCase("NH-20241001-AAAAAAAA", report);
        violationCase.setRegionResolution(new RegionResolution(region, region == null ? RegionSource.NONE : RegionSource.REPORT_CODE,
                null, null, List.of()));
        return violationCase;
    }
}
