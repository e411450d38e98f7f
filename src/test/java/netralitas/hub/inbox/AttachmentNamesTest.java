package netralitas.hub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentNamesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "foto.jpg|foto.jpg",
            "laporan bukti.pdf|laporan bukti.pdf",
            "C:\\Users\\x\\foto.jpg|foto.jpg",
            "../../etc/passwd|passwd",
            "../../etc/passwd.jpg|passwd.jpg",
            "..\\..\\windows\\system32\\cmd.exe|cmd.exe",
            "/var/tmp/../bukti.png|bukti.png",
            "dir/sub\\mixed/name.pdf|name.pdf",
            ".htaccess|htaccess",
            "...hidden.jpg|hidden.jpg",
            "foto<1>.jpg|foto1.jpg",
            "a:b\"c<d?e*f.jpg|abcdef.jpg",
            "bukti.jpg.|bukti.jpg",
            "  spasi.jpg  |spasi.jpg",
            "Foto Kampanye Kab. Lebong.JPG|Foto Kampanye Kab. Lebong.JPG",
            "tangkapan layar – 21 Okt.png|tangkapan layar – 21 Okt.png",
    })
    void sanitises(String raw, String expected) {
        assertEquals(expected, AttachmentNames.sanitise(raw, 1));
    }

    @Test
    void controlCharactersAndLineBreaksAreRemoved() {
        assertEquals("fotoBcc x.jpg", AttachmentNames.sanitise("foto\r\nBcc\t x.jpg", 1));
        String name = AttachmentNames.sanitise("a\u0000b\u001Fc\u007F.jpg", 1);
        assertEquals("abc.jpg", name);
    }

    @Test
    void bidiOverrideCannotDisguiseTheExtension() {
        String name = AttachmentNames.sanitise("foto\u202Egpj.exe", 1);
        assertEquals("fotogpj.exe", name);
    }

    @Test
    void nothingLeftGivesAnIndexedNameWithAGuessedExtension() {
        assertEquals("lampiran-3.jpg", AttachmentNames.sanitise(null, 3, "image/jpeg"));
        assertEquals("lampiran-1.png", AttachmentNames.sanitise("", 1, "image/png"));
        assertEquals("lampiran-2.pdf", AttachmentNames.sanitise("../../", 2, "application/pdf"));
        assertEquals("lampiran-4.bin", AttachmentNames.sanitise("...", 4, "application/x-unknown"));
        assertEquals("lampiran-5.bin", AttachmentNames.sanitise("C:\\", 5));
        assertEquals("lampiran-6.bin", AttachmentNames.sanitise("<>:\"|?*", 6, null));
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = AttachmentNames.sanitise("a".repeat(300) + ".jpeg", 1);
        assertEquals(AttachmentNames.MAX_LENGTH, name.length());
        assertTrue(name.endsWith("a.jpeg"));
        String noExtension = AttachmentNames.sanitise("b".repeat(300), 1);
        assertEquals(AttachmentNames.MAX_LENGTH, noExtension.length());
        // A "extension" longer than any real one is part of the name, not kept whole.
        String oddDot = AttachmentNames.sanitise("x." + "c".repeat(200), 1);
        assertEquals(AttachmentNames.MAX_LENGTH, oddDot.length());
        assertTrue(oddDot.startsWith("x.c"));
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String name = AttachmentNames.sanitise("a" + "\uD83D\uDCF7".repeat(100) + ".jpg", 1);
        assertTrue(name.length() <= AttachmentNames.MAX_LENGTH);
        assertTrue(name.endsWith(".jpg"));
        assertFalse(Character.isHighSurrogate(name.charAt(name.length() - 5)), name);
    }

    @Test
    void resultNeverContainsAPathSeparatorOrReservedCharacter() {
        String[] nasty = {"..\\../a/b\\c:d", "\\\\server\\share\\x.pdf", "file:///etc/shadow", "a/\u0000/b", "?:*|<>\"/\\"};
        for (String raw : nasty) {
            String name = AttachmentNames.sanitise(raw, 9, "application/pdf");
            assertTrue(name.chars().noneMatch(c -> "/\\<>:\"|?*".indexOf(c) >= 0 || c < 0x20), raw + " -> " + name);
            assertFalse(name.startsWith("."), name);
            assertFalse(name.isEmpty());
        }
    }
}
