package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.app.AuditCommand;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.audit.HeadLookup;
import netralitas.hub.audit.TrailAccess;
import netralitas.hub.audit.TrailForgery;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.state.EmbeddedStateFile;
import netralitas.hub.text.FailureText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trail a running hub wrote (SPEC §8), continuing one of an earlier release (unkeyed, dated 2024-10-08) with its
 * keyed lines in today's file, tampered with in copies the way issue 11's probe did: each change is caught by
 * {@code audit verify} and refused by the next start, in one line. The daily anchor reaches its inbox and
 * {@code audit verify --anchor} finds it; an emailed report leaves no Message-ID and no sender address in the trail.
 */
class AuditChainEndToEndTest {

    private static final Path UNKEYED_FIXTURE = Path.of("src/test/resources/audit/unkeyed-trail");
    private static final String ANCHOR_INBOX = "jangkar-audit@inspektorat.bawaslu.example";
    private static final String MESSAGE_ID = "<budi.santoso.pelapor.081234567890@pelapor.example>";
    private static final String SENDER = "budi.santoso.081234567890@pelapor.example";
    private static final byte[] REPORT = String.join("\r\n",
            "From: Budi Santoso <" + SENDER + ">",
            "To: laporan@bawaslu.example",
            "Subject: Laporan ASN kampanye",
            "Date: Tue, 08 Oct 2024 14:05:12 +0700",
            "Message-ID: " + MESSAGE_ID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Tanggal Kejadian: 05/10/2024",
            "NIP Terlapor: 197803122003121004",
            "Nama Terlapor: Arif Wicaksono",
            "Wilayah: Kab. Kepahiang",
            "Jenis Pelanggaran: Kegiatan keberpihakan: pertemuan, ajakan, pemberian barang",
            "Uraian: Terlapor mengajak warga memilih pasangan calon nomor urut 2.",
            "",
            "Budi Santoso, HP 0812-3456-7890",
            "").getBytes(StandardCharsets.UTF_8);
    private static final String CSV = "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
            + "197803122003121004;2024-10-01;BANNER;Memasang baliho paslon\n"
            + "199003222015031002;2024-10-02;APPROACH_PARTY;Mendaftar penjaringan di partai\n";

    @TempDir
    static Path pristine;

    /** The first anchor mail's text. */
    private static String anchorMail;

    @TempDir
    Path copy;

    @BeforeAll
    static void runTheHubOnAnEarlierReleasesTrail() throws Exception {
        Path audit = Files.createDirectories(pristine.resolve("data/audit"));
        try (Stream<Path> files = Files.list(UNKEYED_FIXTURE)) {
            for (Path file : files.toList()) {
                Files.copy(file, audit.resolve(file.getFileName()));
            }
        }
        earlierReleasesStateStore(pristine.resolve("data"));
        try (TestHub hub = new TestHub(pristine)) {
            hub.settings.put("hub.audit.anchor-cron", "0/2 * * * * ?");
            hub.start();
            hub.imap().append(TestHub.REPORT_MAILBOX, "INBOX", REPORT);
            hub.dropAndAwait("laporan.csv", CSV);
            hub.awaitEvent("ACKNOWLEDGED", 1);
            // The second anchor at least names a keyed position: the first ANCHOR_SENT comes before it.
            hub.awaitEvent("ANCHOR_SENT", 2);
            List<MimeMessage> anchors = hub.imap().messages(ANCHOR_INBOX);
            assertTrue(anchors.size() >= 2, "the anchor mails reached their inbox");
            MimeMessage second = anchors.get(1);
            anchorMail = MailText.of(second).plain();
            assertTrue(second.getSubject().startsWith("[NETRALITAS HUB][JANGKAR AUDIT] "), second.getSubject());
        }
    }

