package netralitas.hub.classify;

import netralitas.hub.nip.NipKind;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which regulations a mail cites and which sanction it asks for, by kind of person, final severity and escalation,
 * with the shipped config/categories.yaml.
 */
class LegalBasisSelectionTest {

    private static final String UU_ASN = "UU Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara, Pasal 2 huruf f";
    private static final String SKB = "SKB 2022: Keputusan Bersama";
    private static final String PP94 = "PP Nomor 94 Tahun 2021";
    private static final String PP42 = "PP Nomor 42 Tahun 2004";
    private static final String PP49 = "PP Nomor 49 Tahun 2018";

    private static CategoryCatalogue catalogue;
    private static LegalBases bases;

    @BeforeAll
    static void load() {
        catalogue = CategoryCatalogue.load(Path.of("config/categories.yaml"));
        bases = catalogue.legalBases();
    }

    @Test
    void regimeComesFromBknThenTheNumberThenTheReport() {
        assertEquals(LegalRegime.PPPK, LegalRegime.of(SubjectType.ASN, NipKind.PNS, "PPPK"), "BKN's record wins");
        assertEquals(LegalRegime.PNS, LegalRegime.of(SubjectType.PPPK, NipKind.PPPK, "PNS Daerah Kab./Kota"));
        assertEquals(LegalRegime.PNS, LegalRegime.of(SubjectType.ASN, null, "CPNS Daerah"));
        assertEquals(LegalRegime.PPPK, LegalRegime.of(SubjectType.ASN, NipKind.PPPK, null), "an NI PPPK reported as ASN");
        assertEquals(LegalRegime.PNS, LegalRegime.of(SubjectType.PPPK, NipKind.PNS, null), "the number's form wins");
        assertEquals(LegalRegime.PPPK, LegalRegime.of(SubjectType.PPPK, null, null));
        assertEquals(LegalRegime.PNS, LegalRegime.of(SubjectType.ASN, null, null));
        assertEquals(LegalRegime.KEPALA_DESA, LegalRegime.of(SubjectType.KEPALA_DESA, NipKind.PNS, "PNS Daerah"));
        assertEquals(LegalRegime.PERANGKAT_DESA, LegalRegime.of(SubjectType.PERANGKAT_DESA, null, null));
    }

