package netralitas.hub.state;

import netralitas.hub.cases.LegacyCaseFile;
import netralitas.hub.cases.ViolationCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The upgrade from release 0.1, which kept parked cases as Java-serialized files ({@code <case id>.case} beside
 * {@code <case id>.reason.txt}) under {@code data/deferred} (and {@code inprogress/} while one was on its way) and
 * {@code data/dead-letter} (and {@code replay/} once the command queued one). At start, each is read with
 * {@link LegacyCaseFile}, parked in {@link ParkedCaseTable} with its reason and the time it was parked, and its files
 * are moved under {@code data/imported-0.1/} (kept, never deleted). A deferred case is due at once; a dead letter
 * waits for {@code replay}, unless it was already queued for it. A file that cannot be read stays where it is and is
 * named in the log with the reason: the hub starts all the same, and tries it again at the next start.
 */
public final class ParkedCaseImport {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedCaseImport.class);

    /** Where the imported files go, under hub.data-dir, in the folders they were in. */
    public static final String IMPORTED = "imported-0.1";
    private static final String CASE_SUFFIX = ".case";
    private static final String REASON_SUFFIX = ".reason.txt";

    /** A folder of release 0.1, the kind its cases are, and the sub-folder a case was in while on its way back. */
    private record LegacyFolder(String name, ParkedCaseTable.Kind kind, String onItsWay) {
    }

    private static final List<LegacyFolder> FOLDERS = List.of(
            new LegacyFolder("deferred", ParkedCaseTable.Kind.DEFERRED, "inprogress"),
            new LegacyFolder("dead-letter", ParkedCaseTable.Kind.DEAD_LETTER, "replay"));

    /** What an import did: the row names of the cases imported, and the files left where they are, with why. */
    public record Outcome(List<String> imported, List<String> leftBehind) {
    }

    private ParkedCaseImport() {
    }

    /** Imports every case file of release 0.1 under {@code dataDir}; does nothing when there is none. */
    public static Outcome run(Path dataDir, ParkedCaseTable table, Clock clock) throws IOException, SQLException {
        List<String> imported = new ArrayList<>();
        List<String> leftBehind = new ArrayList<>();
        for (LegacyFolder folder : FOLDERS) {
            Path dir = dataDir.resolve(folder.name());
            Path onItsWay = dir.resolve(folder.onItsWay());
            TreeSet<String> caseIds = new TreeSet<>(caseIds(dir));
            caseIds.addAll(caseIds(onItsWay));
            for (String caseId : caseIds) {
                Path parked = dir.resolve(caseId + CASE_SUFFIX);
                Path moved = onItsWay.resolve(caseId + CASE_SUFFIX);
                // Parked again while a copy was on its way: release 0.1 kept the newer one, the one in the folder.
                Path file = Files.exists(parked) ? parked : moved;
                ViolationCase violationCase;
                try {
                    violationCase = LegacyCaseFile.readCaseFile(file);
                    if (!caseId.equals(violationCase.getCaseId())) {
                        throw new IOException("Case file " + file + " holds case " + violationCase.getCaseId());
                    }
                } catch (IOException | RuntimeException e) {
                    String why = dataDir.relativize(file) + ": " + e.getMessage();
                    LOG.warn("Parked case file of release 0.1 NOT imported, left where it is: {}", why);
                    leftBehind.add(why);
                    continue;
                }
                Path reasonFile = dir.resolve(caseId + REASON_SUFFIX);
                Reason reason = Reason.read(reasonFile, file);
                boolean replayQueued = folder.kind() == ParkedCaseTable.Kind.DEAD_LETTER && file == moved;
                Instant due = folder.kind() == ParkedCaseTable.Kind.DEFERRED || replayQueued ? clock.instant() : null;
                imported.add(table.park(violationCase, folder.kind(), reason.text(), reason.parkedAt(), due));
                for (Path done : List.of(parked, moved, reasonFile)) {
                    keep(dataDir, done);
                }
            }
        }
        if (!imported.isEmpty()) {
            LOG.info("Imported {} parked case(s) of release 0.1 into the state store: {}; their files are kept under {}",
                    imported.size(), imported, dataDir.resolve(IMPORTED));
        }
        return new Outcome(imported, leftBehind);
    }

    private static List<String> caseIds(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(CASE_SUFFIX))
                    .map(n -> n.substring(0, n.length() - CASE_SUFFIX.length())).toList();
        }
    }

    /** Moves an imported file to the same place under data/imported-0.1. */
    private static void keep(Path dataDir, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path target = dataDir.resolve(IMPORTED).resolve(dataDir.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A reason file of release 0.1: the instant it was parked and the case's source on the first line, the reason on
     * the next ones. Without one, the case file's time stands for when it was parked.
     */
    private record Reason(Instant parkedAt, String text) {

        static Reason read(Path reasonFile, Path caseFile) throws IOException {
            Instant modified = Files.getLastModifiedTime(caseFile).toInstant();
            if (!Files.isRegularFile(reasonFile)) {
                return new Reason(modified, "(imported from release 0.1 without its reason file)");
            }
            List<String> lines = Files.readAllLines(reasonFile, StandardCharsets.UTF_8);
            Optional<Instant> parkedAt = lines.isEmpty() ? Optional.empty() : instant(lines.get(0));
            String text = String.join("\n", lines.subList(parkedAt.isPresent() ? 1 : 0, lines.size())).strip();
            return new Reason(parkedAt.orElse(modified), text);
        }

        private static Optional<Instant> instant(String firstLine) {
            int space = firstLine.indexOf(' ');
            try {
                return Optional.of(Instant.parse(space < 0 ? firstLine : firstLine.substring(0, space)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
