package netralitas.hub.nip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NipValidatorTest {

    private static final Clock NOV_2024 = Clock.fixed(Instant.parse("2024-11-20T03:00:00Z"), ZoneId.of("Asia/Jakarta"));
    private final NipValidator validator = new NipValidator(NOV_2024);

    @Test
    void validPns() {
        NipCheck check = validator.check("198702142010011003");
        assertTrue(check.valid());
        assertEquals("198702142010011003", check.nip());
        assertEquals(NipKind.PNS, check.kind());
        assertNull(check.reason());
    }

    @Test
    void validPnsWrittenInGroupsIsNormalised() {
        NipCheck spaced = validator.check(" 19870214 201001 1 003 ");
        NipCheck dotted = validator.check("19870214.201001.2.003");
        assertTrue(spaced.valid());
        assertEquals("198702142010011003", spaced.nip());
        assertTrue(dotted.valid());
        assertEquals("198702142010012003", dotted.nip());
    }

    @Test
    void validPppkFullTimeCode21() {
        NipCheck check = validator.check("199005122023211002");
        assertTrue(check.valid(), check.reason());
        assertEquals(NipKind.PPPK, check.kind());
    }

    @Test
    void validPppkPartTimeCode24InTheCurrentYear() {
        NipCheck check = validator.check("199507302024242015");
        assertTrue(check.valid(), check.reason());
        assertEquals(NipKind.PPPK, check.kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "19870214201001100    | NIP tidak valid: harus 18 digit angka (ada 17)",
            "1987021420100110031  | NIP tidak valid: harus 18 digit angka (ada 19)",
            "19870214201001100A   | NIP tidak valid: harus 18 digit angka (ada karakter 'A')",
            "198013322005011001   | NIP tidak valid: tanggal lahir 19801332 tidak ada",
            "198102292005011001   | NIP tidak valid: tanggal lahir 19810229 tidak ada",
            "198000102005011001   | NIP tidak valid: tanggal lahir 19800010 tidak ada",
            "198001012005131001   | NIP tidak valid: bulan pengangkatan 13 tidak ada",
            "198001012005001001   | NIP tidak valid: bulan pengangkatan 00 tidak ada",
            "198001012005201001   | NIP tidak valid: bulan pengangkatan 20 tidak ada",
            "198001011975011001   | NIP tidak valid: tahun pengangkatan 1975 tidak setelah tahun lahir 1980",
            "198001011980061001   | NIP tidak valid: tahun pengangkatan 1980 tidak setelah tahun lahir 1980",
            "198001012025011001   | NIP tidak valid: tahun pengangkatan 2025 di masa depan",
            "199001012025211001   | NIP tidak valid: tahun pengangkatan 2025 di masa depan",
            "198001012005013001   | NIP tidak valid: kode jenis kelamin 3 (harus 1 atau 2)",
            "198001012005010001   | NIP tidak valid: kode jenis kelamin 0 (harus 1 atau 2)",
            "199001012020219001   | NIP tidak valid: kode jenis kelamin 9 (harus 1 atau 2)",
            "198001012005011000   | NIP tidak valid: nomor urut 000",
    })
    void invalidNipNamesTheFailingPart(String nip, String reason) {
        NipCheck check = validator.check(nip);
        assertFalse(check.valid());
        assertNull(check.kind());
        assertEquals(reason, check.reason());
        assertEquals(nip, check.nip());
    }

    @Test
    void leapDayBirthIsReal() {
        assertTrue(validator.check("198402292008012001").valid());
    }

    @Test
    void blankIsInvalidWithoutNumber() {
        NipCheck check = validator.check("  ");
        assertFalse(check.valid());
        assertNull(check.nip());
        assertEquals("NIP tidak valid: kosong", check.reason());
        assertEquals("NIP tidak valid: kosong", validator.check(null).reason());
    }

    @Test
    void normalizeRemovesSeparatorsAndInvisibleCharacters() {
        assertEquals("198702142010011003", NipValidator.normalize("19870214 201001 1 003"));
        assertEquals("198702142010011003", NipValidator.normalize("19870214.201001.1.003"));
        assertEquals("198702142010011003", NipValidator.normalize("19870214-201001-1-003"));
        assertEquals("198702142010011003", NipValidator.normalize("19870214\u2013201001\u20131\u2013003"));
        assertEquals("198702142010011003", NipValidator.normalize("1987021420\u200B10011003\uFEFF"));
        assertEquals("198702142010", NipValidator.normalize(" 19870214-2010\t"));
        assertNull(NipValidator.normalize(null));
        assertNull(NipValidator.normalize("   "));
        assertNull(NipValidator.normalize(" . . "));
    }

    @Test
    void findCandidatesInFreeTextInOrderWithoutDuplicates() {
        String text = "Terlapor NIP 19870214 201001 1 003 (Kab. Kepahiang) bersama rekannya\n"
                + "NIP: 19800101.200501.1.001, lalu sekali lagi 198702142010011003.\n"
                + "Telepon pelapor 081234567890, nomor register 12345678901234567890123.";
        assertEquals(List.of("198702142010011003", "198001012005011001"), NipValidator.findCandidates(text));
    }

    @Test
    void findCandidatesIgnoresLongerDigitRunsAndOtherGroupings() {
        assertEquals(List.of(), NipValidator.findCandidates("rekening 1234567890123456789"));
        assertEquals(List.of(), NipValidator.findCandidates("1980 0101 2005 0110 01"));
        assertEquals(List.of(), NipValidator.findCandidates(null));
        assertEquals(List.of("199005122023211002"), NipValidator.findCandidates("PPPK(199005122023211002)"));
    }

    @Test
    void excelsTextMarkAndDigitsOfOtherScriptsAreReadAsTheNumberTheyShow() {
        assertTrue(validator.check("'198702142010011003").valid(), "Excel's leading apostrophe");
        assertTrue(validator.check("\uFF11\uFF19\uFF18\uFF17\uFF10\uFF12\uFF11\uFF14\uFF12\uFF10\uFF11\uFF10"
                + "\uFF10\uFF11\uFF11\uFF10\uFF10\uFF13").valid(), "full-width digits");
        assertTrue(validator.check("\u0661\u0669\u0668\u0667\u0660\u0662\u0661\u0664\u0662\u0660\u0661\u0660"
                + "\u0660\u0661\u0661\u0660\u0660\u0663").valid(), "Arabic-Indic digits");
        assertEquals(List.of("198702142010011003"),
                NipValidator.findCandidates("NIP \uFF11\uFF19\uFF18\uFF17\uFF10\uFF12\uFF11\uFF14-201001-1-003 terlapor"));
        assertEquals("NIP tidak valid: harus 18 digit angka (ada karakter U+0027)",
                validator.check("1987021420100'11003").reason(), "an apostrophe inside is no text mark");
    }

    @Test
    void aCharacterOutsideAsciiIsNamedByItsCodeTooWhereTheQuoteIsLeftOut() {
        assertEquals("NIP tidak valid: harus 18 digit angka (ada karakter '\u00E9' (U+00E9))",
                validator.check("19870214201001100\u00E9").reason());
    }

    @Test
    void aQuoteOrAnInvisibleCharacterIsNamedByItsCodeNotQuoted() {
        assertEquals("NIP tidak valid: harus 18 digit angka (ada karakter U+0027)",
                validator.check("19870214201001100'").reason());
        assertEquals("NIP tidak valid: harus 18 digit angka (ada karakter U+0000)",
                validator.check("19870214201001100\u0000").reason());
    }
}
