package netralitas.hub.report;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a CSV's first bytes say it is (SPEC §3.1): UTF-8, with or without a byte order mark, or UTF-16 with one (what
 * Excel saves as "Unicode Text", and some export tools as CSV), or Windows-1252 when the first bytes are not UTF-8:
 * what Excel's plain "CSV" is on Windows set to Indonesian or English, a name such as "Sétiawan" a byte of its own. A spreadsheet saved under a {@code .csv} name, or any
 * other file whose first kilobytes are mostly NULs, is refused with a reason that tells the sender what to do; read as
 * UTF-8 it would only fail as "no header".
 */
final class CsvEncoding {

    /** How far the first bytes are looked at for NULs, which no UTF-8 text file has, and for bytes UTF-8 forbids. */
    static final int SNIFF_BYTES = 64 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
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

    /** UTF-16 (whose decoder reads the byte order mark), UTF-8 or, when the first bytes are not UTF-8, Windows-1252. */
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
        // Read as UTF-8, each such byte became U+FFFD: the names reached the offices as "S\uFFFDtiawan". A file that
        // turns invalid only past the first bytes keeps U+FFFD for those bytes.
        return utf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** Whether the bytes are UTF-8; a sequence cut by the end of the sniffed bytes counts as UTF-8. */
    private static boolean utf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
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
