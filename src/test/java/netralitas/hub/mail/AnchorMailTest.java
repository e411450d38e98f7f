package netralitas.hub.mail;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily anchor mail (SPEC §8), from config/templates/anchor.txt.ftl: the head to keep, and how to check it. */
class AnchorMailTest {

    @Test
    void theMailCarriesTheHeadTheDaysCountsAndTheCommandThatChecksIt() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("RECEIVED", 12L);
        counts.put("DELIVERED", 9L);
        String hash = "3f9a1c2b4d5e6f70".repeat(4);
        AnchorMail anchor = new AnchorMail(OffsetDateTime.parse("2024-10-08T23:55:00+07:00"), 12345, hash, true, counts);

        RenderedEmail mail = MailFixtures.renderer(Path.of("config/templates")).renderAnchor(anchor);

        assertEquals("[NETRALITAS HUB][JANGKAR AUDIT] 8 Oktober 2024 — peristiwa ke-12345", mail.subject());
        assertNull(mail.html());
        String text = mail.text();
        assertTrue(text.contains("Nomor urut peristiwa (seq) : 12345\n"), text);
        assertTrue(text.contains("Hash kepala rantai         : " + hash + "\n"), text);
        assertTrue(text.contains("Jenis rantai               : berkunci (HMAC-SHA256)"), text);
        assertTrue(text.contains("Peristiwa yang dicatat pada 8 Oktober 2024 (berkas audit-2024-10-08.jsonl): 21"), text);
        assertTrue(text.contains("  RECEIVED                   12\n"), text);
        assertTrue(text.contains("java -jar netralitas-hub.jar audit verify --anchor " + hash), text);
        assertTrue(text.contains("pukul 23:55:00 +07:00"), text);
    }
}
