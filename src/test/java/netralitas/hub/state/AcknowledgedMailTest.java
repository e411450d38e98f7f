package netralitas.hub.state;

import netralitas.hub.mail.AcknowledgedMail;
import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acknowledged report emails (table ACKNOWLEDGED_MAIL, migration V19) on H2 and on a real PostgreSQL server with
 * the same SQL: a message is known by its case id and Message-ID pseudonym, in any folder, after a restart, and
 * recorded twice without a failure (SPEC §3.3).
 */
class AcknowledgedMailTest {

    private static final String CASE = "NH-20241021-ABCD2345";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-21T02:00:00Z"));
    private StateStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aMessageIsKnownByItsCaseIdAndPseudonymInAnyFolderAndAfterARestart(StateStore.Kind kind) throws Exception {
        store = FreshStores.open(kind, dir);
        AcknowledgedMail acknowledged = new AcknowledgedMail(store.dataSource(), clock,
                source -> source.substring(source.indexOf("mid=")));
        assertFalse(acknowledged.contains(CASE, "INBOX;uid=7;mid=0123456789abcdef"));

        acknowledged.record(CASE, "INBOX;uid=7;mid=0123456789abcdef");
        acknowledged.record(CASE, "INBOX;uid=7;mid=0123456789abcdef");

        assertTrue(acknowledged.contains(CASE, "INBOX;uid=8;mid=0123456789abcdef"), "a second copy");
        assertFalse(acknowledged.contains(CASE, "INBOX;uid=9;mid=fedcba9876543210"), "another message");
        assertFalse(acknowledged.contains("NH-20241022-ABCD2345", "INBOX;uid=7;mid=0123456789abcdef"), "another case");
        if (kind == StateStore.Kind.EMBEDDED_H2) {
            store.close();
            store = FreshStores.open(kind, dir);
            assertTrue(new AcknowledgedMail(store.dataSource(), clock, source -> source.substring(source.indexOf("mid=")))
                    .contains(CASE, "Processed;uid=1;mid=0123456789abcdef"), "after a restart");
        }
    }
}
