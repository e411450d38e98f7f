package netralitas.hub.audit;

import netralitas.hub.app.AuditCommand;
import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keyed chain (SPEC §8) against what issue 11's probe did to a copy of the trail: cut its tail, edit an event and
 * re-hash everything after it without the key, delete an event and renumber. Each is caught by {@code audit verify}
 * and by the start-up check ({@link TrailEndCheck}), which reads only the trail's end.
 */
class KeyedChainTest {

    /** Written by the unkeyed writer, as releases before the keyed chain wrote trails (plain SHA-256, no marker). */
    private static final Path UNKEYED_FIXTURE = Path.of("src/test/resources/audit/unkeyed-trail");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-10-07T02:00:00Z");
    private final MemoryChainHeads heads = new MemoryChainHeads();
    private String out;
    private String err;

    /** Three days: 10 events on the 7th and 8th, 12 on the 9th (seq 21..32); every fifth a DELIVERED. */
    @BeforeEach
    void writeThreeDays() {
        try (AuditTrail trail = heads.open(dir, clock)) {
            int[] perDay = {10, 10, 12};
            int n = 0;
            for (int events : perDay) {
                for (int i = 0; i < events; i++) {
                    n++;
                    AuditEventType type = n % 5 == 0 ? AuditEventType.DELIVERED : AuditEventType.RECEIVED;
                    trail.append("NH-2024100" + n, type, "laporan.csv:" + (n + 1), "intake",
                            Map.of("to", "bkpsdm.kab-kepahiang@pemda.example"));
                    clock.advance(Duration.ofMinutes(7));
                }
                clock.advance(Duration.ofDays(1).minusMinutes(7L * events));
            }
        }
    }

    private Path day(int dayOfMonth) {
        return dir.resolve("audit-2024-10-0" + dayOfMonth + ".jsonl");
    }

    private int verify(TrailAccess access, String... options) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(List.of(options));
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exit = new AuditCommand(clock, Duration.ofSeconds(2), code -> null, access).run(args, dir,
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return exit;
    }

    private int verify(String... options) {
        return verify(heads.access(), options);
    }

