package netralitas.hub.camel;

import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.followup.DueFollowUp;
import netralitas.hub.followup.FollowUpCalendar;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.ReminderSchedule;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.CaseSummaries;
import netralitas.hub.mail.MailSignature;
import netralitas.hub.mail.SubjectLine;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import netralitas.hub.state.ClusterNode;
import netralitas.hub.state.FollowUpTable;
import netralitas.hub.state.MigratedH2;
import netralitas.hub.testing.MutableClock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clock's decisions on a due case (SPEC §12), on the real templates and region directory: who gets the reminder
 * (the case mail's To and Cc) and how it is threaded; who gets the escalation; one node of two acts.
 */
class FollowUpClockTest {

    private static final RegionDirectory REGIONS = RegionDirectory.inConfig(Path.of("config"));
    private static final CaseEmailRenderer RENDERER = new CaseEmailRenderer(Path.of("config/templates"),
            netralitas.hub.classify.CategoryCatalogue.load(Path.of("config/categories.yaml")).legalBases(),
            new MailSignature("Tim Netralitas, Bawaslu", "Jl. MH Thamrin 14, Jakarta", "021-000", "netralitas@bawaslu.example"));
    private static final Instant FORWARDED = Instant.parse("2024-10-14T02:00:00Z");
    private static final Instant DUE = FORWARDED.plus(Duration.ofDays(14));
    private static final String REPLY = "tindak-lanjut@bawaslu.example";

    private final JdbcConnectionPool pool = MigratedH2.inMemory("follow-up-clock-" + System.nanoTime());
    private final FollowUpTable table = new FollowUpTable(pool);
    private final MutableClock clock = new MutableClock(DUE.plusSeconds(60));
    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        pool.dispose();
        context.close();
    }

    private FollowUpClock clock(String node, int maxReminders) {
        return new FollowUpClock(table, new ReminderSchedule(new FollowUpCalendar(Set.of(), false, clock.getZone()),
                "P7D", maxReminders), new ClusterNode(node, Duration.ofSeconds(30)), RENDERER, REGIONS,
                "Netralitas Hub <netralitas-hub@bawaslu.example>", "hub.example", REPLY, "triase@bawaslu.example", 10,
                clock);
    }

    @Test
    void aReminderGoesToTheCaseMailsToAndCcThreadedToIt() throws Exception {
        ViolationCase c = berat("NH-20241012-AAAAAAAA");
        open(c, "17.08");
        FollowUpClock node = clock("node-a", 2);

        DueFollowUp due = node.claim(node.due().get(0));
        assertFalse(due.step().escalate());
        assertEquals(1, due.step().reminder());
        assertEquals(clock.instant().plus(Duration.ofDays(7)), due.step().nextCheckAt());
        Message message = compose(due, false, node);

        assertEquals("bkpsdm.kab-kepahiang@pemda.example", message.getHeader("To"));
        assertEquals("inspektorat.kab-kepahiang@pemda.example, kanreg-vii.palembang@bkn.example", message.getHeader("Cc"));
        assertEquals("[PENGINGAT] " + SubjectLine.forCase(c), message.getHeader("Subject"));
        assertEquals("<NH-20241012-AAAAAAAA@hub.example>", message.getHeader("In-Reply-To"));
        assertEquals("<NH-20241012-AAAAAAAA@hub.example>", message.getHeader("References"));
        assertEquals(REPLY, message.getHeader("Reply-To"));
        assertEquals("<reminder-1-NH-20241012-AAAAAAAA@hub.example>", message.getHeader("Message-ID"));
        assertEquals("17.08", message.getHeader("X-Netralitas-Region"));
    }

    @Test
    void onceTheRemindersAreUsedUpTheEscalationGoesToTheRegionsBawasluAndTheKanreg() throws Exception {
        open(berat("NH-20241012-AAAAAAAA"), "17.08");
        FollowUpClock node = clock("node-a", 0);

        DueFollowUp due = node.claim(node.due().get(0));
        assertTrue(due.step().escalate());
        Message message = compose(due, true, node);

        assertEquals("bawaslu.kab-kepahiang@bawaslu.example, kanreg-vii.palembang@bkn.example", message.getHeader("To"));
        assertNull(message.getHeader("Cc"));
        assertTrue(message.getHeader("Subject", String.class).startsWith("[ESKALASI] [NETRALITAS ASN][BERAT]"));
    }

    @Test
    void aCaseWithoutAKnownKanregTakesTheProvincesAndOneWithoutARegionGoesToTriage() throws Exception {
        ViolationCase noKanreg = berat("NH-20241012-BBBBBBBB");
        noKanreg.setRegionResolution(new RegionResolution(REGIONS.byCode("17.08").orElseThrow(), RegionSource.REPORT_CODE,
                null, null, List.of()));
        open(noKanreg, "17.08");
        ViolationCase triage = berat("NH-20241012-CCCCCCCC");
        triage.setRegionResolution(new RegionResolution(null, RegionSource.NONE, null, null, List.of()));
        open(triage, null);
        FollowUpClock node = clock("node-a", 0);

        List<FollowUpCase> due = node.due();
        assertEquals(List.of("bawaslu.kab-kepahiang@bawaslu.example", "kanreg-vii.palembang@bkn.example"),
                node.escalationRecipients(node.claim(due.get(0))));
        assertEquals(List.of("triase@bawaslu.example"), node.escalationRecipients(node.claim(due.get(1))));
    }

    @Test
    void ofTwoNodesOnlyTheFirstToClaimActsAndAReleasedCaseIsDueAgain() throws Exception {
        open(berat("NH-20241012-AAAAAAAA"), "17.08");
        FollowUpClock a = clock("node-a", 2);
        FollowUpClock b = clock("node-b", 2);
        FollowUpCase seenByBoth = a.due().get(0);
        assertEquals(seenByBoth.caseId(), b.due().get(0).caseId());

        DueFollowUp won = a.claim(seenByBoth);
        assertNull(b.claim(seenByBoth), "node-b lost the claim");
        assertEquals(List.of(), b.due(), "held by node-a");
        a.release(won);
        assertEquals(1, b.due().size(), "the mail failed on node-a: due again at the next check");
    }

    @Test
    void theEscalationGoesToTheKanregTheCaseWasRoutedWithAsTheDirectoryNamesItNow() throws Exception {
        ViolationCase elsewhere = berat("NH-20241012-DDDDDDDD");
        elsewhere.setRegionResolution(new RegionResolution(REGIONS.byCode("17.08").orElseThrow(),
                RegionSource.REPORT_CODE, null, REGIONS.kanreg("I").orElseThrow(), List.of()));
        open(elsewhere, "17.08");
        FollowUpClock node = clock("node-a", 0);

        assertEquals(List.of("bawaslu.kab-kepahiang@bawaslu.example", "kanreg-i.yogyakarta@bkn.example"),
                node.escalationRecipients(node.claim(node.due().get(0))), "not the province's Kanreg VII");
    }

    @Test
    void aReminderOfACaseWithoutARoutingDecisionGoesToTheRowsRecipients() throws Exception {
        ViolationCase unrouted = berat("NH-20241012-EEEEEEEE");
        unrouted.setRoutingDecision(null);
        open(unrouted, "17.08");
        FollowUpClock node = clock("node-a", 2);

        Message message = compose(node.claim(node.due().get(0)), false, node);
        assertEquals("bkpsdm.kab-kepahiang@pemda.example", message.getHeader("To"));
        assertNull(message.getHeader("Cc"));
    }

    private Message compose(DueFollowUp due, boolean escalation, FollowUpClock node) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(HubProperties.FOLLOW_UP, due);
        if (escalation) {
            node.composeEscalation(due, exchange.getMessage());
        } else {
            node.composeReminder(due, exchange.getMessage());
        }
        return exchange.getMessage();
    }

    private void open(ViolationCase c, String region) throws Exception {
        table.open(FollowUpCase.forwarded(c.getCaseId(), "<" + c.getCaseId() + "@hub.example>", region, "BERAT", null,
                c.getReport().incidentDate(), List.of("bkpsdm.kab-kepahiang@pemda.example"), FORWARDED, DUE,
                CaseSummaries.of(c, "laporan.csv:2")));
    }

    /** BERAT in Kepahiang: to its BKPSDM, cc its Inspektorat and Kanreg VII, as route route decides. */
    private static ViolationCase berat(String caseId) {
        Report report = new Report(ReportSource.csv("laporan.csv", 2), null, LocalDate.of(2024, 10, 12),
                "197803122003121004", "Arif Wicaksono", "Kepala Bagian", "Pemerintah Kab. Kepahiang", SubjectType.ASN,
                "17.08", "Kab. Kepahiang", null, "Mengajak memilih paslon di kantor", "Kantor bupati", List.of(),
                "Pelapor Rahasia", "0812-0000", false);
        ViolationCase c = new ViolationCase(caseId, report);
        c.setRegionResolution(new RegionResolution(REGIONS.byCode("17.08").orElseThrow(), RegionSource.REPORT_CODE,
                null, REGIONS.kanreg("VII").orElseThrow(), List.of()));
        Category category = new Category("PARTISAN_ACTIVITY", "Kegiatan keberpihakan", Severity.BERAT, "SKB 2022",
                List.of(), false, "PP 94/2021");
        c.setClassification(new Classification(category, Severity.BERAT, Severity.BERAT, List.of()));
        c.setRoutingDecision(new RoutingDecision("IMMEDIATE", "bkpsdm.kab-kepahiang@pemda.example",
                "inspektorat.kab-kepahiang@pemda.example,kanreg-vii.palembang@bkn.example", "BKPSDM_ACTION",
                RoutingDecision.Priority.HIGH));
        return c;
    }
}
