package netralitas.hub.followup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a message of the hub's mailbox answers a forwarded case (SPEC §12), before it could be taken for a
 * report: its In-Reply-To, else its References (the nearest ancestor first), name the Message-ID of a case mail or a
 * digest the hub follows up; else its subject carries the id of such a case. A report about a case the hub never
 * forwarded finds nothing here and stays a report.
 *
 * <p>The subject is not asked when the message answers one of the hub's acknowledgements ({@code <ack.…@}
 * hub.mail.domain{@code >}): that is the reporter writing back, whose subject carries the case id too; the reporter's
 * mail stays a report.
 */
public final class ReplyMatcher {

    /** How a reply was matched to its cases, as the trail records it ({@code matchedBy}). */
    public enum MatchedBy { IN_REPLY_TO, REFERENCES, SUBJECT }

    /**
     * The cases one reply answers, each once, in the order found.
     *
     * @param matchedBy how they were found
     * @param cases     the follow-up rows, never empty
     */
    public record Match(MatchedBy matchedBy, List<FollowUpCase> cases) {

        public Match {
            cases = List.copyOf(cases);
        }

        public List<String> caseIds() {
            return cases.stream().map(FollowUpCase::caseId).toList();
        }
    }

    /** The follow-up rows a forwarded mail's Message-ID names (one case mail, or a digest's cases). */
    @FunctionalInterface
    public interface ByMessageId {
        List<FollowUpCase> cases(String messageId) throws Exception;
    }

    /** The follow-up row of a case id, if the case was forwarded. */
    @FunctionalInterface
    public interface ByCaseId {
        Optional<FollowUpCase> find(String caseId) throws Exception;
    }

    private static final Pattern CASE_ID = Pattern.compile("(?i)\\bNH-\\d{8}-[0-9A-Z]{8}\\b");
    /** Case ids read from one subject at most: a subject is short, a digest's a few. */
    private static final int MAX_SUBJECT_CASE_IDS = 20;

    private final ByMessageId byMessageId;
    private final ByCaseId byCaseId;
    private final String acknowledgementSuffix;

    /** @param mailDomain hub.mail.domain, the right side of every Message-ID the hub writes */
    public ReplyMatcher(ByMessageId byMessageId, ByCaseId byCaseId, String mailDomain) {
        this.byMessageId = byMessageId;
        this.byCaseId = byCaseId;
        this.acknowledgementSuffix = "@" + mailDomain.toLowerCase(Locale.ROOT) + ">";
    }

    /**
     * The cases the message answers, or empty when it answers none.
     *
     * @param inReplyTo  the Message-IDs of its In-Reply-To
     * @param references the Message-IDs of its References, oldest first
     * @param subject    its subject, or null
     */
    public Optional<Match> match(List<String> inReplyTo, List<String> references, String subject) throws Exception {
        Optional<Match> threaded = byThread(inReplyTo, MatchedBy.IN_REPLY_TO);
        if (threaded.isPresent()) {
            return threaded;
        }
        List<String> nearestFirst = new ArrayList<>(references);
        java.util.Collections.reverse(nearestFirst);
        threaded = byThread(nearestFirst, MatchedBy.REFERENCES);
        if (threaded.isPresent() || subject == null || answersAnAcknowledgement(inReplyTo, references)) {
            return threaded;
        }
        Map<String, FollowUpCase> found = new LinkedHashMap<>();
        Matcher caseId = CASE_ID.matcher(subject);
        for (int read = 0; caseId.find() && read < MAX_SUBJECT_CASE_IDS; read++) {
            String id = caseId.group().toUpperCase(Locale.ROOT);
            if (!found.containsKey(id)) {
                byCaseId.find(id).ifPresent(c -> found.put(c.caseId(), c));
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new Match(MatchedBy.SUBJECT, new ArrayList<>(found.values())));
    }

    private Optional<Match> byThread(List<String> messageIds, MatchedBy matchedBy) throws Exception {
        for (String messageId : messageIds) {
            List<FollowUpCase> cases = byMessageId.cases(messageId);
            if (!cases.isEmpty()) {
                return Optional.of(new Match(matchedBy, cases));
            }
        }
        return Optional.empty();
    }

    private boolean answersAnAcknowledgement(List<String> inReplyTo, List<String> references) {
        return inReplyTo.stream().anyMatch(this::isAcknowledgement) || references.stream().anyMatch(this::isAcknowledgement);
    }

    private boolean isAcknowledgement(String messageId) {
        String id = messageId.toLowerCase(Locale.ROOT);
        return id.startsWith("<ack.") && id.endsWith(acknowledgementSuffix);
    }
}
