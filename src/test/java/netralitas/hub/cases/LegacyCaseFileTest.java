package netralitas.hub.cases;

import netralitas.hub.region.Region;
import netralitas.hub.region.RegionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static netralitas.hub.cases.CaseAssertions.assertSameCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the importer admits and refuses; the cases release 0.1 really wrote are read by {@link LegacyFixtureTest}. */
class LegacyCaseFileTest {

    @Test
    void aCaseFileAsRelease01WroteItIsReadBackWhole(@TempDir Path dir) throws IOException {
        ViolationCase filled = CaseJsonTest.filledCase();
        // Release 0.1's ParkedCases.park: a plain ObjectOutputStream of the case.
        Path file = serialized(dir.resolve(filled.getCaseId() + ".case"), filled);
        assertSameCase(filled, LegacyCaseFile.readCaseFile(file));
    }

    @Test
    void aDigestPayloadIsGzippedSerialization() throws IOException {
        ViolationCase minimal = CaseJsonTest.minimalCase();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(minimal);
        }
        assertSameCase(minimal, LegacyCaseFile.readDigestPayload(bytes.toByteArray(), minimal.getCaseId()));
    }

    @Test
    void aClassNoCaseHoldsIsRefusedByName(@TempDir Path dir) throws IOException {
        Map<String, String> planted = new HashMap<>();
        planted.put("caseId", "NH-20241005-PARKIR01");
        Path file = serialized(dir.resolve("NH-20241005-PARKIR01.case"), planted);
        IOException refused = assertThrows(IOException.class, () -> LegacyCaseFile.readCaseFile(file));
        assertEquals("Case file " + file + " cannot be imported: class java.util.HashMap, which no case holds (only the"
                + " hub's own classes, the JDK's immutable collections, LocalDate and arrays of primitives are read)",
                refused.getMessage());
    }

    @Test
    void objectsNestedDeeperThanAnyCaseAreRefused(@TempDir Path dir) throws IOException {
        Object[] nested = new Object[1];
        Object[] inner = nested;
        for (int level = 0; level < LegacyCaseFile.MAX_DEPTH + 5; level++) {
            Object[] next = new Object[1];
            inner[0] = next;
            inner = next;
        }
        Path file = serialized(dir.resolve("deep.case"), nested);
        String message = assertThrows(IOException.class, () -> LegacyCaseFile.readCaseFile(file)).getMessage();
        assertTrue(message.endsWith("cannot be imported: objects nested deeper than 20 levels, which no case is"), message);
    }

    @Test
    void aCollectionLargerThanAnyCaseHoldsIsRefused(@TempDir Path dir) throws IOException {
        Path file = serialized(dir.resolve("wide.case"), new Object[(int) LegacyCaseFile.MAX_ELEMENTS + 1]);
        String message = assertThrows(IOException.class, () -> LegacyCaseFile.readCaseFile(file)).getMessage();
        assertTrue(message.endsWith("a collection of 100001 elements (at most 100000)"), message);
    }

    @Test
    void anArrayOfObjectsOtherThanTheCollectionsIsRefused(@TempDir Path dir) throws IOException {
        Path file = serialized(dir.resolve("strings.case"), new String[] {"a"});
        String message = assertThrows(IOException.class, () -> LegacyCaseFile.readCaseFile(file)).getMessage();
        assertTrue(message.endsWith("an array of java.lang.String, which no case holds"), message);
    }

    @Test
    void aHubObjectThatIsNotACaseIsRefused(@TempDir Path dir) throws IOException {
        Path file = serialized(dir.resolve("region.case"), new Region("17.08", "Kabupaten Kepahiang", RegionType.KABUPATEN,
                "17", "a@pemda.example", "b@pemda.example", "c@bawaslu.example"));
        assertEquals("Case file " + file + " holds a netralitas.hub.region.Region, not a case",
                assertThrows(IOException.class, () -> LegacyCaseFile.readCaseFile(file)).getMessage());
    }

    @Test
    void bytesThatAreNotSerializationAreNamedWithTheirSource(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("NH-20241005-TEKS0001.case"), "{\"format\": 1}");
        String message = assertThrows(IOException.class, () -> LegacyCaseFile.readCaseFile(file)).getMessage();
        assertTrue(message.startsWith("Case file " + file + " is not a case written by release 0.1"), message);

        String notGzip = assertThrows(IOException.class,
                () -> LegacyCaseFile.readDigestPayload(new byte[] {1, 2, 3}, "NH-20241005-TEKS0001")).getMessage();
        assertTrue(notGzip.startsWith("Digest queue row NH-20241005-TEKS0001 is not a gzip-compressed case"), notGzip);
    }

    private static Path serialized(Path file, Object object) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(object);
        }
        return file;
    }
}
