package netralitas.hub.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of cases the pipeline set aside, one file per case ({@code <case id>.case}, the serialised case) with the
 * reason beside it ({@code <case id>.reason.txt}), so that nothing is lost and an operator can see them. Two are in use:
 * dead letters (failed for a reason waiting will not cure; back only by {@code replay}) and deferred cases (BKN or SMTP
 * unavailable; resumed automatically). Written to a temporary name and moved into place, so a crash never leaves half
 * a case, and a file consumer reading the folder never sees one being written.
 */
public final class ParkedCases {

    public static final String CASE_SUFFIX = ".case";
    private static final String REASON_SUFFIX = ".reason.txt";
    /** Where {@link #queueForReplay} puts cases; the hub's replay route reads this folder. */
    public static final String REPLAY_FOLDER = "replay";
    /**
     * Where the route resuming deferred cases moves a case file while the case is on its way (its preMove): a case
     * deferred again is parked under its own name meanwhile, which the consumer must not delete.
     */
    public static final String IN_PROGRESS_FOLDER = "inprogress";
    /** Only the hub's own case classes (and the JDK types they hold) may be read back. */
    private static final ObjectInputFilter CASE_CLASSES =
            ObjectInputFilter.Config.createFilter("java.**;netralitas.hub.**;!*");

    private final Path dir;
    private final Clock clock;

    /** Opens the store; case files left in progress by a hub that stopped mid-way are put back first. */
    public ParkedCases(Path dir, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.clock = clock;
        Path inProgress = dir.resolve(IN_PROGRESS_FOLDER);
        if (Files.isDirectory(inProgress)) {
            try (Stream<Path> files = Files.list(inProgress)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(CASE_SUFFIX)).toList()) {
                    Path back = dir.resolve(file.getFileName());
                    if (!Files.exists(back)) {
                        Files.move(file, back, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        // Parked again after it was taken: the newer copy is the one to keep.
                        Files.delete(file);
                    }
                }
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** Returns the file holding the parked case. Parking a case again replaces it (and its reason). */
    public synchronized Path park(ViolationCase violationCase, String reason) throws IOException {
        String name = violationCase.getCaseId();
        Path caseFile = dir.resolve(name + CASE_SUFFIX);
        Path temp = dir.resolve(name + CASE_SUFFIX + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(violationCase);
        }
        Files.writeString(dir.resolve(name + REASON_SUFFIX),
                clock.instant() + " " + violationCase.getReport().source() + System.lineSeparator() + reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return Files.move(temp, caseFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a parked case back (the content of one of this store's case files). */
    public ViolationCase read(InputStream caseFile) {
        try (ObjectInputStream in = new ObjectInputStream(caseFile)) {
            in.setObjectInputFilter(CASE_CLASSES);
            return (ViolationCase) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("A parked case cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The case went back into the pipeline: its reason file goes too (the audit trail keeps the history). */
    public void forget(String caseId) throws IOException {
        Files.deleteIfExists(dir.resolve(caseId + REASON_SUFFIX));
    }

    /** Ids of the cases parked here, in name order. */
    public List<String> caseIds() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(CASE_SUFFIX))
                    .map(n -> n.substring(0, n.length() - CASE_SUFFIX.length())).sorted().toList();
        }
    }

    /** The reason a case was parked, as written when it was (empty when the file is gone). */
    public String reason(String caseId) throws IOException {
        Path reason = dir.resolve(caseId + REASON_SUFFIX);
        return Files.exists(reason) ? Files.readString(reason, StandardCharsets.UTF_8).strip() : "";
    }

    /**
     * Moves parked cases into the replay folder, where the running hub (or the next one to start) takes them back into
     * the pipeline. Returns the ids moved; an id that is not parked here is reported in {@code missing}.
     */
    public synchronized List<String> queueForReplay(List<String> caseIds, List<String> missing) throws IOException {
        Path replay = Files.createDirectories(dir.resolve(REPLAY_FOLDER));
        List<String> moved = new ArrayList<>();
        for (String caseId : caseIds) {
            Path caseFile = dir.resolve(caseId + CASE_SUFFIX);
            if (!caseId.matches("[A-Za-z0-9-]+") || !Files.exists(caseFile)) {
                missing.add(caseId);
                continue;
            }
            Files.move(caseFile, replay.resolve(caseId + CASE_SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            moved.add(caseId);
        }
        return moved;
    }
}