    /** The state store an earlier release left beside that trail: its case ledger, no chain head table. */
    private static void earlierReleasesStateStore(Path dataDir) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("state/hub").toAbsolutePath(),
                "hub", ""); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL, messageId VARCHAR(100)"
                    + " NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
            sql.execute("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('cases', 'NH-20241007-7Q3K9M2A',"
                    + " TIMESTAMP WITH TIME ZONE '2024-10-08 09:15:03.300+07:00')");
        }
    }

    /** A copy of the stopped hub's folder, as a tamperer would get at it. */
    private Path tamperable() throws IOException {
        try (Stream<Path> all = Files.walk(pristine.resolve("data"))) {
            for (Path from : all.toList()) {
                Path to = copy.resolve(pristine.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().endsWith(".lock")) {
                    Files.copy(from, to);
                }
            }
        }
        return copy.resolve("data/audit");
    }

    private record Output(int exit, String out, String err) {
    }

    private static Output verify(Path work, String... options) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TrailAccess access = new TrailAccess(ChainKey.of(TestHub.CHAIN_KEY),
                () -> EmbeddedStateFile.readChainHead(work.resolve("data")));
        int exit = new AuditCommand(code -> null, access).run(args, work.resolve("data/audit"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The one line a start on the tampered copy stops with. */
    private String startUpRefusal() throws IOException {
        try (TestHub hub = new TestHub(copy)) {
            Exception failure = assertThrows(Exception.class, hub::start);
            String line = FailureText.rootMessage(failure);
            assertFalse(line.contains("\n"), "one line: " + line);
            return line;
        }
    }

    private static Path today(Path audit) throws IOException {
        try (Stream<Path> files = Files.list(audit)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    private static long lastSeq(Path audit) throws IOException {
        List<String> lines = Files.readAllLines(today(audit), StandardCharsets.UTF_8);
        return AuditEvent.fromJsonLine(lines.get(lines.size() - 1)).seq();
    }

    @Test
    void theHubsTrailVerifiesKeyedFromWhereTheEarlierReleaseStopped() throws IOException {
        Path audit = tamperable();
        Output ok = verify(copy);
        assertEquals(0, ok.exit, ok.err);
        long end = lastSeq(audit);
        assertTrue(ok.out.startsWith("OK: " + end + " events, chain intact"), ok.out);
        assertTrue(ok.out.contains("Chain: keyed (HMAC-SHA256 under the chain key) from seq 9; events 1..8 were written"
                + " unkeyed by an earlier release"), ok.out);
        assertTrue(ok.out.contains("State store: the trail ends at the state store's head (seq " + end + ")"), ok.out);
    }

    @Test
    void cuttingTheLastLineIsCaught() throws IOException {
        Path audit = tamperable();
        long end = lastSeq(audit);
        Path file = today(audit);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);

        String named = "trail ends at seq " + (end - 1) + " but the state store's head is seq " + end + ": line " + end
                + " was removed";
        Output cut = verify(copy);
        assertEquals(1, cut.exit);
        assertTrue(cut.err.startsWith("FAILED: " + named), cut.err);
        assertTrue(startUpRefusal().contains(named));
    }

    @Test
    void cuttingTheLastTenLinesIsCaught() throws IOException {
        Path audit = tamperable();
        long end = lastSeq(audit);
        Path file = today(audit);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, lines.size() - 10), StandardCharsets.UTF_8);

        String named = "lines " + (end - 9) + ".." + end + " were removed";
        Output cut = verify(copy);
        assertEquals(1, cut.exit);
        assertTrue(cut.err.contains(named), cut.err);
        assertTrue(startUpRefusal().contains(named));
    }

    @Test
    void removingTheWholeLastDaysFileIsCaught() throws IOException {
        Path audit = tamperable();
        long end = lastSeq(audit);
        Files.delete(today(audit));

        String named = "trail ends at seq 8 but the state store's head is seq " + end + ": lines 9.." + end
                + " were removed";
        Output cut = verify(copy);
        assertEquals(1, cut.exit);
        assertTrue(cut.err.contains(named), cut.err);
        assertTrue(startUpRefusal().contains(named));
    }

    @Test
    void aRecipientChangedAndEverythingAfterReHashedWithPlainSha256IsCaught() throws IOException {
        for (TrailForgery.Hashing hashing : List.of(TrailForgery.Hashing.SHA256_KEEPING_MARKER,
                TrailForgery.Hashing.SHA256_AS_UNKEYED)) {
            Path audit = tamperable();
            long delivered = firstDelivered(audit);
            TrailForgery.rewrite(audit, delivered, e -> TrailForgery.redirected(e, "someone.else@evil.example"), hashing);
            assertTrue(Files.readString(today(audit)).contains("someone.else@evil.example"));

            Output forged = verify(copy);
            assertEquals(1, forged.exit, hashing.toString());
            assertTrue(forged.err.startsWith("FAILED at " + today(audit) + ":"), forged.err);
            assertTrue(forged.err.contains(hashing == TrailForgery.Hashing.SHA256_AS_UNKEYED
                    ? "an unkeyed line after keyed ones" : "hash does not match the line's content under the chain key"),
                    forged.err);
            String refused = startUpRefusal();
            assertTrue(refused.contains("hash does not match the line's content under the chain key")
                    || refused.contains("the trail was rewritten"), refused);
            clean();
        }
    }

    @Test
    void aRecipientChangedAndReHashedUnderAnotherKeyIsCaught() throws IOException {
        Path audit = tamperable();
        TrailForgery.rewrite(audit, firstDelivered(audit), e -> TrailForgery.redirected(e, "someone.else@evil.example"),
                TrailForgery.Hashing.OTHER_KEY);

        Output forged = verify(copy);
        assertEquals(1, forged.exit);
        assertTrue(forged.err.contains("hash does not match the line's content under the chain key"), forged.err);
        assertTrue(startUpRefusal().contains("hash does not match the line's content under the chain key"));
    }

    @Test
    void anEventDeletedAndTheRestRenumberedIsCaught() throws IOException {
        Path audit = tamperable();
        long delivered = firstDelivered(audit);
        TrailForgery.rewrite(audit, delivered, e -> e.seq() == delivered ? null : e,
                TrailForgery.Hashing.SHA256_KEEPING_MARKER);

        Output forged = verify(copy);
        assertEquals(1, forged.exit);
        assertTrue(forged.err.startsWith("FAILED at " + today(audit) + ":"), forged.err);
        String refused = startUpRefusal();
        assertTrue(refused.contains("hash does not match the line's content under the chain key"), refused);
    }

    @Test
    void theAnchorMailCarriesAHeadThatVerifyFindsAndAWrongHashFails() throws IOException {
        tamperable();
        Matcher seq = Pattern.compile("Nomor urut peristiwa \\(seq\\) : (\\d+)").matcher(anchorMail);
        Matcher hash = Pattern.compile("Hash kepala rantai\\s+: ([0-9a-f]{64})").matcher(anchorMail);
        assertTrue(seq.find() && hash.find(), anchorMail);
        assertTrue(anchorMail.contains("audit verify --anchor " + hash.group(1)), anchorMail);

        Output found = verify(copy, "--anchor", hash.group(1));
        assertEquals(0, found.exit, found.err);
        assertTrue(found.out.contains("Anchor: " + hash.group(1) + " is the hash of event seq " + seq.group(1)), found.out);
        assertTrue(Long.parseLong(seq.group(1)) > 8, "a keyed position: " + seq.group(1));
        assertTrue(readTrail(copy.resolve("data/audit")).contains("\"detail\":{\"hash\":\"" + hash.group(1)
                + "\",\"messageId\":\"<anchor-"), "recorded as ANCHOR_SENT with the hash it mailed");

        Output wrong = verify(copy, "--anchor", "0123456789abcdef".repeat(4));
        assertEquals(1, wrong.exit);
        assertTrue(wrong.err.contains("is not a position of this trail's chain"), wrong.err);
    }

    @Test
    void anEmailedReportLeavesNoMessageIdAndNoSenderAddressInTheTrail() throws IOException {
        String trail = readTrail(pristine.resolve("data/audit")).toLowerCase(java.util.Locale.ROOT);
        String pseudonym = TestHub.mid(MESSAGE_ID);
        assertTrue(trail.contains(";mid=" + pseudonym + "\""), "the message is found by its pseudonym");
        for (String identifying : List.of(MESSAGE_ID, "budi", "santoso", "081234567890", "0812-3456-7890", SENDER,
                "@pelapor.example")) {
            assertFalse(trail.contains(identifying.toLowerCase(java.util.Locale.ROOT)), identifying + " in the trail");
        }
    }

    /**
     * {@code kill -9} while a file is going through: the head the state store kept may lag the trail's end but never
     * lead it; the next start and {@code audit verify} accept the lag because the lines past the head chain on.
     */
    @Test
    void afterKillMinusNineTheHeadLagsTheTrailNeverLeadsItAndTheHubStartsAgain(@TempDir Path work) throws Exception {
        int rows = 1_500;
        StringBuilder csv = new StringBuilder("nomor_laporan;tanggal_kejadian;nip_terlapor;jenis_pelanggaran;uraian\n");
        for (int i = 0; i < rows; i++) {
            csv.append("K-").append(i).append(";2024-10-").append(String.format("%02d", 1 + i % 28)).append(';')
                    .append(GeneratedEmployees.nip(10_000 + i)).append(";APPROACH_PARTY;Mendaftar penjaringan ")
                    .append(i).append('\n');
        }
        Path log = work.resolve("hub.log");
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"), TestHub.CONSUMER_KEY,
                     TestHub.CONSUMER_SECRET)) {
            bkn.start();
            Map<String, String> settings = TestHub.settings(work, mail, bkn, mail.smtpPort());
            Path drop = Files.createDirectories(work.resolve("drop"));
            Path file = work.resolve("laporan.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            try (HubProcess hub = HubProcess.start(settings, log)) {
                Files.move(file, drop.resolve("laporan.csv"), StandardCopyOption.ATOMIC_MOVE);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (RawTrail.lines(work.resolve("data/audit")) < 2_000) {
                    assertTrue(System.nanoTime() < deadline, "the hub wrote too little: " + Files.readString(log));
                    Thread.sleep(100);
                }
                HeadLookup whileRunning = EmbeddedStateFile.readChainHead(work.resolve("data"));
                assertEquals(HeadLookup.Kind.UNAVAILABLE, whileRunning.kind());
                assertTrue(whileRunning.detail().contains("is in use by the running hub"), whileRunning.detail());
                hub.kill();
            }
            Path audit = work.resolve("data/audit");
            long end = lastSeq(audit);
            HeadLookup head = EmbeddedStateFile.readChainHead(work.resolve("data"));
            assertEquals(HeadLookup.Kind.FOUND, head.kind(), head.toString());
            assertTrue(head.head().seq() <= end, "the head " + head.head() + " leads the trail's end " + end);
            Output lagging = verify(work);
            assertEquals(0, lagging.exit, lagging.err);

            try (HubProcess again = HubProcess.start(settings, log)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (Files.exists(drop.resolve("laporan.csv"))) {
                    assertTrue(again.isAlive(), "the hub refused to start again: " + Files.readString(log));
                    assertTrue(System.nanoTime() < deadline, "the file was not finished after the restart");
                    Thread.sleep(200);
                }
                assertTrue(again.terminate(45));
            }
        }
        Output after = verify(work);
        assertEquals(0, after.exit, after.err);
        assertTrue(after.out.contains("State store: the trail ends at the state store's head"), after.out);
    }

    private static String readTrail(Path audit) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(audit)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static long firstDelivered(Path audit) throws IOException {
        return Files.readAllLines(today(audit), StandardCharsets.UTF_8).stream().map(AuditEvent::fromJsonLine)
                .filter(e -> e.event().name().equals("DELIVERED")).findFirst().orElseThrow().seq();
    }

    private void clean() throws IOException {
        try (Stream<Path> all = Files.walk(copy.resolve("data"))) {
            for (Path path : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
