package netralitas.hub.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code *.rejected.csv} files the hub wrote beside the processed file: how many rows they hold (records, not
 * lines: a quoted cell may span lines) and how often each kind of reason ({@code alasan} up to its first ':') occurs.
 */
record RejectsFiles(int files, long rows, Map<String, Long> reasons) {

    static RejectsFiles read(Path doneDir) throws IOException {
        if (!Files.isDirectory(doneDir)) {
            return new RejectsFiles(0, 0, Map.of());
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(doneDir)) {
            files = entries.filter(p -> p.getFileName().toString().endsWith(".rejected.csv")).sorted().toList();
        }
        long rows = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (Path file : files) {
            char delimiter = delimiterOf(file);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = format.parse(reader)) {
                boolean hasReason = parser.getHeaderMap().containsKey("alasan");
                for (CSVRecord record : parser) {
                    rows++;
                    String reason = hasReason && record.isSet("alasan") ? record.get("alasan") : "(no alasan column)";
                    int colon = reason.indexOf(':');
                    reasons.merge(colon > 0 ? reason.substring(0, colon) : reason, 1L, Long::sum);
                }
            }
        }
        return new RejectsFiles(files.size(), rows, reasons);
    }

    private static char delimiterOf(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                return ';';
            }
            long semicolons = header.chars().filter(c -> c == ';').count();
            long commas = header.chars().filter(c -> c == ',').count();
            return semicolons >= commas ? ';' : ',';
        }
    }
}
