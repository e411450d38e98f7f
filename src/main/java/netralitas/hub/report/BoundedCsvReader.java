package netralitas.hub.report;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Stands between a CSV file and commons-csv, which holds a whole record in memory and has no bound of its own, and
 * keeps every field and record within {@link CsvBounds}: the content of a field past its bound, and all of a record
 * past its bound, is not passed on, so the parser never sees more than a bounded record whatever the file holds.
 *
 * <p>To know where fields and records end it follows the quoting rules of the parser's lexer for
 * {@code CSVFormat.DEFAULT} with trailing data allowed: a quote opens a quoted field only as the field's first
 * character, {@code ""} inside quotes is one quote, text after the closing quote still belongs to the field, and CR,
 * LF or CRLF outside quotes end the record. What it left out is noted per record ({@link #exceeded}) so that the row
 * can be rejected, with the line endings it swallowed so that later line numbers stay right. It also notes whether the
 * input ended inside a record, that is without a line ending: the sign of a file whose writer has not finished.
 */
final class BoundedCsvReader extends Reader {

    /**
     * What record {@code number} (1 = the header, as {@code CSVRecord.getRecordNumber()}) lost: its true length when
     * it was past the record bound, and the index and true length of its first field past the field bound (-1 if none).
     */
    record Exceeded(long number, boolean recordTooLong, long recordChars, int fieldIndex, long fieldChars,
                    long droppedLineEnds) {
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

    /** What became of the last CR, so that the LF of a CRLF goes the same way. */
    private enum CarriageReturn { NONE, ENDED_RECORD, CONTENT }

    private static final char QUOTE = '"';
    private static final int CHUNK = 8192;

    private final Reader in;
    private final char delimiter;
    private final CsvBounds bounds;
    private final char[] input = new char[CHUNK];
    private int inputPos;
    private int inputLen;
    private boolean inputEnded;
    // Room for one chunk plus the two characters a single input character may produce.
    private final char[] output = new char[CHUNK + 2];
    private int outputPos;
    private int outputLen;

    private State state = State.FIELD_START;
    private CarriageReturn lastCr = CarriageReturn.NONE;
    private long recordNumber = 1;
    private long recordChars;
    private int fieldIndex;
    private long fieldChars;
    private boolean openQuotePassed;
    private boolean droppingField;
    private boolean droppingRecord;
    private int longFieldIndex = -1;
    private long longFieldChars;
    private long droppedLineEnds;
    private final ArrayDeque<Exceeded> exceeded = new ArrayDeque<>();
    private long unterminatedRecord;
    private boolean endedInsideQuotes;

    BoundedCsvReader(Reader in, char delimiter, CsvBounds bounds) {
        this.in = in;
        this.delimiter = delimiter;
        this.bounds = bounds;
    }

    /**
     * What record {@code number} lost to the bounds, or null when it is whole. Records are asked for in order; the
     * notes of earlier records are forgotten.
     */
    Exceeded exceeded(long number) {
        while (!exceeded.isEmpty() && exceeded.peekFirst().number() < number) {
            exceeded.pollFirst();
        }
        return !exceeded.isEmpty() && exceeded.peekFirst().number() == number ? exceeded.pollFirst() : null;
    }

    /** The record the input ended in without a line ending (known once the input is read to its end), or 0. */
    long unterminatedRecord() {
        return unterminatedRecord;
    }

    /** Whether the input ended inside a quoted field. */
    boolean endedInsideQuotes() {
        return endedInsideQuotes;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (outputPos == outputLen) {
            fill();
            if (outputLen == 0) {
                return -1;
            }
        }
        int n = Math.min(length, outputLen - outputPos);
        System.arraycopy(output, outputPos, buffer, offset, n);
        outputPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Passes on up to one chunk; reads on through left-out input until something is passed on or the input ends. */
    private void fill() throws IOException {
        outputPos = 0;
        outputLen = 0;
        while (outputLen < CHUNK) {
            if (inputPos == inputLen) {
                if (inputEnded) {
                    return;
                }
                int n = in.read(input, 0, input.length);
                if (n < 0) {
                    inputEnded = true;
                    end();
                    return;
                }
                inputPos = 0;
                inputLen = n;
            }
            if (!passPlainRun()) {
                process(input[inputPos++]);
            }
        }
    }

    /**
     * Passes on at once a run of characters that are plain field content (no delimiter, quote or line ending) and stay
     * within the bounds: the common case, which then costs an array copy rather than a step per character.
     */
    private boolean passPlainRun() {
        if (droppingField || droppingRecord || lastCr != CarriageReturn.NONE || state == State.QUOTE_IN_QUOTED) {
            return false;
        }
        long room = Math.min(Math.min(CHUNK - outputLen, bounds.maxFieldChars() - fieldChars),
                bounds.maxRecordChars() - recordChars);
        int end = inputPos;
        int limit = (int) Math.min(inputLen, inputPos + room);
        while (end < limit) {
            char c = input[end];
            if (c == delimiter || c == QUOTE || c == '\r' || c == '\n') {
                break;
            }
            end++;
        }
        int run = end - inputPos;
        if (run == 0) {
            return false;
        }
        if (state == State.FIELD_START) {
            state = State.UNQUOTED;
        }
        System.arraycopy(input, inputPos, output, outputLen, run);
        outputLen += run;
        inputPos = end;
        fieldChars += run;
        recordChars += run;
        return true;
    }

    private void process(char c) {
        if (c == '\n' && lastCr == CarriageReturn.ENDED_RECORD) {
            lastCr = CarriageReturn.NONE;
            emit(c);
            return;
        }
        boolean newLine = c == '\r' || (c == '\n' && lastCr == CarriageReturn.NONE);
        lastCr = CarriageReturn.NONE;
        switch (state) {
            case FIELD_START -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                    openQuotePassed = passStructural(c);
                } else {
                    unquoted(c);
                }
            }
            case UNQUOTED, AFTER_QUOTED -> unquoted(c);
            case QUOTED -> {
                if (c == QUOTE) {
                    // The next character tells whether this quote ends the field or is the first of a "" pair.
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    content(c, newLine);
                    if (c == '\r') {
                        lastCr = CarriageReturn.CONTENT;
                    }
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == QUOTE) {
                    escapedQuote();
                    state = State.QUOTED;
                } else {
                    closeQuote();
                    state = State.AFTER_QUOTED;
                    unquoted(c);
                }
            }
        }
    }

    /** A character outside quotes (before any quote, or after the closing one). */
    private void unquoted(char c) {
        if (c == delimiter) {
            recordChars++;
            checkRecord();
            finishField();
            if (!droppingRecord) {
                emit(c);
            }
            fieldIndex++;
            state = State.FIELD_START;
        } else if (c == '\r' || c == '\n') {
            endRecord();
            emit(c);
            if (c == '\r') {
                lastCr = CarriageReturn.ENDED_RECORD;
            }
        } else {
            if (state == State.FIELD_START) {
                state = State.UNQUOTED;
            }
            content(c, false);
        }
    }

    private void content(char c, boolean newLine) {
        recordChars++;
        fieldChars++;
        checkField();
        checkRecord();
        if (droppingField || droppingRecord) {
            if (newLine) {
                droppedLineEnds++;
            }
        } else {
            emit(c);
        }
    }

    /** {@code ""} inside quotes: two characters in the file, one in the field. */
    private void escapedQuote() {
        recordChars += 2;
        fieldChars++;
        checkField();
        checkRecord();
        if (!droppingField && !droppingRecord) {
            emit(QUOTE);
            emit(QUOTE);
        }
    }

    private void closeQuote() {
        recordChars++;
        checkRecord();
        if (openQuotePassed) {
            emit(QUOTE);
            openQuotePassed = false;
        }
    }

    private boolean passStructural(char c) {
        recordChars++;
        checkRecord();
        if (droppingRecord) {
            return false;
        }
        emit(c);
        return true;
    }

    private void checkField() {
        if (!droppingField && fieldChars > bounds.maxFieldChars()) {
            droppingField = true;
            if (longFieldIndex < 0) {
                longFieldIndex = fieldIndex;
            }
        }
    }

    private void checkRecord() {
        if (!droppingRecord && recordChars > bounds.maxRecordChars()) {
            droppingRecord = true;
            // The parser is told the quoted field ends here, so that the line ending it sees next ends the record.
            if (openQuotePassed) {
                emit(QUOTE);
                openQuotePassed = false;
            }
        }
    }

    private void finishField() {
        if (fieldIndex == longFieldIndex) {
            longFieldChars = fieldChars;
        }
        fieldChars = 0;
        droppingField = false;
        openQuotePassed = false;
    }

    private void endRecord() {
        finishField();
        if (droppingRecord || longFieldIndex >= 0) {
            exceeded.addLast(new Exceeded(recordNumber, droppingRecord, recordChars, longFieldIndex, longFieldChars,
                    droppedLineEnds));
        }
        recordNumber++;
        recordChars = 0;
        fieldIndex = 0;
        droppingRecord = false;
        longFieldIndex = -1;
        longFieldChars = 0;
        droppedLineEnds = 0;
        state = State.FIELD_START;
    }

    private void end() {
        if (state == State.QUOTE_IN_QUOTED) {
            closeQuote();
            state = State.AFTER_QUOTED;
        }
        endedInsideQuotes = state == State.QUOTED;
        if (recordChars > 0) {
            unterminatedRecord = recordNumber;
            endRecord();
        }
    }

    private void emit(char c) {
        output[outputLen++] = c;
    }
}
