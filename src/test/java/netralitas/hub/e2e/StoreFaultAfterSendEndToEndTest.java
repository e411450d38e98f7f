package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.camel.HubProperties;
import netralitas.hub.cases.ViolationCase;
import org.apache.camel.builder.AdviceWith;
import netralitas.hub.state.ParkedCaseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step of route deliver fails after the SMTP server accepted the case mail (SPEC §11: each case delivered once, or
 * parked as "delivery uncertain"). When the state store stops answering for a moment, hub-failures tries the delivery
 * again once it answers, and that attempt records what is left: it never sends the mail again, never records a step
 * twice. When the failure is of another kind, or the store stays away too long, the case is parked as uncertain. The
 * fault is thrown once for each case, where DELIVERED is recorded or where the follow-up row is opened.
 */
class StoreFaultAfterSendEndToEndTest {

    private static final int ROWS = 4;
    /** The step of route deliver that records DELIVERED, and the one that opens the follow-up row. */
    private static final String DELIVERED_STEP = ".*'DELIVERED'.*";
    private static final String OPEN_STEP = ".*caseFollowUp.*open.*";

    @ParameterizedTest(name = "store fault at {0}")
    @ValueSource(strings = {DELIVERED_STEP, OPEN_STEP})
    void aStoreFaultAfterTheSendSendsNothingTwice(String step, @TempDir Path work) throws Exception {
        try (TestHub hub = hub(work, Map.of())) {
            AtomicInteger faults = failOncePerCase(hub, step,
                    () -> new SQLTransientConnectionException("the state store went away (injected)", "08006"));

            hub.dropAndAwait("laporan.csv", SedangReports.csv(ROWS));
            hub.awaitEvent("DELIVERED", ROWS);

            assertEquals(ROWS, faults.get(), "one fault per case, after its send");
            List<AuditEvent> trail = hub.audit();
            Map<String, Long> delivered = deliveredOnce(trail, ROWS);
            assertTrue(trail.stream().noneMatch(e -> "DEAD_LETTERED".equals(e.event().name())
                    || e.event().name().endsWith("_DEFERRED")), "nothing parked: " + trail);
            DeliveredCopies.assertEachCaseReachedEachOfItsRecipientsOnce(DeliveredCopies.caseMails(hub.mail),
                    delivered.keySet(), Set.of());
        }
    }

    /** Any other error after the send would dead-letter the case, and a replay send it again unseen. */
    @Test
    void anotherErrorAfterTheSendParksTheCaseAsUncertain(@TempDir Path work) throws Exception {
        try (TestHub hub = hub(work, Map.of())) {
            failOncePerCase(hub, OPEN_STEP, () -> new IllegalStateException("a bug after the send (injected)"));

            hub.dropAndAwait("laporan.csv", SedangReports.csv(ROWS));

            assertUncertainAfterOneCopy(hub);
        }
    }

    /**
     * The store stays away longer than hub-failures waits: the file is read again once it answers, and the case whose
     * mail the server accepted comes back. It is parked as uncertain, never sent again.
     */
    @Test
    void aCaseWhoseMailWasSentComesBackWithItsFileAndIsParkedAsUncertain(@TempDir Path work) throws Exception {
        try (TestHub hub = hub(work, Map.of("hub.state.max-redeliveries", "0"))) {
            failOncePerCase(hub, OPEN_STEP,
                    () -> new SQLTransientConnectionException("the state store went away (injected)", "08006"));

            hub.dropAndAwait("laporan.csv", SedangReports.csv(1));

            assertUncertainAfterOneCopy(hub);
        }
    }

    /**
     * Read again while it is parked as uncertain (its file dropped again, as after another kill of a node reading it),
     * a case is parked again, never sent again: only the operator's replay sends it.
     */
    @Test
    void aCaseParkedAsUncertainAndReadAgainIsParkedAgain(@TempDir Path work) throws Exception {
        try (TestHub hub = hub(work, Map.of())) {
            failOncePerCase(hub, OPEN_STEP, () -> new IllegalStateException("a bug after the send (injected)"));

            hub.dropAndAwait("laporan.csv", SedangReports.csv(ROWS));
            hub.dropAndAwait("laporan-lagi.csv", SedangReports.csv(ROWS));

            assertUncertainAfterOneCopy(hub);
            assertEquals(2 * ROWS, hub.audit().stream().filter(e -> "DEAD_LETTERED".equals(e.event().name())).count(),
                    "each case parked once per read");
        }
    }

    private static TestHub hub(Path work, Map<String, String> settings) throws Exception {
        TestHub hub = new TestHub(work, GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"),
                TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET), false);
        hub.settings.put("hub.state.redelivery-delay-ms", "50");
        hub.settings.putAll(settings);
        return hub.start();
    }

    /** Throws {@code failure} at {@code step} of route deliver, the first time each case reaches it. */
    private static AtomicInteger failOncePerCase(TestHub hub, String step, Supplier<Exception> failure)
            throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        AtomicInteger faults = new AtomicInteger();
        AdviceWith.adviceWith(hub.context(), "deliver", route -> route.weaveByToString(step).selectFirst().before()
                .process(exchange -> {
                    if (failedOnce.add(exchange.getProperty(HubProperties.CASE, ViolationCase.class).getCaseId())) {
                        faults.incrementAndGet();
                        throw failure.get();
                    }
                }));
        return faults;
    }

    private static Map<String, Long> deliveredOnce(List<AuditEvent> trail, int cases) {
        Map<String, Long> delivered = trail.stream().filter(e -> "DELIVERED".equals(e.event().name()))
                .collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
        assertEquals(cases, delivered.size(), trail.toString());
        delivered.forEach((caseId, times) -> assertEquals(1L, times, caseId + " recorded DELIVERED once"));
        return delivered;
    }

    /** Every case of the file: its mail once, DELIVERED once, then parked as a dead letter whose delivery is uncertain. */
    private static void assertUncertainAfterOneCopy(TestHub hub) throws Exception {
        List<AuditEvent> trail = hub.audit();
        Map<String, Long> delivered = deliveredOnce(trail, (int) trail.stream()
                .filter(e -> "RECEIVED".equals(e.event().name())).map(AuditEvent::caseId).distinct().count());
        Set<String> uncertain = trail.stream().filter(e -> "DEAD_LETTERED".equals(e.event().name()))
                .filter(e -> String.valueOf(e.alasan()).startsWith("delivery uncertain")).map(AuditEvent::caseId)
                .collect(Collectors.toSet());
        assertEquals(delivered.keySet(), uncertain, trail.toString());
        assertEquals(List.copyOf(new TreeSet<>(uncertain)), hub.parkedCases().list(ParkedCaseTable.Kind.DEAD_LETTER)
                .stream().map(ParkedCaseTable.ParkedCase::caseId).sorted().toList());
        DeliveredCopies.assertEachCaseReachedEachOfItsRecipientsOnce(DeliveredCopies.caseMails(hub.mail),
                delivered.keySet(), Set.of());
    }
}
