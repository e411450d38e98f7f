package netralitas.hub.camel;

import netralitas.hub.report.DropFileState;
import netralitas.hub.text.HeaderValues;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What route ingest-csv needs of the drop folder beyond camel-file's options (SPEC §3.1, §9). It is the file
 * endpoint's {@code filter}:
 * <ul>
 * <li>Only regular files are read. camel-file follows symbolic links and would open a device or a pipe: such an entry
 * named {@code *.csv} is moved aside into {@code failed/} (a link as the link itself) with a reason file, never opened.
 * A directory named {@code *.csv} never reaches the filter: a non-recursive file endpoint skips directories, so it is
 * left alone and never read.</li>
 * <li>A file younger than {@code hub.csv.settle-ms} that is empty, whose last line has no line ending, or whose last
 * reading ended inside an open quote and that has not changed since, is not taken yet: its writer may have paused in
 * the middle of a row. Once it is older, it is read as it is.</li>
 * </ul>
 * The route calls the other methods: {@link #begin} notes how the file looks when the read lock is granted,
 * {@link #unsettled} tells afterwards whether it may leave the folder or must be read again from the start.
 */
public final class DropFolder implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");
    private static final String EXTENSION = ".csv";
    /** How many earlier files of the same name are tried for a header when a file has none of its own. */
    private static final int EARLIER_FILES_TRIED = 20;
    /** File names in the log and the audit trail: one line, and no longer than a file name can be. */
    private static final int MAX_NAME_CHARS = 255;

    private final Path dropDir;
    private final Duration settle;
    private final Clock clock;
    private final AuditRecorder audit;
    private final String routeId;
    /** Files whose last reading held back their last record, as they were then (see unfinishedWhileYoung). */
    private final Map<Path, DropFileState> heldBack = new ConcurrentHashMap<>();
    /** Entries that could not be moved aside: said once, not at every poll. */
    private final Set<String> stuck = ConcurrentHashMap.newKeySet();

    public DropFolder(Path dropDir, Duration settle, Clock clock, AuditRecorder audit, String routeId) {
        this.dropDir = dropDir;
        this.settle = settle;
        this.clock = clock;
        this.audit = audit;
        this.routeId = routeId;
    }

    @Override
    public boolean accept(GenericFile<File> entry) {
        String name = entry.getFileNameOnly();
        if (!isCsv(name)) {
            // Not a drop; the endpoint's antInclude passes it over.
            return true;
        }
        Path path = entry.getFile().toPath();
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                return false;
            }
            if (!attributes.isRegularFile()) {
                moveAside(path, attributes.isSymbolicLink());
                return false;
            }
            return !unfinishedWhileYoung(path, attributes);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            if (stuck.add(name)) {
                LOG.error("CSV {} cannot be examined ({}): it is not read", sourceName(name), HeaderValues.sanitize(
                        String.valueOf(e.getMessage()), MAX_NAME_CHARS * 2));
            }
            return false;
        }
    }

    /** The file's name as the log and the audit trail show it: a name may hold a line break. */
    public String sourceName(@Header("CamelFileName") String fileName) {
        return HeaderValues.sanitize(fileName, MAX_NAME_CHARS);
    }

    /**
     * The name without {@code .csv} and with the time, shared by the moved file, its rejects file and its reason file:
     * a re-drop of the same name never overwrites.
     */
    public String stem(@Header("CamelFileName") String fileName) {
        return baseName(fileName) + "-" + STAMP.format(LocalDateTime.now(clock));
    }

    /** Called once the read lock is granted. */
    public DroppedCsv begin(@Header("CamelFileAbsolutePath") String absolutePath) throws IOException {
        Path file = Path.of(absolutePath);
        DropFileState state = DropFileState.of(file);
        boolean young = clock.millis() - state.modifiedMillis() < settle.toMillis();
        String name = file.getFileName().toString();
        return new DroppedCsv(file, state, young, () -> earlierFiles(name));
    }

    /** The file's content. Not through a link: an entry replaced by one after the filter looked fails here. */
    public InputStream open(@ExchangeProperty(HubProperties.CSV_DROP) DroppedCsv dropped) throws IOException {
        return Files.newInputStream(dropped.file(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Why the file must stay in the folder to be read again (for the log), or null when it may leave. A reading that
     * failed while the hub was stopping is not the file's fault: the file is read again at the next start.
     */
    public String unsettled(@ExchangeProperty(HubProperties.CSV_DROP) DroppedCsv dropped,
                            @ExchangeProperty(HubProperties.FILE_REASON) String unreadable, CamelContext context) throws IOException {
        if (unreadable != null && context.isStopping()) {
            return "the hub stopped while reading it";
        }
        String unsettled = dropped.unsettled();
        if (dropped.heldBack()) {
            heldBack.put(dropped.file(), dropped.atStart());
        }
        return unsettled;
    }

    /** The rejects file of a reading that is abandoned: the next reading rejects the same rows again. */
    public void discardRejects(@ExchangeProperty(HubProperties.REJECTS_FILE) String rejectsFile) throws IOException {
        Files.deleteIfExists(Path.of(rejectsFile));
    }

    /** {@code failed/<stem>.reason.txt}, one line. A reason that cannot be written does not keep the file back. */
    public void writeReason(@ExchangeProperty(HubProperties.FILE_STEM) String stem, @ExchangeProperty(HubProperties.FILE_REASON) String reason) {
        Path reasonFile = dropDir.resolve("failed").resolve(stem + ".reason.txt");
        try {
            writeReasonFile(reasonFile, reason);
        } catch (IOException e) {
            LOG.error("Cannot write {}: {}", sourceName(reasonFile.toString()), HeaderValues.sanitize(
                    String.valueOf(e.getMessage()), MAX_NAME_CHARS * 2));
        }
    }

    /**
     * Whether a file younger than hub.csv.settle-ms looks unfinished: empty (created, not written yet), its last line
     * without a line ending, or held back by its last reading (its last record open inside quotes) and not touched
     * since. Held back, it is not read again at every poll until it settles: each reading records every row read before
     * as a DUPLICATE.
     */
    private boolean unfinishedWhileYoung(Path path, BasicFileAttributes attributes) throws IOException {
        DropFileState now = DropFileState.of(attributes);
        DropFileState held = heldBack.get(path);
        if (held != null && !held.equals(now)) {
            heldBack.remove(path);
            held = null;
        }
        long age = clock.millis() - attributes.lastModifiedTime().toMillis();
        if (age >= settle.toMillis()) {
            heldBack.remove(path);
            return false;
        }
        return held != null || attributes.size() == 0 || DropFileState.endsMidLine(path);
    }

    private void moveAside(Path entry, boolean link) {
        String name = entry.getFileName().toString();
        String reason = (link ? "bukan berkas biasa melainkan tautan simbolik (symlink)"
                : "bukan berkas biasa (perangkat, pipa atau soket)")
                + "; tidak dibaca. Folder drop hanya menerima berkas biasa";
        try {
            String stem = stem(name);
            Path failed = Files.createDirectories(dropDir.resolve("failed"));
            // A link is moved as the link itself; what it points to is never touched.
            Files.move(entry, failed.resolve(stem + EXTENSION));
            writeReasonFile(failed.resolve(stem + ".reason.txt"), reason);
            audit.fileRejected(sourceName(name), routeId, reason);
            LOG.error("CSV {} REJECTED as a whole: {}", sourceName(name), reason);
        } catch (IOException e) {
            if (stuck.add(name)) {
                LOG.error("CSV {} is not a regular file and cannot be moved aside ({}): it is never read",
                        sourceName(name), HeaderValues.sanitize(String.valueOf(e.getMessage()), MAX_NAME_CHARS * 2));
            }
        }
    }

    /** Files of done/ that an earlier drop of this name became, newest first. */
    private List<Path> earlierFiles(String name) {
        Pattern moved = Pattern.compile(Pattern.quote(baseName(name)) + "-\\d{8}-\\d{9}" + Pattern.quote(EXTENSION));
        Path done = dropDir.resolve("done");
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(f -> moved.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .limit(EARLIER_FILES_TRIED)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String baseName(String fileName) {
        return isCsv(fileName) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }

    /** {@code .csv} in any case, as the endpoint's antInclude takes it. */
    private static boolean isCsv(String fileName) {
        return fileName.regionMatches(true, fileName.length() - EXTENSION.length(), EXTENSION, 0, EXTENSION.length());
    }

    private static void writeReasonFile(Path reasonFile, String reason) throws IOException {
        Files.createDirectories(reasonFile.getParent());
        Files.writeString(reasonFile, HeaderValues.sanitize(reason, 1000) + "\n", StandardCharsets.UTF_8);
    }
}
