package netralitas.hub.audit;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a trail's lines are read from, in chain order: the daily files of embedded mode, or the state store's table in
 * PostgreSQL mode (SPEC §11). Both hold the same JSON lines, so the same checks and reports read either.
 */
public interface TrailLines extends AutoCloseable {

    /** The daily files in {@code auditDir}. */
    static TrailLines files(Path auditDir) {
        return new TrailFiles(auditDir);
    }

    /**
     * The rows of the store's trail table.
     *
     * @param location the store, for messages (never with its password)
     * @param onClose  run by {@link #close()} (closing the store opened for the reading); null for nothing
     */
    static TrailLines inStore(DataSource database, String location, Runnable onClose) {
        return new StoreLines(database, location, onClose);
    }

    /** Where the trail is, for people: its folder, or the store and table. */
    String location();

    /** What the trail consists of, for a summary: "files: audit-2024-11-27.jsonl, …", or the table. */
    String contents();

    /** The trail's parts in chain order: daily files, or the one table. */
    List<Part> parts();

    /** The parts that may hold the events of {@code caseId}: all of them, or only the case's rows of the table. */
    default List<Part> partsOf(String caseId) {
        return parts();
    }

    /** Where line {@code number} of {@code part} is, for people: "file:line", or the table and the row's seq. */
    String where(Path part, long number);

    /** Releases what was opened for reading. */
    @Override
    default void close() {
    }

    /** A daily file, or the table. */
    interface Part {

        /** The file, or the table's name as a path (for the reports, which name a file). */
        Path name();

        /** Its size, for the share of a pass done; -1 when not known. */
        long bytes();

        /** Its lines, in chain order. */
        LineSource open() throws IOException;
    }

    /** A part's lines read one by one. */
    interface LineSource extends Closeable {

        /** The next line, or null at the end; a line's number is its line in the file, or its row's seq. */
        TrailLineReader.Line next() throws IOException;

        /** Bytes read so far, for progress. */
        long position();
    }
}
