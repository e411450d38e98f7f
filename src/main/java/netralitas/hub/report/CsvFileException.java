package netralitas.hub.report;

import java.io.IOException;

/**
 * A CSV drop that cannot be read as a report file at all (empty, or without the required columns).
 * Unlike a bad row, this stops the file: it moves to {@code failed/}.
 */
public class CsvFileException extends IOException {

    public CsvFileException(String message) {
        super(message);
    }
}
