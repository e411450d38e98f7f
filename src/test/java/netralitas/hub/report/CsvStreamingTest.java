package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A large drop must stream: the content is generated on demand and never exists in memory as a whole. */
class CsvStreamingTest {

    private static final int ROWS = 200_000;

    @Test
    void twoHundredThousandRowsStreamFromAGeneratingInputStream() throws IOException {
        CsvReportReader reader = new CsvReportReader(new ReportParser(ReportParserTest.TODAY), new CsvBounds(20_000, 50_000));
        long accepted = 0;
        long rejected = 0;
        long lastLine = 0;
        boolean sampled = false;
        try (GeneratedCsv in = new GeneratedCsv(ROWS);
             CsvRows rows = reader.open(in, "besar.csv")) {
            while (rows.hasNext()) {
                CsvRow row = rows.next();
                lastLine = row.line();
                if (row instanceof AcceptedRow a) {
                    accepted++;
                    if (lastLine == 150_002) {
                        assertEquals("laporan nomor 75001, baris \"dua\"\nlanjut", a.report().description());
                        assertEquals("LP-75001", a.report().registerNumber());
                        sampled = true;
                    }
                } else {
                    rejected++;
                    assertEquals("NIP tidak valid: nomor urut 000", assertInstanceOf(RejectedRow.class, row).reason());
                }
            }
        }
        // Every 1000th row carries sequence 000; row i spans physical lines 2i and 2i+1.
        assertEquals(ROWS / 1000, rejected);
        assertEquals(ROWS - ROWS / 1000, accepted);
        assertEquals(2L * ROWS, lastLine);
        assertTrue(sampled, "row LP-75001 at line 150002 was not seen");
    }

    /** Produces a header and then one two-line row at a time, on demand. */
    private static final class GeneratedCsv extends InputStream {
        private final int rows;
        private int produced;
        private byte[] chunk = "nomor_laporan;tanggal_kejadian;nip_terlapor;uraian\r\n".getBytes(StandardCharsets.UTF_8);
        private int pos;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return chunk[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() {
            while (pos == chunk.length) {
                if (produced == rows) {
                    return false;
                }
                int i = ++produced;
                String sequence = i % 1000 == 0 ? "000" : "001";
                chunk = buildRow(i, sequence).getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            return true;
        }

        private static String buildRow(int i, String sequence) {
            return "LP-" + i + ";2024-10-05;198702142010011" + sequence
                    + ";\"laporan nomor " + i + ", baris \"\"dua\"\"\nlanjut\"\r\n";
        }
    }
}
