package netralitas.hub.cases;

import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParkedCasesTest {

    @Test
    void aParkedCaseKeepsItsEvidenceAndWhatWasLeftOut(@TempDir Path dir) throws Exception {
        Report report = new Report(ReportSource.email("<p@pelapor.example>"), null, LocalDate.of(2024, 10, 5),
                "197803122003121004", null, null, null, SubjectType.ASN, null, null, null, "uraian", null, List.of(), null, null);
        ViolationCase parked = new ViolationCase("NH-20241005-PARKIR01", report);
        AttachmentsLeftOut leftOut = new AttachmentsLeftOut(7, 7_000, List.of("foto-21.jpg"), 20, 1, 1024);
        parked.attachEvidence(List.of(new EvidenceFile("foto-1.jpg", "image/jpeg", 1, new byte[] {1}, false)), leftOut);

        ParkedCases store = new ParkedCases(dir, Clock.systemUTC());
        ViolationCase read;
        try (InputStream in = Files.newInputStream(store.park(parked, "uji"))) {
            read = store.read(in);
        }
        assertEquals(leftOut, read.getEvidenceLeftOut());
        assertEquals("foto-1.jpg", read.getEvidenceFiles().get(0).name());
    }
}