    /** What the hub's start-up says, in one line. */
    private String startUpRefusal() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> TrailEndCheck.require(dir, MemoryChainHeads.KEY, HeadLookup.of(heads)));
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        return refused.getMessage();
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        TrailFixture.rewrite(file, lines);
    }

    @Test
    void anIntactKeyedTrailVerifiesAndPrintsItsHead() {
        ChainHead head = heads.read().orElseThrow();
        assertEquals(32, head.seq());
        assertEquals(0, verify(), err);
        assertTrue(out.startsWith("OK: 32 events, chain intact (files: audit-2024-10-07.jsonl, audit-2024-10-08.jsonl,"
                + " audit-2024-10-09.jsonl)"), out);
        assertTrue(out.contains("Chain: keyed (HMAC-SHA256 under the chain key) from seq 1"), out);
        assertTrue(out.contains("Head: seq 32, hash " + head.hash()), out);
        assertEquals(head, TrailEndCheck.require(dir, MemoryChainHeads.KEY, HeadLookup.of(heads)));
    }

    @Test
    void cuttingTheLastLineIsNamed() throws IOException {
        List<String> lines = lines(day(9));
        lines.remove(lines.size() - 1);
        write(day(9), lines);

        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED: trail ends at seq 31 but the state store's head is seq 32: line 32 was"
                + " removed"), err);
        assertTrue(startUpRefusal().contains("trail ends at seq 31 but the state store's head is seq 32: line 32 was"
                + " removed"));
    }

    @Test
    void cuttingTheLastTenLinesIsNamed() throws IOException {
        List<String> lines = lines(day(9));
        write(day(9), lines.subList(0, lines.size() - 10));

        assertEquals(1, verify());
        assertTrue(err.contains("trail ends at seq 22 but the state store's head is seq 32: lines 23..32 were removed"),
                err);
        assertTrue(startUpRefusal().contains("lines 23..32 were removed"));
    }

    @Test
    void removingTheWholeLastDaysFileIsNamed() throws IOException {
        Files.delete(day(9));

        assertEquals(1, verify());
        assertTrue(err.contains("trail ends at seq 20 but the state store's head is seq 32: lines 21..32 were removed"),
                err);
        assertTrue(startUpRefusal().contains("lines 21..32 were removed"));
    }

    @Test
    void anEditReHashedWithPlainSha256KeepingTheMarkerFailsAtTheEditedLine() throws IOException {
        TrailForgery.rewrite(dir, 15, e -> TrailForgery.redirected(e, "someone.else@evil.example"),
                TrailForgery.Hashing.SHA256_KEEPING_MARKER);

        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED at " + day(8) + ":5: hash does not match the line's content under the chain"
                + " key"), err);
        assertTrue(startUpRefusal().contains(day(9) + ":12: hash does not match the line's content under the chain key"));
    }

    @Test
    void anEditReHashedAsUnkeyedLinesFailsAsADowngrade() throws IOException {
        TrailForgery.rewrite(dir, 15, e -> TrailForgery.redirected(e, "someone.else@evil.example"),
                TrailForgery.Hashing.SHA256_AS_UNKEYED);

        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED at " + day(8) + ":5: an unkeyed line after keyed ones (the chain is keyed"
                + " from seq 1)"), err);
        assertTrue(startUpRefusal().contains("the state store's head is seq 32 with hash"));
    }

    @Test
    void theWholeTrailReHashedAsUnkeyedIsCaughtByTheHead() throws IOException {
        TrailForgery.rewrite(dir, 1, e -> TrailForgery.redirected(e, "someone.else@evil.example"),
                TrailForgery.Hashing.SHA256_AS_UNKEYED);

        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED: the state store's head is seq 32 with hash " + heads.read().orElseThrow().hash()
                + ", but the trail's event 32 has hash "), err);
        assertTrue(err.contains(": the trail was rewritten"), err);
        assertTrue(startUpRefusal().contains("the trail was rewritten"));
    }

    @Test
    void anEditReHashedUnderAnotherKeyFails() throws IOException {
        TrailForgery.rewrite(dir, 15, e -> TrailForgery.redirected(e, "someone.else@evil.example"),
                TrailForgery.Hashing.OTHER_KEY);

        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED at " + day(8) + ":5: hash does not match the line's content under the chain"
                + " key"), err);
        assertTrue(startUpRefusal().contains("hash does not match the line's content under the chain key"));
        assertEquals(1, verify(new TrailAccess(TrailForgery.OTHER_KEY, () -> HeadLookup.of(heads))),
                "the forger's key fails on the hub's lines before the edit");
        assertTrue(err.startsWith("FAILED at " + day(7) + ":1: "), err);
    }

    @Test
    void anEventDeletedAndTheRestRenumberedAndReHashedFails() throws IOException {
        for (TrailForgery.Hashing hashing : TrailForgery.Hashing.values()) {
            Path copy = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-" + hashing));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            TrailForgery.rewrite(copy, 15, e -> e.seq() == 15 ? null : e, hashing);
            ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
            int exit = new AuditCommand(clock, Duration.ofSeconds(2), code -> null, heads.access()).run(
                    List.of("verify"), copy, new PrintStream(new ByteArrayOutputStream()), new PrintStream(errBytes));
            assertEquals(1, exit, hashing.toString());
            assertTrue(errBytes.toString().startsWith("FAILED at " + copy.resolve("audit-2024-10-08.jsonl") + ":5: "),
                    hashing + ": " + errBytes);
            assertThrows(RuntimeException.class, () -> TrailEndCheck.require(copy, MemoryChainHeads.KEY,
                    HeadLookup.of(heads)), hashing.toString());
        }
    }

    @Test
    void anUnkeyedLineAppendedToAKeyedTrailFails() throws IOException {
        TrailForgery.appendUnkeyed(dir);

        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED at " + day(9) + ":13: an unkeyed line after keyed ones"), err);
        assertTrue(startUpRefusal().contains(day(9) + ":12: an unkeyed line follows this keyed one"));
    }

    @Test
    void anUnkeyedLineInsertedIntoAKeyedTrailFails() throws IOException {
        List<String> lines = lines(day(8));
        AuditEvent before = AuditEvent.fromJsonLine(lines.get(4));
        AuditEvent inserted = AuditEvent.chained(before.seq() + 1, before.at(), null, AuditEventType.NOTE, null, "hub",
                Map.of(), before.hash());
        lines.add(5, inserted.toJsonLine());
        write(day(8), lines);

        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED at " + day(8) + ":6: an unkeyed line after keyed ones"), err);
        // The start-up check reads the trail's end only; the line after the inserted one no longer links to it,
        // which the whole-chain check finds.
        assertEquals(32, TrailEndCheck.require(dir, MemoryChainHeads.KEY, HeadLookup.of(heads)).seq());
    }

    @Test
    void anAnchorInTheChainIsFoundWithItsSeqAndAWrongOneFails() throws IOException {
        String anchor = AuditEvent.fromJsonLine(lines(day(8)).get(9)).hash();
        assertEquals(0, verify("--anchor", anchor), err);
        assertTrue(out.contains("Anchor: " + anchor + " is the hash of event seq 20; the chain is intact from there to"
                + " its end (seq 32)"), out);

        String wrong = "f".repeat(64);
        assertEquals(1, verify("--anchor", wrong));
        assertTrue(err.startsWith("FAILED: the anchor " + wrong + " is not a position of this trail's chain"), err);

        assertEquals(2, verify("--anchor", "abc"));
        assertTrue(err.contains("--anchor must be a chain hash: 64 hex digits"), err);
    }

    @Test
    void anAnchorMailedBeforeTheTrailWasRewrittenIsNoLongerInIt() throws IOException {
        String anchor = AuditEvent.fromJsonLine(lines(day(8)).get(9)).hash();
        TrailForgery.rewrite(dir, 1, e -> TrailForgery.redirected(e, "someone.else@evil.example"),
                TrailForgery.Hashing.SHA256_AS_UNKEYED);
        heads.set(new ChainHead(32, AuditEvent.fromJsonLine(lines(day(9)).get(11)).hash()));

        assertEquals(1, verify("--anchor", anchor), "even with the state store's head rewritten too");
        assertTrue(err.startsWith("FAILED: the anchor " + anchor + " is not a position of this trail's chain"), err);
    }

    @Test
    void withoutTheKeyAKeyedTrailIsNotVerifiedAndTheCommandSaysSo() {
        assertEquals(2, verify(new TrailAccess(null, () -> HeadLookup.of(heads))));
        assertTrue(err.startsWith("NO CHAIN KEY at " + day(7) + ":1: the trail is keyed from this line on"), err);
        assertTrue(err.contains("set HUB_AUDIT_CHAIN_KEY (hub.audit.chain-key)"), err);
    }

    @Test
    void aHeadThatCannotBeReadLeavesTheResultIncomplete() {
        assertEquals(3, verify(new TrailAccess(MemoryChainHeads.KEY,
                () -> HeadLookup.unavailable("the state store /x/hub.mv.db is in use by the running hub"))));
        assertTrue(err.startsWith("INCOMPLETE: the state store's chain head was not compared: the state store /x/hub.mv.db"
                + " is in use by the running hub"), err);
        assertTrue(out.contains("Head: seq 32, hash " + heads.read().orElseThrow().hash()), out);
    }

    @Test
    void aTrailAFewEventsPastTheHeadPassesWhenTheyChainOn() throws IOException {
        ChainHead recorded = heads.read().orElseThrow();
        heads.set(new ChainHead(29, AuditEvent.fromJsonLine(lines(day(9)).get(8)).hash()));

        assertEquals(0, verify(), err);
        assertTrue(out.contains("State store: the state store's head is seq 29, 3 events before the trail's end"), out);
        assertEquals(recorded, TrailEndCheck.require(dir, MemoryChainHeads.KEY, HeadLookup.of(heads)));
    }

    @Test
    void aTrailFarPastTheHeadFails() throws IOException {
        heads.set(new ChainHead(2, AuditEvent.fromJsonLine(lines(day(7)).get(1)).hash()));
        assertEquals(0, verify(), "30 events past the head are within what a stop leaves unrecorded");
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> TrailEndCheck.require(dir, MemoryChainHeads.KEY, HeadLookup.of(heads), 20));
        assertTrue(refused.getMessage().contains("the trail goes on 30 events past the state store's head (seq 2), more"
                + " than the 20 a stop can leave unrecorded"), refused.getMessage());
    }

    @Test
    void aKeyedTrailWithoutAHeadInTheStoreFails() {
        heads.set(null);
        assertEquals(1, verify());
        assertTrue(err.startsWith("FAILED: the state store holds no chain head, but the trail is keyed"), err);
        assertTrue(startUpRefusal().contains("the state store holds no chain head, but the trail is keyed"));
    }

    @Test
    void anUnkeyedTrailOfAnEarlierReleaseStillVerifiesAndSaysItIsUnkeyed(@TempDir Path old) throws IOException {
        copyFixture(old);
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        int exit = new AuditCommand(clock, Duration.ofSeconds(2), code -> null,
                new TrailAccess(MemoryChainHeads.KEY, HeadLookup::noneRecorded)).run(List.of("verify"), old,
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String text = outBytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        assertTrue(text.startsWith("OK: 8 events, chain intact, unkeyed: proves order, not authenticity"), text);
        assertTrue(text.contains("Chain: unkeyed (plain SHA-256, written by a release before the keyed chain)"), text);
        assertEquals(0, new AuditCommand().run(List.of("verify"), old, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())), "without key or state store too");
    }

    @Test
    void anUnkeyedTrailGoesOnKeyedAndIsPinnedByItsKeyedLines(@TempDir Path old) throws IOException {
        copyFixture(old);
        MemoryChainHeads upgraded = new MemoryChainHeads();
        try (AuditTrail trail = upgraded.open(old, clock)) {
            assertFalse(trail.endsKeyed());
            trail.append(null, AuditEventType.NOTE, null, "hub", Map.of("reason", "start"));
            assertTrue(trail.endsKeyed());
        }
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        assertEquals(0, new AuditCommand(clock, Duration.ofSeconds(2), code -> null, upgraded.access())
                .run(List.of("verify"), old, new PrintStream(outBytes, true, StandardCharsets.UTF_8), System.err));
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("Chain: keyed (HMAC-SHA256 under the chain key)"
                + " from seq 9; events 1..8 were written unkeyed by an earlier release"), outBytes.toString());

        // Editing the unkeyed part and re-hashing it breaks the first keyed line's link to it: its HMAC covers prev.
        Path file = old.resolve("audit-2024-10-08.jsonl");
        List<String> lines = lines(file);
        String prev = AuditEvent.GENESIS;
        for (int i = 0; i < 8; i++) {
            AuditEvent e = AuditEvent.fromJsonLine(lines.get(i));
            Map<String, Object> detail = i == 0 ? Map.of("channel", "CSV", "nip", "198702142010011004") : e.detail();
            AuditEvent forged = AuditEvent.chained(e.seq(), e.at(), e.caseId(), e.event(), e.source(), e.route(),
                    detail, prev);
            lines.set(i, forged.toJsonLine());
            prev = forged.hash();
        }
        write(file, lines);
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        assertEquals(1, new AuditCommand(clock, Duration.ofSeconds(2), code -> null, upgraded.access())
                .run(List.of("verify"), old, new PrintStream(new ByteArrayOutputStream()), new PrintStream(errBytes)));
        assertTrue(errBytes.toString().startsWith("FAILED at " + old.resolve("audit-2024-10-10.jsonl") + ":1: prev does"
                + " not match"), errBytes.toString());
    }

    @Test
    void theUnkeyedWriterRefusesToContinueAKeyedTrail() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> AuditTrail.open(dir, clock));
        assertTrue(refused.getMessage().contains("is keyed: an unkeyed line after it would downgrade it"));
    }

    @Test
    void pseudonymPrintsWhatTheTrailRecordsForAMessageId() {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        assertEquals(0, new AuditCommand(clock, Duration.ofSeconds(2), code -> null, heads.access())
                .run(List.of("pseudonym", "<budi.santoso.081234567890@pelapor.example>"), dir,
                        new PrintStream(outBytes, true, StandardCharsets.UTF_8), System.err));
        String pseudonym = outBytes.toString(StandardCharsets.UTF_8).strip();
        assertTrue(pseudonym.matches("[0-9a-f]{16}"), pseudonym);
        assertEquals(pseudonym, MemoryChainHeads.KEY.messageIdPseudonym("budi.santoso.081234567890@pelapor.example"),
                "with or without angle brackets");
        assertEquals(2, new AuditCommand().run(List.of("pseudonym", "<x@y>"), dir, System.out,
                new PrintStream(new ByteArrayOutputStream())), "keyed: no pseudonym without the key");
    }

    private static void copyFixture(Path to) throws IOException {
        try (Stream<Path> files = Files.list(UNKEYED_FIXTURE)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
