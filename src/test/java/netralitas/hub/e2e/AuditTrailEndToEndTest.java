package netralitas.hub.e2e;

import netralitas.hub.app.AuditCommand;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.audit.TrailAccess;
import netralitas.hub.state.EmbeddedStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `audit verify` on a trail the running hub wrote: intact, then with one byte changed. */
class AuditTrailEndToEndTest {

    @Test
    void verifyPassesOnARealTrailAndNamesTheLineWhereOneByteChanged(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work).start()) {
            hub.dropAndAwait("laporan.csv", "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
                    + "197803122003121004;2024-10-01;BANNER;Memasang baliho paslon\n"
                    + "199003222015031002;2024-10-02;APPROACH_PARTY;Mendaftar penjaringan di partai\n");
        }
        Path auditDir = work.resolve("data/audit");
        Output ok = verify(work);
        assertEquals(0, ok.exit, ok.err);
        assertTrue(ok.out.startsWith("OK: 10 events"), ok.out);
        assertTrue(ok.out.contains("State store: the trail ends at the state store's head (seq 10)"), ok.out);

        Path file;
        try (Stream<Path> files = Files.list(auditDir)) {
            file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int line = 7;
        String original = lines.get(line - 1);
        int digit = original.indexOf("\"seq\":7") + "\"seq\":".length();
        lines.set(line - 1, original.substring(0, digit) + "8" + original.substring(digit + 1));
        Files.write(file, lines, StandardCharsets.UTF_8);

        Output failed = verify(work);
        assertEquals(1, failed.exit);
        assertTrue(failed.err.contains(file.getFileName() + ":" + line), failed.err);
    }

    private record Output(int exit, String out, String err) {
    }

    /** `audit verify` as an auditor runs it on the stopped hub's folder: the chain key, the state store's head. */
    private static Output verify(Path work) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TrailAccess access = new TrailAccess(ChainKey.of(TestHub.CHAIN_KEY),
                () -> EmbeddedStateFile.readChainHead(work.resolve("data")));
        int exit = new AuditCommand(code -> null, access).run(List.of("verify"), work.resolve("data/audit"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
