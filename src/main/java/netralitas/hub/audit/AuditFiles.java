package netralitas.hub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The daily files of a trail: {@code audit-YYYY-MM-DD.jsonl}, whose name order is their chain order. */
final class AuditFiles {

    private static final Pattern NAME = Pattern.compile("audit-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");

    private AuditFiles() {
    }

    static Path fileFor(Path auditDir, LocalDate date) {
        return auditDir.resolve("audit-" + date + ".jsonl");
    }

    static LocalDate dateOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an audit trail file: " + file);
        }
        return LocalDate.parse(m.group(1));
    }

    /** Their size together, for the share of a pass done; -1 when a size cannot be read (progress then shows none). */
    static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    /** The trail's files, oldest first; empty when the directory does not exist yet. */
    static List<Path> list(Path auditDir) {
        if (!Files.isDirectory(auditDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(auditDir)) {
            return entries
                    .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    // ISO dates in the name: lexical order is date order
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list audit directory " + auditDir, e);
        }
    }
}
