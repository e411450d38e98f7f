package netralitas.hub.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmployeeRecordsTest {

    static final Path CONFIG = Path.of("config");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-31T00:00:00Z"), ZoneOffset.UTC);
    static Employers employers;
    static String instansiCsv;

    @BeforeAll
    static void load() throws IOException {
        employers = Employers.load(CONFIG);
        instansiCsv = Files.readString(CONFIG.resolve("siasn-instansi-daerah.csv"));
    }

    @Test
    void aValidNipGetsARecordOfARealEmployerChosenFromTheNip() {
        EmployeeRecords records = new EmployeeRecords(employers, CLOCK, 0);
        String nip = NipSequence.nip(4_242);
        Map<String, Object> record = records.apply(nip);

        assertNotNull(record);
        assertEquals(nip, record.get("nipBaru"));
        assertEquals(InventedNames.forNip(nip).toUpperCase(), record.get("nama"));
        Employers.Employer employer = employers.forNip(nip);
        assertEquals(employer.instansiId(), record.get("instansiKerjaId"));
        assertEquals(employer.kodeCepat(), record.get("instansiKerjaKodeCepat"));
        assertTrue(instansiCsv.contains(employer.instansiId() + "," + employer.instansiName() + "," + employer.kodeCepat()),
                "employer is a row of siasn-instansi-daerah.csv: " + employer);
        assertEquals("", record.get("eselon"), "nobody senior: no escalation");
        assertEquals(record, records.apply(nip), "same NIP, same record");
    }

    @Test
    void employersAreSpreadOverTheTable() {
        long distinct = java.util.stream.LongStream.range(0, 5_000)
                .mapToObj(i -> employers.forNip(NipSequence.nip(i)).instansiId()).distinct().count();
        assertTrue(distinct > employers.size() * 0.9, distinct + " of " + employers.size());
    }

    @Test
    void everyKanregIsNamed() {
        for (long i = 0; i < 2_000; i++) {
            Employers.Employer employer = employers.forNip(NipSequence.nip(i));
            assertTrue(employer.kanregNumber().matches("\\d+"), employer.toString());
            assertTrue(employer.kanregName().startsWith("KANTOR REGIONAL "), employer.toString());
        }
    }

    @Test
    void anInvalidNipIsNotFound() {
        EmployeeRecords records = new EmployeeRecords(employers, CLOCK, 0);
        assertNull(records.apply("198013012005011001"));
        assertNull(records.apply("12345"));
    }

    @Test
    void theNotFoundShareIsHonoured() {
        assertNull(new EmployeeRecords(employers, CLOCK, 1.0).apply(NipSequence.nip(7)));
        EmployeeRecords tenPercent = new EmployeeRecords(employers, CLOCK, 0.1);
        long missing = java.util.stream.LongStream.range(0, 10_000)
                .filter(i -> tenPercent.apply(NipSequence.nip(i)) == null).count();
        assertTrue(missing > 800 && missing < 1_200, "missing: " + missing);
    }
}
