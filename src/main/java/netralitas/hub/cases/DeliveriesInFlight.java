package netralitas.hub.cases;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The cases whose email was handed to the SMTP server, written down just before it is. Sending a case and recording
 * it as handled cannot be one atomic step: a hub killed between the two would, after a restart, send the case again.
 * With this log it knows better: a case written here but never recorded as handled may or may not have reached its
 * office, so it is not sent again blindly but parked for an operator to check ("delivery uncertain"). Never twice;
 * at worst visibly parked.
 *
 * <p>An append-only file, one line per event: {@code <case id>} when its email goes out, {@code -<case id>} when the
 * SMTP server refused it (the case was parked instead, nothing was delivered). At start it is compacted to the
 * uncertain ones only.
 */
public final class DeliveriesInFlight implements AutoCloseable {

    private static final String NOT_SENT = "-";

    private final Path file;
    private final Set<String> uncertain;
    private FileChannel log;

    private DeliveriesInFlight(Path file, Set<String> uncertain) throws IOException {
        this.file = file;
        this.uncertain = uncertain;
        rewrite();
    }

    /** @param handled whether a case id is recorded as handled (the case ledger) */
    public static DeliveriesInFlight open(Path file, Predicate<String> handled) throws IOException {
        Files.createDirectories(file.getParent());
        Set<String> uncertain = new LinkedHashSet<>();
        if (Files.exists(file)) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // Only whole lines: a line cut short was being written when the hub died, before its email was sent.
            String[] lines = content.substring(0, content.lastIndexOf('\n') + 1).split("\n");
            for (String line : lines) {
                String entry = line.strip();
                if (entry.startsWith(NOT_SENT)) {
                    uncertain.remove(entry.substring(NOT_SENT.length()));
                } else if (!entry.isEmpty()) {
                    uncertain.add(entry);
                }
            }
            uncertain.removeIf(handled);
        }
        return new DeliveriesInFlight(file, uncertain);
    }

    /** Written before the email of {@code caseId} goes to the SMTP server. */
    public synchronized void sending(String caseId) throws IOException {
        log.write(ByteBuffer.wrap((caseId + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The case was parked after its send failed: the server did not take it, so it is not in doubt. */
    public synchronized void notSent(String caseId) throws IOException {
        log.write(ByteBuffer.wrap((NOT_SENT + caseId + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The case was being sent when the hub stopped and was never recorded as handled. */
    public synchronized boolean isUncertain(String caseId) {
        return uncertain.contains(caseId);
    }

    /** An operator has it now (it is parked): a later replay sends it normally. */
    public synchronized void resolved(String caseId) throws IOException {
        if (uncertain.remove(caseId)) {
            rewrite();
        }
    }

    public synchronized List<String> uncertain() {
        return List.copyOf(uncertain);
    }

    private void rewrite() throws IOException {
        if (log != null) {
            log.close();
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder lines = new StringBuilder();
        uncertain.forEach(caseId -> lines.append(caseId).append('\n'));
        Files.writeString(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }
}