    static Stream<Arguments> asnCases() {
        return Stream.of(LegalRegime.PNS, LegalRegime.PPPK).flatMap(regime -> catalogue.all().stream()
                .filter(c -> c.severity() != Severity.BUKAN_PELANGGARAN)
                .flatMap(c -> Stream.of(c.severity(), c.severity().escalate()).distinct()
                        .map(finalSeverity -> Arguments.of(regime, c.code(), finalSeverity))));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("asnCases")
    void anAsnCaseCitesTheAsnLawTheDecreeItsCategoryAndItsFinalSeveritysSanction(LegalRegime regime, String code,
                                                                                   Severity finalSeverity) {
        Category category = catalogue.byCodeOrLabel(code).orElseThrow();
        LegalBasis basis = bases.forCase(regime, new Classification(category, category.severity(), finalSeverity,
                finalSeverity == category.severity() ? List.of() : List.of("Jabatan senior (data BKN): Camat")));
        String all = String.join("\n", basis.all());

        assertEquals(2, basis.general().size(), all);
        assertTrue(basis.general().get(0).startsWith(UU_ASN), all);
        assertTrue(basis.general().get(1).startsWith(SKB), all);
        assertTrue(basis.specific().contains(category.legalBasis()), all);
        if (category.pnsLegalBasis() != null) {
            assertEquals(regime == LegalRegime.PNS, basis.specific().contains(category.pnsLegalBasis()), all);
        }

        boolean moral = finalSeverity == Severity.RINGAN;
        assertEquals(moral, basis.sanction().startsWith("sanksi moral"), basis.sanction());
        assertEquals(!moral, basis.sanction().startsWith("hukuman disiplin " + finalSeverity.name().toLowerCase()), basis.sanction());
        assertEquals(regime == LegalRegime.PNS && moral, all.contains(PP42) || basis.sanction().contains(PP42), all);
        if (regime == LegalRegime.PPPK) {
            assertFalse(all.contains(PP94) || basis.sanction().contains(PP94), "PP 94/2021 does not bind a PPPK:\n" + all);
            assertFalse(all.contains("Pegawai Negeri Sipil"), all);
            assertEquals(!moral, all.contains(PP49) && basis.sanction().contains(PP49), all);
        } else {
            assertFalse(all.contains(PP49), all);
            assertEquals(!moral, all.contains(PP94) && basis.sanction().contains(PP94), all);
        }
    }

    @Test
    void anEscalatedRinganCaseLosesTheMoralSanction() {
        Category campaign = catalogue.byCodeOrLabel("CAMPAIGN_EVENT").orElseThrow();
        Classification escalated = new Classification(campaign, Severity.RINGAN, Severity.SEDANG,
                List.of("Uraian menyebut penggunaan fasilitas negara: mobil dinas"));
        LegalBasis pns = bases.forCase(LegalRegime.PNS, escalated);
        assertEquals("hukuman disiplin sedang berdasarkan PP Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
                pns.sanction());
        assertTrue(pns.all().contains("PP Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, Pasal 8 ayat (3)"
                + " (hukuman disiplin sedang)"), pns.all().toString());
        assertFalse(String.join(" ", pns.all()).contains(PP42), pns.all().toString());
        LegalBasis notEscalated = bases.forCase(LegalRegime.PNS,
                new Classification(campaign, Severity.RINGAN, Severity.RINGAN, List.of()));
        assertTrue(notEscalated.sanction().startsWith("sanksi moral berdasarkan " + PP42), notEscalated.sanction());
        LegalBasis pppk = bases.forCase(LegalRegime.PPPK, escalated);
        assertTrue(pppk.sanction().startsWith("hukuman disiplin sedang berdasarkan ketentuan disiplin PPPK"), pppk.sanction());
    }

    @ParameterizedTest
    @EnumSource(value = LegalRegime.class, names = {"KEPALA_DESA", "PERANGKAT_DESA"})
    void aVillageOfficialGetsTheVillageAndPilkadaLawsOnlyWhateverTheSeverity(LegalRegime regime) {
        for (Category category : catalogue.all()) {
            for (Severity severity : Severity.values()) {
                LegalBasis basis = bases.forCase(regime, new Classification(category, category.severity(), severity, List.of()));
                String all = String.join("\n", basis.all()) + "\n" + basis.sanction();
                assertTrue(all.contains("UU Nomor 6 Tahun 2014 tentang Desa, Pasal " + (regime == LegalRegime.KEPALA_DESA ? "29" : "51")),
                        all);
                assertTrue(all.contains("UU Nomor 10 Tahun 2016"), all);
                assertTrue(basis.sanction().contains("Pasal " + (regime == LegalRegime.KEPALA_DESA ? "30" : "52")), all);
                assertTrue(basis.specific().isEmpty(), all);
                for (String asnWording : List.of("ASN", "Aparatur Sipil", "SKB", "PP Nomor", "BKN", "Pegawai Negeri")) {
                    assertFalse(all.contains(asnWording), category.code() + " " + severity + " cites " + asnWording + ":\n" + all);
                }
            }
        }
    }

    @Test
    void notAViolationAndNotClassifiedAskForNoSanction() {
        Category passive = catalogue.byCodeOrLabel("PASSIVE_ATTENDANCE").orElseThrow();
        LegalBasis closed = bases.forCase(LegalRegime.PNS,
                new Classification(passive, Severity.BUKAN_PELANGGARAN, Severity.BUKAN_PELANGGARAN, List.of()));
        assertNull(closed.sanction());
        assertEquals(List.of(passive.legalBasis()), closed.specific());
        LegalBasis unclassified = bases.forCase(LegalRegime.PPPK, null);
        assertNull(unclassified.sanction());
        assertEquals(unclassified.general(), unclassified.all());
    }
}
