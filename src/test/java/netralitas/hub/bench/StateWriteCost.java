package netralitas.hub.bench;

import netralitas.hub.followup.CaseSummary;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.report.Channel;
import netralitas.hub.state.CaseLedgerTable;
import netralitas.hub.state.DeliveriesInFlight;
import netralitas.hub.state.FollowUpTable;
import netralitas.hub.state.GroupCommit;
import netralitas.hub.state.StateStore;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the writes of a delivered case cost the embedded H2 store, without the rest of the hub: {@code --workers} threads
 * each write, per case, what the hub's delivery writes (the row before the send; the follow-up row with its history and
 * the ledger record with that row cleared, in one write) through one {@link GroupCommit}, paced at {@code --rate} cases
 * per second, into a fresh store opened as the hub opens it (its H2 settings and housekeeping). Runs twice in one go:
 * the group commit committing at once (the reference) and waiting up to {@code --commit-delay-ms} for the other workers
 * (the shipped setting), after a warm-up of 2,000 cases. Prints, for each: the rate, the JVM's CPU per 1,000 cases, the
 * writes (chunks) and bytes H2 wrote per case, the file per case, the share of the chunks' space in use, and the file
 * once compacted (the live data). {@code bench/state-writes.sh} runs it (docs/benchmarks.md, benchmark 9).
 */
public final class StateWriteCost {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private StateWriteCost() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int cases = (int) args.number("cases", 20_000);
        int rate = (int) args.number("rate", 450);
        int workers = (int) args.number("workers", 8);
        Duration delay = Duration.ofMillis(args.number("commit-delay-ms", 2));
        run(2_000, rate, workers, Duration.ZERO);
        Map<String, String> reference = run(cases, rate, workers, Duration.ZERO);
        Map<String, String> shipped = run(cases, rate, workers, delay);
        System.out.printf("STATE WRITE COST, %,d cases at %d/s from %d workers, embedded H2, %d cores, %s%n", cases, rate,
                workers, Runtime.getRuntime().availableProcessors(), Instant.now().truncatedTo(ChronoUnit.MINUTES));
        System.out.println("  commit at once (reference)    " + line(reference));
        System.out.println("  commit delay " + delay.toMillis() + " ms              " + line(shipped));
    }

    private static String line(Map<String, String> figures) {
        return String.format("%7s cases/s | CPU %6s ms per 1,000 | %5s file writes and %7s bytes written per case"
                        + " | file %6s bytes per case, %3s %% of chunks in use | compacted %4s bytes per case",
                figures.get("rate"), figures.get("cpu"), figures.get("chunks"), figures.get("written"),
                figures.get("file"), figures.get("fill"), figures.get("compacted"));
    }

    private static Map<String, String> run(int cases, int rate, int workers, Duration delay) throws Exception {
        Path dir = Files.createTempDirectory("state-write-cost");
        Map<String, String> figures = new HashMap<>();
        try (StateStore store = StateStore.embedded(dir, workers + 2);
             GroupCommit writer = new GroupCommit(store.dataSource(), 256, delay, "state-writer")) {
            CaseLedgerTable ledger = CaseLedgerTable.ofOneNode(store.dataSource(), writer, Clock.systemUTC(), "bench");
            DeliveriesInFlight inFlight = new DeliveriesInFlight(store.dataSource(), writer, "bench");
            AtomicInteger next = new AtomicInteger();
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<Object>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Random random = new Random(w);
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                        long early = start + (long) (i * 1e9 / rate) - System.nanoTime();
                        if (early > 0) {
                            TimeUnit.NANOSECONDS.sleep(early);
                        }
                        deliver(i, random, inFlight, ledger);
                    }
                    return null;
                }));
            }
            for (Future<Object> worker : done) {
                worker.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            figures.put("rate", String.format("%.0f", cases / seconds));
            figures.put("cpu", String.format("%,.0f", (processCpuNanos() - cpuBefore) / 1e6 / cases * 1000));
            Map<String, Long> info = storeInfo(store);
            figures.put("chunks", String.format("%.2f", (double) info.get("info.FILE_WRITE") / cases));
            figures.put("written", String.format("%,.0f", (double) info.get("info.FILE_WRITE_BYTES") / cases));
            figures.put("fill", String.valueOf(info.get("info.CHUNKS_FILL_RATE")));
        }
        Path file = dir.resolve("state/hub.mv.db");
        figures.put("file", String.format("%,.0f", (double) Files.size(file) / cases));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state/hub")
                + ";COMPRESS=TRUE", "hub", ""); Statement sql = connection.createStatement()) {
            sql.execute("SHUTDOWN COMPACT");
        }
        figures.put("compacted", String.format("%,.0f", (double) Files.size(file) / cases));
        return figures;
    }

    /** The writes of one delivered case, as the delivery route makes them, in its order. */
    private static void deliver(int n, Random random, DeliveriesInFlight inFlight, CaseLedgerTable ledger)
            throws SQLException {
        StringBuilder id = new StringBuilder("NH-202410").append(String.format("%02d", 1 + n % 28)).append('-');
        for (int k = 0; k < 8; k++) {
            id.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        String caseId = id.toString();
        String nip = "1985031220100110" + String.format("%02d", random.nextInt(100));
        LocalDate incident = LocalDate.of(2024, 10, 1 + n % 28);
        Instant now = Instant.now();
        inFlight.sending(caseId);
        CaseSummary summary = new CaseSummary(caseId, "[NETRALITAS ASN][BERAT] " + caseId
                + " - Budi Santoso, S.Sos. (NIP " + nip + ") - Kab. Bogor", "Budi Santoso, S.Sos.", nip, "BERAT",
                "PARTISAN_ACTIVITY", "Kantor Kecamatan Cibinong", incident, "bkpsdm@bogorkab.example",
                "bawaslu.jabar@bawaslu.example, kanreg3@bkn.example", "KANREG-III", Channel.CSV,
                "laporan-" + n / 1000 + ".csv, baris " + n);
        ledger.record(caseId, FollowUpTable.opening(FollowUpCase.forwarded(caseId, "<" + caseId
                + "@hub.bawaslu.example>", "32.01", "BERAT", "nip:" + nip, incident, List.of("bkpsdm@bogorkab.example",
                "bawaslu.jabar@bawaslu.example", "kanreg3@bkn.example"), now, now.plus(14, ChronoUnit.DAYS), summary)));
    }

    private static Map<String, Long> storeInfo(StateStore store) throws SQLException {
        Map<String, Long> info = new HashMap<>();
        try (Connection connection = store.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('info.FILE_WRITE', 'info.FILE_WRITE_BYTES', 'info.CHUNKS_FILL_RATE')")) {
            while (rows.next()) {
                info.put(rows.getString(1), Long.parseLong(rows.getString(2)));
            }
        }
        return info;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
