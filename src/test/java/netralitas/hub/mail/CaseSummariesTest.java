package netralitas.hub.mail;

import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.followup.CaseSummary;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.report.Channel;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the follow-up keeps of a forwarded case: each text as the case mail states it, never the reporter. */
class CaseSummariesTest {

    @Test
    void eachFieldIsWhatTheCaseMailSays() {
        ViolationCase c = MailFixtures.verifiedCase();
        c.setRoutingDecision(new RoutingDecision("IMMEDIATE", "bkpsdm@kepahiang.example",
                "inspektorat@kepahiang.example,kanreg7@bkn.example", "BKPSDM_ACTION", RoutingDecision.Priority.HIGH));

        CaseSummary s = CaseSummaries.of(c, "laporan-2024-09.csv:12");

        assertEquals("NH-20240914-0001", s.caseId());
        assertEquals(SubjectLine.forCase(c), s.subject());
        assertEquals(CaseView.text(c.getDisplayName()), s.name());
        assertEquals(MailFixtures.rudi().nipBaru(), s.nip(), "BKN's NIP");
        assertEquals("BERAT", s.severity());
        assertEquals(c.getClassification().category().label(), s.category());
        assertEquals("Kabupaten Kepahiang", s.place());
        assertEquals(MailFixtures.INCIDENT, s.incidentDate());
        assertEquals("bkpsdm@kepahiang.example", s.to());
        assertEquals("inspektorat@kepahiang.example,kanreg7@bkn.example", s.cc());
        assertEquals(MailFixtures.kanreg7().id(), s.kanregId());
        assertEquals(Channel.CSV, s.channel());
        assertEquals("laporan-2024-09.csv:12", s.source());
        assertEquals(s, CaseSummary.fromJson(s.toJson()), "read back as written");
    }

    @Test
    void aCaseWithoutRegionNipCategoryOrRoutingSaysSoAsTheCaseMailDoes() {
        ViolationCase c = new ViolationCase("NH-20240914-0009",
                MailFixtures.report(null, "  ", SubjectType.ASN, "Tanpa apa-apa."));
        c.setRegionResolution(new RegionResolution(null, RegionSource.NONE, null, null, List.of()));

        CaseSummary s = CaseSummary.fromJson(CaseSummaries.of(c, null).toJson());

        assertEquals("NH-20240914-0009", s.caseId());
        assertEquals(CaseView.ABSENT, s.name());
        assertEquals(CaseFacts.NO_NIP, s.nip());
        assertEquals(CaseFacts.UNCLASSIFIED.replace('_', ' '), s.severity());
        assertEquals(CaseView.ABSENT, s.category());
        assertEquals(CaseFacts.UNKNOWN_REGION, s.place());
        assertEquals(SubjectLine.forCase(c), s.subject());
        assertNull(s.to());
        assertNull(s.cc());
        assertNull(s.kanregId());
        assertNull(s.source());
        assertFalse(CaseSummaries.of(c, null).toJson().contains("\"to\""), "absent values are left out");
    }

    @Test
    void aCentralAgencyCaseIsPlacedAtItsAgencyWithoutARegion() {
        CaseSummary s = CaseSummaries.of(MailFixtures.centralCase(), null);
        assertEquals(MailFixtures.centralEmployee().instansiKerjaNama().trim(), s.place());
    }

    @Test
    void theJsonHoldsNoReporterIdentityNorTheWholeCase() {
        ViolationCase c = MailFixtures.verifiedCase();
        Report r = c.getReport();
        ViolationCase emailed = new ViolationCase("NH-20240914-0010", new Report(
                ReportSource.email("<CAK123@mail.example>", "INBOX/42/mid-3f2a"), r.registerNumber(),
                r.incidentDate(), r.nip(), r.name(), r.position(), r.agency(), r.subjectType(), r.regionCode(),
                r.regionName(), r.categoryText(), r.description(), r.place(), r.evidence(), r.reporterName(),
                r.reporterContact()));

        for (ViolationCase each : List.of(c, emailed)) {
            String json = CaseSummaries.of(each, "src").toJson();
            assertFalse(json.contains(MailFixtures.REPORTER_NAME), json);
            assertFalse(json.contains("0812-9999-0001"), json);
            assertFalse(json.contains("sri.pelapor"), json);
            assertFalse(json.contains(r.description()), "not the report's text: " + json);
            assertFalse(json.contains("CAK123"), "not the reporter's Message-ID: " + json);
            assertTrue(json.length() < 600, json.length() + " characters: " + json);
        }
    }
}
