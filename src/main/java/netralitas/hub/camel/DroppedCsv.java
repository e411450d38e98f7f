package netralitas.hub.camel;

import netralitas.hub.report.CsvRows;
import netralitas.hub.report.DropFileState;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One reading of a file of the drop folder (exchange property {@code hubCsvDrop} of route ingest-csv): how the file
 * looked when the read lock was granted, so that the route can tell afterwards whether it may leave the drop folder
 * (SPEC §3.1). Obtained from {@link DropFolder#begin}.
 */
public final class DroppedCsv {

    private final Path file;
    private final DropFileState atStart;
    private final boolean mayBeUnfinished;
    private final Supplier<List<Path>> earlierFiles;
    private volatile CsvRows rows;
    private volatile boolean heldBack;

    /**
     * @param mayBeUnfinished the file was younger than hub.csv.settle-ms: a last line without a line ending is held back
     * @param earlierFiles    files of the same name already moved to done/, newest first: the file may continue one
     */
    DroppedCsv(Path file, DropFileState atStart, boolean mayBeUnfinished, Supplier<List<Path>> earlierFiles) {
        this.file = file;
        this.atStart = atStart;
        this.mayBeUnfinished = mayBeUnfinished;
        this.earlierFiles = earlierFiles;
    }

    Path file() {
        return file;
    }

    DropFileState atStart() {
        return atStart;
    }

    /**
     * Whether {@link #unsettled} kept the file for its held-back last record (open inside quotes, or without a line
     * ending) while the file was as it was when the reading began: nothing new to read until its writer touches it or
     * it settles.
     */
    boolean heldBack() {
        return heldBack;
    }

    boolean mayBeUnfinished() {
        return mayBeUnfinished;
    }

    List<Path> earlierFiles() {
        return earlierFiles.get();
    }

    /** The rows being read: set by the split of route csv-rows when it opens the file. */
    void reading(CsvRows opened) {
        rows = opened;
    }

    /**
     * Why the file must not leave the drop folder yet, or null when it may: it changed while it was read (or went
     * away), or its cut last line was held back.
     */
    String unsettled() throws IOException {
        DropFileState now;
        try {
            now = DropFileState.of(file);
        } catch (NoSuchFileException e) {
            return "it went away while being read";
        }
        if (!now.equals(atStart)) {
            return "it changed while being read (size " + atStart.size() + " -> " + now.size() + " bytes, modified "
                    + atStart.modifiedMillis() + " -> " + now.modifiedMillis() + ")";
        }
        CsvRows read = rows;
        if (read != null && read.heldBackCutTail()) {
            heldBack = true;
            return "its last record is not complete yet (no line ending, or a quote still open) and it is younger than"
                    + " hub.csv.settle-ms";
        }
        return null;
    }
}
