package netralitas.hub.e2e;

import netralitas.hub.app.Hub;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's demo of the follow-up loop (SPEC §10, §12), on the embedded defaults with its clock shortened: Kepahiang
 * answers SELESAI with its decree and the case closes; Lebong answers DIPROSES, so its case is still reminded; Kota
 * Bengkulu never answers and its case is reminded, then escalated to its Bawaslu and the Kanreg.
 */
class FollowUpDemoEndToEndTest {

    /** The sample reports' cases: Arif Wicaksono (Kepahiang), Dewi Kartika Sari (Lebong), Bambang Suryadi (Bengkulu). */
    private static final String KEPAHIANG = "NH-20241008-V985QRPK";
    private static final String LEBONG = "NH-20241012-GYFHAKEY";
    private static final String KOTA_BENGKULU = "NH-20240925-Q5XJB0M0";

    @Test
    void oneOfficeClosesItsCaseOneIsStillWorkingAndTheSilentOneIsEscalated(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        Hub hub = Hub.create(TestHub.PROJECT, Map.ofEntries(
                Map.entry("hub.embedded", "true"),
                Map.entry("hub.embedded.smtp-port", "0"),
                Map.entry("hub.embedded.imap-port", "0"),
                Map.entry("hub.embedded.bkn-port", "0"),
                Map.entry("hub.management.port", String.valueOf(TestHub.freePort())),
                Map.entry("hub.embedded.digest-cron", "0 0 7 1 1 ? 2099"),
                Map.entry("hub.embedded.followup-deadline", "PT8S"),
                Map.entry("hub.embedded.followup-reminder-interval", "PT2S"),
                Map.entry("hub.embedded.followup-check-interval", "PT1S"),
                Map.entry("hub.embedded.answer-delay", "PT1S"),
                Map.entry("hub.followup.max-reminders", "1"),
                Map.entry("hub.imap.poll-delay-ms", "300"),
                Map.entry("hub.data-dir", data.toString()),
                Map.entry("hub.csv.drop-dir", work.resolve("drop").toString()),
                Map.entry("hub.csv.read-lock-min-age-ms", "100")));
        hub.start();
        try {
            Path audit = data.resolve("audit");
            await(() -> has(audit, KOTA_BENGKULU, "ESCALATED") && has(audit, LEBONG, "ESCALATED")
                    && has(audit, KEPAHIANG, "FOLLOW_UP_CLOSED"), "the loop of the three offices");

            AuditEvent closed = only(audit, KEPAHIANG, "FOLLOW_UP");
            assertEquals("SELESAI", closed.detail().get("status"));
            assertEquals(false, closed.detail().get("spoofed"));
            assertTrue(String.valueOf(closed.detail().get("evidence")).contains("application/pdf"), closed.toString());
            assertEquals(List.of(), events(audit, KEPAHIANG, "REMINDED"), "a closed case is not reminded");

            assertEquals("DIPROSES", only(audit, LEBONG, "FOLLOW_UP").detail().get("status"));
            assertEquals(List.of(), events(audit, LEBONG, "FOLLOW_UP_CLOSED"), "DIPROSES is no final status");

            assertEquals(List.of(), events(audit, KOTA_BENGKULU, "FOLLOW_UP"), "the silent office");
            assertEquals(1, events(audit, KOTA_BENGKULU, "REMINDED").size());
            assertEquals("bawaslu.kota-bengkulu@bawaslu.example, kanreg-vii.palembang@bkn.example",
                    only(audit, KOTA_BENGKULU, "ESCALATED").detail().get("to"));
            assertTrue(files(data.resolve("followup").resolve(KEPAHIANG)) == 1, "the decree kept with its case");
        } finally {
            hub.stop();
        }
    }

    private static long files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private static boolean has(Path audit, String caseId, String event) {
        return Files.isDirectory(audit) && !events(audit, caseId, event).isEmpty();
    }

    private static AuditEvent only(Path audit, String caseId, String event) {
        List<AuditEvent> found = events(audit, caseId, event);
        assertEquals(1, found.size(), caseId + " " + event + ": " + found);
        return found.get(0);
    }

    private static List<AuditEvent> events(Path audit, String caseId, String event) {
        // A line being written is skipped, not an error: the hub is running.
        try (Stream<AuditEvent> events = new AuditLog(audit, unreadable -> { }).events()) {
            return events.filter(e -> caseId.equals(e.caseId()) && event.equals(e.event().name())).toList();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(250);
        }
    }
}
