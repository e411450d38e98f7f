package netralitas.hub.camel;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.audit.AuditTrail;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.audit.ReporterPseudonym;
import netralitas.hub.testing.MutableClock;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropFolderTest {

    private static final Instant WRITTEN = Instant.parse("2024-10-10T03:00:00Z");

    @TempDir
    Path work;
    private Path drop;
    private final MutableClock clock = MutableClock.jakarta("2024-10-10T03:00:01Z");
    private AuditTrail trail;
    private DropFolder folder;

    @BeforeEach
    void open() throws Exception {
        drop = Files.createDirectories(work.resolve("drop"));
        ChainKey key = ChainKey.of("test-audit-chain-key-0123456789abcdef");
        trail = AuditTrail.open(work.resolve("audit"), clock, key, null);
        folder = new DropFolder(drop, Duration.ofSeconds(60), clock, new AuditRecorder(trail,
                ReporterPseudonym.withKey("test-reporter-key-16"), new MailTrailSource(key)), "ingest-csv");
    }

    @AfterEach
    void close() throws Exception {
        trail.close();
    }

    @Test
    void aYoungFileWhoseLastLineIsCutWaitsForItsWriter() throws Exception {
        Path cut = file("pelan.csv", "uraian,tanggal\nbaliho,2024-10-");
        assertFalse(accept(cut), "cut short and 1 s old");
        clock.advance(Duration.ofSeconds(60));
        assertTrue(accept(cut), "cut short, but untouched for hub.csv.settle-ms: it is what it is");
        assertTrue(accept(file("utuh.csv", "uraian,tanggal\nbaliho,2024-10-01\n")), "complete, however young");
        assertTrue(accept(file("kosong.csv", "")), "empty: the read lock's minimum length decides");
    }

    @Test
    void aSymbolicLinkIsMovedAsideAsTheLinkWithItsReason() throws Exception {
        Path target = Files.writeString(work.resolve("luar.csv"), "uraian\nx\n");
        Path link = Files.createSymbolicLink(drop.resolve("tautan.csv"), target);
        assertFalse(accept(link));

        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        List<Path> failed;
        try (Stream<Path> files = Files.list(drop.resolve("failed"))) {
            failed = files.sorted().toList();
        }
        assertEquals(2, failed.size(), failed.toString());
        assertTrue(Files.isSymbolicLink(failed.get(0)) && failed.get(0).getFileName().toString().startsWith("tautan-20241010-"));
        assertTrue(Files.readString(failed.get(1)).startsWith("bukan berkas biasa melainkan tautan simbolik"));
        assertEquals("uraian\nx\n", Files.readString(target));
        trail.close();
        try (Stream<AuditEvent> events = new AuditLog(work.resolve("audit")).events()) {
            AuditEvent event = events.filter(e -> "REJECTED".equals(e.event().name())).findFirst().orElseThrow();
            assertEquals("tautan.csv", event.source());
        }
    }

    @Test
    void otherNamesAreLeftToTheEndpointsAntInclude() throws Exception {
        Path link = Files.createSymbolicLink(drop.resolve("catatan.txt"), Path.of("/etc/passwd"));
        assertTrue(accept(link));
        assertTrue(Files.isSymbolicLink(link), "not touched");
    }

    @Test
    void aFileThatChangedSinceTheReadLockWasGrantedIsNotSettled() throws Exception {
        Path file = file("tumbuh.csv", "uraian,tanggal\nbaliho,2024-10-01\n");
        DroppedCsv dropped = folder.begin(file.toString());
        assertNull(folder.unsettled(dropped, null, new DefaultCamelContext()));
        Files.writeString(file, "baliho,2024-10-02\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertTrue(folder.unsettled(dropped, null, new DefaultCamelContext()).startsWith("it changed while being read"));
    }

    private Path file(String name, String content) throws Exception {
        Path file = Files.writeString(drop.resolve(name), content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(WRITTEN));
        return file;
    }

    private boolean accept(Path file) {
        return folder.accept(FileConsumer.asGenericFile(drop.toString(), file.toFile(), null, false));
    }
}
