package netralitas.hub.followup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which forwarded cases a message answers (SPEC §12), against follow-up rows held in a map. */
class ReplyMatcherTest {

    private static final String DOMAIN = "netralitas.bawaslu.example";
    private static final FollowUpCase ARIF = followUp("NH-20241005-3QF8K0ZD", "<NH-20241005-3QF8K0ZD@" + DOMAIN + ">");
    private static final String DIGEST = "<digest-17.08-2024-11-11-a1b2c3d4e5f6@" + DOMAIN + ">";
    private static final FollowUpCase FAJAR = followUp("NH-20241020-A1B2C3D4", DIGEST);
    private static final FollowUpCase NURUL = followUp("NH-20241021-E5F6G7H8", DIGEST);

    private final Map<String, List<FollowUpCase>> byMessageId = Map.of(ARIF.messageId(), List.of(ARIF),
            DIGEST, List.of(FAJAR, NURUL));
    private final Map<String, FollowUpCase> byCaseId = Map.of(ARIF.caseId(), ARIF, FAJAR.caseId(), FAJAR,
            NURUL.caseId(), NURUL);
    private final ReplyMatcher matcher = new ReplyMatcher(id -> byMessageId.getOrDefault(id, List.of()),
            id -> Optional.ofNullable(byCaseId.get(id)), DOMAIN);

    @Test
    void inReplyToTheCaseMail() throws Exception {
        ReplyMatcher.Match match = matcher.match(List.of(ARIF.messageId()), List.of(ARIF.messageId()), "RE: anything")
                .orElseThrow();
        assertEquals(ReplyMatcher.MatchedBy.IN_REPLY_TO, match.matchedBy());
        assertEquals(List.of(ARIF.caseId()), match.caseIds());
    }

    @Test
    void aReplyToAReminderIsFoundByItsReferences() throws Exception {
        String reminder = "<reminder-1.NH-20241005-3QF8K0ZD@" + DOMAIN + ">";
        ReplyMatcher.Match match = matcher.match(List.of(reminder), List.of(ARIF.messageId(), reminder), null)
                .orElseThrow();
        assertEquals(ReplyMatcher.MatchedBy.REFERENCES, match.matchedBy());
        assertEquals(List.of(ARIF.caseId()), match.caseIds());
    }

    @Test
    void aReplyToADigestAnswersEveryCaseOfIt() throws Exception {
        assertEquals(List.of(FAJAR.caseId(), NURUL.caseId()),
                matcher.match(List.of(DIGEST), List.of(), null).orElseThrow().caseIds());
    }

    @Test
    void bySubjectWhenTheThreadNamesNothingTheHubSent() throws Exception {
        ReplyMatcher.Match match = matcher.match(List.of("<unknown@pemda.example>"), List.of(),
                "Tindak lanjut kasus nh-20241005-3qf8k0zd dan NH-20241021-E5F6G7H8, NH-20241005-3QF8K0ZD").orElseThrow();
        assertEquals(ReplyMatcher.MatchedBy.SUBJECT, match.matchedBy());
        assertEquals(List.of(ARIF.caseId(), NURUL.caseId()), match.caseIds(), "each case once");
    }

    @Test
    void aReportAboutACaseTheHubNeverForwardedStaysAReport() throws Exception {
        assertTrue(matcher.match(List.of(), List.of(), "Laporan tambahan NH-20241030-ZZZZZZZZ").isEmpty());
        assertTrue(matcher.match(List.of(), List.of(), "Laporan ASN Kab. Lebong").isEmpty());
        assertTrue(matcher.match(List.of(), List.of(), null).isEmpty());
    }

    @Test
    void theReporterWritingBackToAnAcknowledgementIsNotAnOffice() throws Exception {
        String ack = "<ack." + ARIF.caseId() + "@" + DOMAIN + ">";
        assertTrue(matcher.match(List.of(ack), List.of(ack), "Re: Laporan Anda diterima — " + ARIF.caseId()).isEmpty());
    }

    private static FollowUpCase followUp(String caseId, String messageId) {
        Instant forwarded = Instant.parse("2024-11-11T03:00:00Z");
        return FollowUpCase.forwarded(caseId, messageId, "17.08", "BERAT", null, LocalDate.of(2024, 10, 5),
                List.of("bkpsdm.kab-kepahiang@pemda.example"), forwarded, forwarded.plusSeconds(14 * 86_400),
                CaseSummaryFixture.of(caseId));
    }
}
