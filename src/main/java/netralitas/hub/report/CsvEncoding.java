package netralitas.hub.report;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a CSV's first bytes say it is (SPEC §3.1): UTF-8, with or without a byte order mark, or UTF-16 with one (what
 * Excel saves as "Unicode Text", and some export tools as CSV). A spreadsheet saved under a {@code .csv} name, or any
 * other file whose first kilobytes are mostly NULs, is refused with a reason that tells the sender what to do; read as
 * UTF-8 it would only fail as "no header".
 */
final class CsvEncoding {

    /** How far the first bytes are looked at for NULs, which no UTF-8 text file has. */
    static final int SNIFF_BYTES = 4096;
    private static final String SAVE_AS = "simpan ulang dari aplikasi lembar kerja sebagai \"CSV UTF-8\"";

    private CsvEncoding() {
    }

    /**
     * The file's text, a byte order mark included (the caller drops U+FEFF); invalid bytes become U+FFFD, so that one
     * mis-encoded name does not make the whole file unreadable.
     *
     * @throws CsvFileException when the bytes are a spreadsheet or no text at all
     */
    static Reader reader(InputStream in, int bufferSize) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(Objects.requireNonNull(in, "in"), bufferSize);
        bytes.mark(SNIFF_BYTES);
        byte[] head = bytes.readNBytes(SNIFF_BYTES);
        bytes.reset();
        Charset charset = charset(head);
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(bytes, decoder), bufferSize);
    }

    /** UTF-16 (whose decoder reads the byte order mark) or UTF-8. */
    static Charset charset(byte[] head) throws CsvFileException {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16;
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            throw new CsvFileException("berkas adalah lembar kerja XLSX/ODS (arsip ZIP), bukan CSV: " + SAVE_AS);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new CsvFileException("berkas adalah lembar kerja Excel lama (XLS), bukan CSV: " + SAVE_AS);
        }
        int nuls = 0;
        for (byte b : head) {
            if (b == 0) {
                nuls++;
            }
        }
        // UTF-16 text without a byte order mark is about half NULs, and so is much binary; a stray NUL in a text
        // file is a cell's problem, for its row.
        if (nuls > 0 && nuls * 4 >= head.length) {
            throw new CsvFileException("berkas bukan teks CSV (seperempat bytenya atau lebih NUL: UTF-16 tanpa BOM, atau"
                    + " berkas biner): " + SAVE_AS);
        }
        return StandardCharsets.UTF_8;
    }

    /** Whether the bytes begin with UTF-16's little-endian byte order mark, whose line ending is LF then NUL. */
    static boolean littleEndianUtf16(byte[] head) {
        return startsWith(head, 0xFF, 0xFE);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
