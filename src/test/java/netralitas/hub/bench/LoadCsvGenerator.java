package netralitas.hub.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the CSV of a load run, streaming, and a manifest of what it holds (rows per kind, distinct NIPs) that the
 * report compares with the audit trail.
 *
 * <pre>
 * LoadCsvGenerator --rows N --out file.csv --manifest generator.properties --config config/
 *                  [--bad 0.05] [--repeat 0.2] [--duplicate 0] [--mix 40,40,15,5] [--seed 42]
 * </pre>
 */
public final class LoadCsvGenerator {

    private static final CSVFormat SEMICOLON = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n").get();

    private LoadCsvGenerator() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        long rows = args.number("rows", 0);
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1");
        }
        RowMix mix = RowMix.DEFAULT
                .withShares(args.fraction("bad", RowMix.DEFAULT.bad()), args.fraction("repeat", RowMix.DEFAULT.repeat()),
                        args.fraction("duplicate", RowMix.DEFAULT.duplicate()))
                .withWeights(args.string("mix", "40,40,15,5"));
        long seed = args.number("seed", 42);
        Path config = args.path("config");
        Path out = args.path("out");

        long started = System.nanoTime();
        LoadCsv csv = new LoadCsv(mix, seed, Employers.load(config), CategoryCodes.load(config),
                RegionRows.kabupaten(config));
        write(csv, rows, out);
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("rows", rows);
        manifest.put("seed", seed);
        manifest.put("mix", mix);
        manifest.put("file", out.toAbsolutePath());
        manifest.put("bytes", Files.size(out));
        csv.counts().forEach((kind, count) -> manifest.put("kind." + kind, count));
        long bad = csv.counts().entrySet().stream().filter(e -> e.getKey().bad()).mapToLong(Map.Entry::getValue).sum();
        manifest.put("bad", bad);
        manifest.put("repeatedNipRows", csv.repeatedNipRows());
        manifest.put("distinctNips", csv.distinctNips());
        KeyValues.write(args.path("manifest"), manifest);

        System.out.printf("generated %,d rows (%,d bytes) in %.1f s: %s%n", rows, Files.size(out), seconds, out);
        System.out.printf("  %s, seed %d%n", mix, seed);
        System.out.printf("  kinds %s; rows repeating an earlier NIP %,d; distinct NIPs %,d%n", csv.counts(),
                csv.repeatedNipRows(), csv.distinctNips());
    }

    private static void write(LoadCsv csv, long rows, Path out) throws IOException {
        try (BufferedWriter writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16);
             CSVPrinter printer = new CSVPrinter(writer, SEMICOLON)) {
            printer.printRecord(LoadCsv.HEADER);
            for (long i = 0; i < rows; i++) {
                printer.printRecord(csv.next().cells());
            }
        }
    }
}
