package netralitas.hub.followup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the hub records of a reply about each case it answers (SPEC §12). */
class OfficeAnswerTest {

    private static final FollowUpCase CASE = followUp("NH-20241020-A1B2C3D4",
            List.of("bkpsdm.kab-kepahiang@pemda.example", "Kanreg VII <kanreg7@bkn.example>"));
    private static final FollowUpCase OTHER = followUp("NH-20241021-E5F6G7H8", List.of("bkpsdm.kab-kepahiang@pemda.example"));
    private final OfficeReplyParser parser = new OfficeReplyParser();

    @Test
    void theSenderMustBeARecipientOrShareItsDomain() {
        assertTrue(OfficeAnswer.isRecipient("bkpsdm.kab-kepahiang@pemda.example", CASE.recipients()));
        assertTrue(OfficeAnswer.isRecipient("KEPALA@PEMDA.EXAMPLE", CASE.recipients()), "a colleague at the same domain");
        assertTrue(OfficeAnswer.isRecipient("kanreg7@bkn.example", CASE.recipients()), "a recipient with a display name");
        assertFalse(OfficeAnswer.isRecipient("penyusup@evil.example", CASE.recipients()));
        assertFalse(OfficeAnswer.isRecipient("a@mail.pemda.example", CASE.recipients()), "a subdomain is another domain");
        assertFalse(OfficeAnswer.isRecipient(null, CASE.recipients()));
    }

    @Test
    void eachCaseGetsItsBlockElseTheGeneralLinesElseDiterimaWithTheExcerpt() {
        ReplyMatcher.Match match = new ReplyMatcher.Match(ReplyMatcher.MatchedBy.IN_REPLY_TO, List.of(CASE, OTHER));
        List<OfficeAnswer> answers = OfficeAnswer.of(match,
                parser.parse("Kasus: NH-20241020-A1B2C3D4\nStatus: SELESAI\nSanksi: teguran tertulis\n"),
                "bkpsdm.kab-kepahiang@pemda.example");
        assertEquals(FollowUpStatus.SELESAI, answers.get(0).status());
        assertEquals("Sanksi: teguran tertulis", answers.get(0).historyDetail());
        assertNull(answers.get(0).excerpt());
        assertEquals(FollowUpStatus.DITERIMA, answers.get(1).status(), "no block, no general status");
        assertFalse(answers.get(1).statusLine());
        assertTrue(answers.get(1).excerpt().startsWith("Kasus: NH-20241020-A1B2C3D4 Status: SELESAI"));

        List<OfficeAnswer> spoofed = OfficeAnswer.of(match, parser.parse("Status: SELESAI"), "penyusup@evil.example");
        assertTrue(spoofed.stream().allMatch(OfficeAnswer::spoofed));
        assertEquals("evil.example", spoofed.get(0).fromDomain());
    }

    @Test
    void aStatusOnlyMovesForward() {
        assertEquals(FollowUpStatus.DIPROSES, OfficeAnswer.statusAfter(CASE, FollowUpStatus.DIPROSES));
        FollowUpCase inProgress = withStatus(CASE, FollowUpStatus.DIPROSES, null);
        assertEquals(FollowUpStatus.DIPROSES, OfficeAnswer.statusAfter(inProgress, FollowUpStatus.DITERIMA));
        assertEquals(FollowUpStatus.TIDAK_TERBUKTI, OfficeAnswer.statusAfter(inProgress, FollowUpStatus.TIDAK_TERBUKTI));
        FollowUpCase closed = withStatus(CASE, FollowUpStatus.SELESAI, Instant.parse("2024-11-20T00:00:00Z"));
        assertEquals(FollowUpStatus.SELESAI, OfficeAnswer.statusAfter(closed, FollowUpStatus.TIDAK_TERBUKTI));
    }

    private static FollowUpCase withStatus(FollowUpCase c, FollowUpStatus status, Instant closedAt) {
        return new FollowUpCase(c.caseId(), c.messageId(), c.regionCode(), c.severity(), c.subjectKey(), c.incidentDate(),
                c.recipients(), c.forwardedAt(), c.dueAt(), status, c.forwardedAt(), 0, closedAt == null ? c.dueAt() : null,
                null, closedAt, c.summary());
    }

    private static FollowUpCase followUp(String caseId, List<String> recipients) {
        Instant forwarded = Instant.parse("2024-11-11T03:00:00Z");
        return FollowUpCase.forwarded(caseId, "<digest@hub.example>", "17.08", "RINGAN", null, LocalDate.of(2024, 10, 20),
                recipients, forwarded, forwarded.plusSeconds(30 * 86_400), CaseSummaryFixture.of(caseId));
    }
}
