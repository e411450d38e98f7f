package netralitas.hub.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What someone who can write the trail files, but lacks the chain key, does to hide an edit: change or remove events
 * and recompute every hash from there on, the way the code computes them — with plain SHA-256 (as before the keyed
 * chain), or with a key of their own. Used by the tamper tests on trails the hub wrote.
 */
public final class TrailForgery {

    /** How the forger recomputes a hash. */
    public enum Hashing {
        /** Plain SHA-256, the line keeping its "chain":"hmac-sha256" marker. */
        SHA256_KEEPING_MARKER,
        /** Plain SHA-256 with the marker dropped: the lines pass for unkeyed lines of an earlier release. */
        SHA256_AS_UNKEYED,
        /** HMAC-SHA256 under a key that is not the hub's. */
        OTHER_KEY
    }

    /** Not the hub's key. */
    public static final ChainKey OTHER_KEY = ChainKey.of("a-forgers-own-key-0123456789abcdef-xyz");

    private TrailForgery() {
    }

    /**
     * Rewrites the trail: every event from seq {@code from} on is passed through {@code edit} (null drops it), then
     * renumbered and re-hashed from there on with {@code hashing}; the lines before stay as they are.
     */
    public static void rewrite(Path auditDir, long from, UnaryOperator<AuditEvent> edit, Hashing hashing)
            throws IOException {
        long seq = 0;
        String prev = AuditEvent.GENESIS;
        for (Path file : AuditFiles.list(auditDir)) {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                AuditEvent event = AuditEvent.fromJsonLine(line);
                if (event.seq() < from) {
                    out.add(line);
                    seq = event.seq();
                    prev = event.hash();
                    continue;
                }
                AuditEvent edited = edit.apply(event);
                if (edited == null) {
                    continue;
                }
                seq++;
                AuditEvent forged = forge(edited, seq, prev, hashing);
                out.add(forged.toJsonLine());
                prev = forged.hash();
            }
            write(file, out);
        }
    }

    /** A changed DELIVERED recipient, as the probe of issue 11 forged it. */
    public static AuditEvent redirected(AuditEvent event, String recipient) {
        if (event.event() != AuditEventType.DELIVERED) {
            return event;
        }
        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>(event.detail());
        detail.put("to", recipient);
        return new AuditEvent(event.seq(), event.at(), event.caseId(), event.event(), event.source(), event.route(),
                detail, event.prev(), event.hash(), event.keyed());
    }

    /** An unkeyed line (plain SHA-256, as an earlier release wrote) chained onto the end of the trail. */
    public static void appendUnkeyed(Path auditDir) throws IOException {
        List<Path> files = AuditFiles.list(auditDir);
        Path last = files.get(files.size() - 1);
        List<String> lines = Files.readAllLines(last, StandardCharsets.UTF_8);
        AuditEvent end = AuditEvent.fromJsonLine(lines.get(lines.size() - 1));
        AuditEvent added = AuditEvent.chained(end.seq() + 1, end.at(), null, AuditEventType.NOTE, null, "hub",
                java.util.Map.of("reason", "untuk menutupi"), end.hash());
        lines.add(added.toJsonLine());
        write(last, lines);
    }

    private static AuditEvent forge(AuditEvent event, long seq, String prev, Hashing hashing) {
        return switch (hashing) {
            case SHA256_AS_UNKEYED -> AuditEvent.chained(seq, event.at(), event.caseId(), event.event(), event.source(),
                    event.route(), event.detail(), prev);
            case OTHER_KEY -> AuditEvent.chained(seq, event.at(), event.caseId(), event.event(), event.source(),
                    event.route(), event.detail(), prev, OTHER_KEY);
            case SHA256_KEEPING_MARKER -> {
                AuditEvent shaped = new AuditEvent(seq, event.at(), event.caseId(), event.event(), event.source(),
                        event.route(), event.detail(), prev, AuditEvent.GENESIS, true);
                String hash = CanonicalJson.chainHash(prev, shaped.canonicalJsonWithoutHash());
                yield new AuditEvent(seq, event.at(), event.caseId(), event.event(), event.source(), event.route(),
                        event.detail(), prev, hash, true);
            }
        };
    }

    private static void write(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
