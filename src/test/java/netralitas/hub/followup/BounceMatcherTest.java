package netralitas.hub.followup;

import netralitas.hub.inbox.FailedRecipient;
import netralitas.hub.inbox.ReturnedMail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which returned mails are the hub's follow-up mails, and their cases. */
class BounceMatcherTest {

    private static final String DOMAIN = "netralitas.bawaslu.example";
    private static final String CASE = "NH-20241111-7K3M9Q2P";
    private static final String CASE_MAIL = "<" + CASE + "@" + DOMAIN + ">";
    private static final String DIGEST = "<digest-17.08-2024-11-12-ab12cd34@" + DOMAIN + ">";
    private static final FollowUpCase FOLLOW_UP = followUp(CASE, CASE_MAIL);
    private static final List<FollowUpCase> DIGEST_CASES = List.of(followUp("NH-20241112-AAAAAAAA", DIGEST),
            followUp("NH-20241112-BBBBBBBB", DIGEST));
    private static final List<FailedRecipient> FAILED = List.of(new FailedRecipient("bkpsdm@kab.example", "5.1.1", null));

    private final Map<String, List<FollowUpCase>> byMessageId = Map.of(CASE_MAIL, List.of(FOLLOW_UP), DIGEST, DIGEST_CASES);
    private final BounceMatcher matcher = new BounceMatcher(new ReplyMatcher(id -> byMessageId.getOrDefault(id, List.of()),
            id -> id.equals(CASE) ? Optional.of(FOLLOW_UP) : Optional.empty(), DOMAIN), DOMAIN);

    @Test
    void aCaseMailAndADigestAreFoundByTheirOwnMessageId() throws Exception {
        BouncedMail caseMail = matcher.match(new ReturnedMail(CASE_MAIL, List.of(), FAILED)).orElseThrow();
        assertEquals(List.of(CASE), caseMail.caseIds());
        assertEquals(new ReturnedHubMail(ReturnedHubMail.Kind.CASE, 0), caseMail.mail());
        assertEquals(FAILED, caseMail.recipients());
        BouncedMail digest = matcher.match(new ReturnedMail(DIGEST, List.of(), FAILED)).orElseThrow();
        assertEquals(List.of("NH-20241112-AAAAAAAA", "NH-20241112-BBBBBBBB"), digest.caseIds());
        assertEquals("ringkasan harian", digest.mail().label());
    }

    @Test
    void aReminderAndAnEscalationAreFoundByTheCaseMailTheyAnswered() throws Exception {
        BouncedMail reminder = matcher.match(new ReturnedMail("<reminder-2-" + CASE + "@" + DOMAIN + ">",
                List.of(CASE_MAIL), List.of())).orElseThrow();
        assertEquals(List.of(CASE), reminder.caseIds());
        assertEquals("pengingat ke-2", reminder.mail().label());
        assertEquals("pengingat ke-2 dikembalikan server email (penerima yang gagal tidak disebutkan)",
                reminder.historyDetail());
        BouncedMail escalation = matcher.match(new ReturnedMail("<escalation-" + CASE + "@" + DOMAIN.toUpperCase() + ">",
                List.of(CASE_MAIL), FAILED)).orElseThrow();
        assertEquals(ReturnedHubMail.Kind.ESCALATION, escalation.mail().kind());
        assertEquals("surat eskalasi tidak terkirim kepada bkpsdm@kab.example (5.1.1)", escalation.historyDetail());
    }

    @Test
    void theHubsOtherMailsAndOthersMailsAreNoCasesBounce() throws Exception {
        for (String returned : List.of("<ack.NH-20241111-7K3M9Q2P.1@" + DOMAIN + ">", "<anchor-2024-11-11-42@" + DOMAIN + ">",
                "<undelivered-" + CASE + "-1731294001000@" + DOMAIN + ">", "<piket-nov-2024@bawaslu.example>",
                "<" + CASE + "@elsewhere.example>")) {
            // Even when the mail answered a case mail: only the hub's own follow-up mails count.
            assertTrue(matcher.match(new ReturnedMail(returned, List.of(CASE_MAIL), FAILED)).isEmpty(), returned);
        }
        assertTrue(matcher.match(new ReturnedMail("<NH-20240101-ZZZZZZZZ@" + DOMAIN + ">", List.of(), FAILED)).isEmpty(),
                "a case the hub does not follow up");
    }

    private static FollowUpCase followUp(String caseId, String messageId) {
        Instant forwarded = Instant.parse("2024-11-11T03:00:00Z");
        return FollowUpCase.forwarded(caseId, messageId, "17.08", "BERAT", null, LocalDate.of(2024, 10, 5),
                List.of("bkpsdm@kab.example"), forwarded, forwarded.plusSeconds(14 * 86_400), CaseSummaryFixture.of(caseId));
    }
}
