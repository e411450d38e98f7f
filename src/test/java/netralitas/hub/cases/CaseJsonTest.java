package netralitas.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import netralitas.hub.bkn.Employee;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.region.Kanreg;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.region.RegionType;
import netralitas.hub.report.Channel;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static netralitas.hub.cases.CaseAssertions.assertSameCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void aFullyFilledCaseComesBackFieldForField() {
        ViolationCase filled = filledCase();
        assertSameCase(filled, CaseJson.read(CaseJson.write(filled)));
    }

    @Test
    void aMinimalCsvCaseComesBackFieldForField() {
        ViolationCase minimal = minimalCase();
        ViolationCase read = CaseJson.read(CaseJson.write(minimal));
        assertSameCase(minimal, read);
        assertEquals(BknStatus.NO_NIP, read.getBknStatus());
        assertNull(read.getEmployee());
        assertEquals(AttachmentsLeftOut.NONE, read.getEvidenceLeftOut());
    }

    @Test
    void aCaseBknDoesNotKnowStaysNotFound() {
        ViolationCase notFound = minimalCase();
        notFound.notFoundAtBkn();
        assertSameCase(notFound, CaseJson.read(CaseJson.write(notFound)));
    }

    @Test
    void theJsonIsPlainFieldsUnderTheirJavaNames() throws IOException {
        ViolationCase filled = filledCase();
        JsonNode json = PLAIN.readTree(CaseJson.write(filled));

        assertEquals("format", json.fieldNames().next(), "the format number comes first");
        assertEquals(1, json.get("format").intValue());
        assertEquals(List.of("format", "caseId", "report", "bknStatus", "employee", "regionResolution", "classification",
                "evidenceFiles", "evidenceLeftOut", "routingDecision"), names(json));
        assertEquals("NH-20241024-XHRCGTPT", json.get("caseId").textValue());
        assertEquals("2024-10-23", json.at("/report/incidentDate").textValue());
        assertEquals("EMAIL", json.at("/report/source/channel").textValue());
        assertEquals("VERIFIED", json.get("bknStatus").textValue());
        assertEquals("FAJAR NUGROHO", json.at("/employee/nama").textValue());
        assertEquals("KABUPATEN", json.at("/regionResolution/region/type").textValue());
        assertEquals(List.of("15", "16", "17", "19"), texts(json.at("/regionResolution/kanreg/provinceCodes")),
                "a set in code order");
        assertEquals("SEDANG", json.at("/classification/baseSeverity").textValue());
        assertEquals("HIGH", json.at("/routingDecision/priority").textValue());
        byte[] photo = filled.getEvidenceFiles().get(0).content();
        assertEquals(Base64.getEncoder().encodeToString(photo), json.at("/evidenceFiles/0/content").textValue());
        assertTrue(json.at("/evidenceFiles/2").has("withheld") && !json.at("/evidenceFiles/2").has("content"),
                "a withheld file has no content: " + json.at("/evidenceFiles/2"));

        String text = json.toString();
        for (String derived : List.of("displayName", "province", "sha256", "empty", "unnamed", "fullName", "escalated",
                "kanregInbox", "resolved", "centralAgency", "conflict", "notesBesideConflict", "acknowledgementNote",
                "reference", "hasNip", "MAX_NAMES", "NONE")) {
            assertFalse(text.contains("\"" + derived + "\":"), "a derived value is not part of the format: " + derived);
        }
    }

    @Test
    void absentValuesAreLeftOut() throws IOException {
        JsonNode json = PLAIN.readTree(CaseJson.write(minimalCase()));
        assertEquals(List.of("format", "caseId", "report", "bknStatus", "evidenceFiles", "evidenceLeftOut"), names(json));
        assertFalse(json.get("report").has("nip"));
    }

    @Test
    void fieldsOfANewerMinorReleaseAreIgnored() throws IOException {
        ObjectNode json = (ObjectNode) PLAIN.readTree(CaseJson.write(filledCase()));
        json.put("followUpStatus", "DIPROSES");
        ((ObjectNode) json.get("report")).put("channelDetail", "webform");
        ((ObjectNode) json.at("/regionResolution/region")).putObject("contact").put("phone", "0732-21000");
        assertSameCase(filledCase(), CaseJson.read(json.toString()));
    }

    @Test
    void aNewerFormatIsRefusedByNumber() throws IOException {
        ObjectNode json = (ObjectNode) PLAIN.readTree(CaseJson.write(minimalCase()));
        json.put("format", 2);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CaseJson.read(json.toString()));
        assertEquals("Case NH-20241019-DENE9EWD is in JSON format 2, written by a newer release; this release reads"
                + " format 1 and older", refused.getMessage());
    }

    @Test
    void aDocumentWithoutFormatIsNotACase() throws IOException {
        ObjectNode json = (ObjectNode) PLAIN.readTree(CaseJson.write(minimalCase()));
        json.remove("format");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CaseJson.read(json.toString())).getMessage()
                .contains("no valid \"format\""));
    }

    @Test
    void aCaseWithoutIdOrReportIsRefused() throws IOException {
        ObjectNode noId = (ObjectNode) PLAIN.readTree(CaseJson.write(minimalCase()));
        noId.remove("caseId");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CaseJson.read(noId.toString())).getMessage()
                .startsWith("A case's JSON has no caseId"));
        ObjectNode blankId = (ObjectNode) PLAIN.readTree(CaseJson.write(minimalCase()));
        blankId.put("caseId", " ");
        assertThrows(IllegalArgumentException.class, () -> CaseJson.read(blankId.toString()));

        ObjectNode noReport = (ObjectNode) PLAIN.readTree(CaseJson.write(minimalCase()));
        noReport.remove("report");
        assertEquals("Case NH-20241019-DENE9EWD has no report in its JSON",
                assertThrows(IllegalArgumentException.class, () -> CaseJson.read(noReport.toString())).getMessage());
    }

    @Test
    void aValueOfTheWrongKindIsRefusedWithItsPlace() throws IOException {
        ObjectNode json = (ObjectNode) PLAIN.readTree(CaseJson.write(filledCase()));
        ((ObjectNode) json.get("classification")).put("severity", "SANGAT_BERAT");
        String message = assertThrows(IllegalArgumentException.class, () -> CaseJson.read(json.toString())).getMessage();
        assertTrue(message.startsWith("Case NH-20241024-XHRCGTPT cannot be read from its JSON at "), message);
        assertTrue(message.contains("classification") && message.contains("SANGAT_BERAT"), message);
    }

    @Test
    void aVerifiedCaseNeedsItsEmployee() throws IOException {
        ObjectNode json = (ObjectNode) PLAIN.readTree(CaseJson.write(filledCase()));
        json.remove("employee");
        assertEquals("Case NH-20241024-XHRCGTPT is VERIFIED at BKN but its JSON has no employee",
                assertThrows(IllegalArgumentException.class, () -> CaseJson.read(json.toString())).getMessage());
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CaseJson.read("{\"format\": 1, \"caseId\""))
                .getMessage().startsWith("A case's JSON cannot be parsed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CaseJson.read("[1]")).getMessage()
                .contains("must be an object"));
    }

    /**
     * The committed fixture is a case in format 1 as the first release with JSON wrote it: every later release must
     * read it to the same case (SPEC §11, a case parked by one release is read by the next).
     */
    @Test
    void theFormat1FixtureReadsToItsCase() throws IOException {
        String fixture;
        try (InputStream in = CaseJsonTest.class.getResourceAsStream("/state/case-format-1.json")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ViolationCase read = CaseJson.read(fixture);
        assertSameCase(filledCase(), read);
        assertEquals("Dr. FAJAR NUGROHO, S.P.", read.getDisplayName());
        assertEquals(Channel.EMAIL, read.getReport().source().channel());
        assertEquals("INBOX;uid=1;mid=6c3695189893fc2d", read.getReport().source().trailName());
        assertEquals(LocalDate.of(2024, 10, 23), read.getReport().incidentDate());
        assertEquals("17.08", read.getRegionResolution().region().code());
        assertTrue(read.getRegionResolution().conflict(), "reported Kota Bengkulu, employed by Kab. Kepahiang");
        assertEquals(Severity.BERAT, read.getClassification().severity());
        assertEquals(2, read.getClassification().escalationReasons().size());
        assertEquals("40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880",
                read.getEvidenceFiles().get(0).sha256(), "the bytes 0 to 255, decoded from base64");
        assertEquals(1, read.getEvidenceLeftOut().dropped());
        assertEquals(RoutingDecision.Priority.HIGH, read.getRoutingDecision().priority());
    }

    /** An emailed report with everything a case can hold (the dead letter of the release-0.1 fixture, filled out). */
    static ViolationCase filledCase() {
        Report report = new Report(ReportSource.email("<lap-011-wahyu@pelapor.example>", "INBOX;uid=1;mid=6c3695189893fc2d"),
                "011/LP/PB/Kab/17.08/X/2024", LocalDate.of(2024, 10, 23), "198712052011011003", "Fajar Nugroho",
                "Camat Kepahiang", "Pemkab Kepahiang", SubjectType.ASN, "17.71", "Kota Bengkulu", "BANNER",
                "Terlapor memasang spanduk bergambar pasangan calon bupati di pagar kantor kecamatan dan berfoto di"
                        + " depannya. \"Foto\", video & kronologi terlampir — lihat <lampiran>.",
                "Kantor Kecamatan Kepahiang", List.of("https://bukti.example/kph/011-foto.jpg"), "Wahyu Pratama",
                "wahyu.pratama@pelapor.example", true);
        ViolationCase filled = new ViolationCase("NH-20241024-XHRCGTPT", report);
        filled.verified(new Employee("198712052011011003", "FAJAR NUGROHO", "Dr.", "S.P.",
                "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota", "Aktif", "A5EB03E23D2DF6A0E040640A040252AD",
                "Pemerintah Kab. Kepahiang", "A5EB03E23D2DF6A0E040640A040252AD", "Pemerintah Kab. Kepahiang", "5807",
                "Pemerintah Kab. Kepahiang", "KECAMATAN KEPAHIANG", "SEKRETARIAT DAERAH", "Camat Kepahiang",
                "Jabatan Struktural", "III.a", "III/d", "KEPAHIANG", "7", "KANTOR REGIONAL VII PALEMBANG"));
        Region kepahiang = new Region("17.08", "Kabupaten Kepahiang", RegionType.KABUPATEN, "17",
                "bkpsdm.kab-kepahiang@pemda.example", "inspektorat.kab-kepahiang@pemda.example",
                "bawaslu.kab-kepahiang@bawaslu.example");
        Region kotaBengkulu = new Region("17.71", "Kota Bengkulu", RegionType.KOTA, "17",
                "bkpsdm.kota-bengkulu@pemda.example", "inspektorat.kota-bengkulu@pemda.example",
                "bawaslu.kota-bengkulu@bawaslu.example");
        Kanreg palembang = new Kanreg("VII", "Kantor Regional VII BKN", "Palembang", Set.of("16", "15", "17", "19"),
                "kanreg-vii.palembang@bkn.example");
        filled.setRegionResolution(new RegionResolution(kepahiang, RegionSource.BKN, kotaBengkulu, palembang,
                List.of("Laporan menyebut Kota Bengkulu (17.71), data BKN menyebut Kabupaten Kepahiang (17.08).")));
        Category banner = new Category("BANNER", "Memasang spanduk/baliho/alat peraga bakal calon", Severity.SEDANG,
                "SKB 2022 Lampiran II", List.of("spanduk*", "baliho*", "alat peraga kampanye"), false,
                "PP Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, Pasal 5 huruf n");
        filled.setClassification(new Classification(banner, Severity.SEDANG, Severity.BERAT,
                List.of("Jabatan senior (data BKN): Camat Kepahiang", "Uraian menyebut penggunaan fasilitas negara: kantor kecamatan")));
        filled.setRoutingDecision(new RoutingDecision("IMMEDIATE", "bkpsdm.kab-kepahiang@pemda.example",
                "inspektorat.kab-kepahiang@pemda.example,kanreg-vii.palembang@bkn.example", "BKPSDM_ACTION",
                RoutingDecision.Priority.HIGH));
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] notes = "Kronologi:\n09.00 spanduk dipasang\r\n10.30 terlapor berfoto \n".getBytes(StandardCharsets.UTF_8);
        filled.attachEvidence(List.of(
                new EvidenceFile("foto spanduk.jpg", "image/jpeg", everyByte.length, everyByte, false),
                new EvidenceFile("kronologi.txt", "text/plain", notes.length, notes, false),
                new EvidenceFile("video spanduk.mp4", "video/mp4", 9000, null, true)),
                new AttachmentsLeftOut(1, 100, List.of("surat.pdf"), 2, 1, 4096));
        return filled;
    }

    /** A CSV row without NIP, name or register number: nothing but what the hub needs to go on. */
    static ViolationCase minimalCase() {
        Report report = new Report(ReportSource.csv("laporan-oktober.csv", 4), null, LocalDate.of(2024, 10, 19), null,
                null, null, null, SubjectType.ASN, "17.71", null, "SPOUSE_CAMPAIGN", "Ikut membagikan brosur.", null,
                List.of(), null, null);
        return new ViolationCase("NH-20241019-DENE9EWD", report);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.textValue()));
        return texts;
    }
}
