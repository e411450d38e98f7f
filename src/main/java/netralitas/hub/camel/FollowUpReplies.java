package netralitas.hub.camel;

import netralitas.hub.followup.OfficeAnswer;
import netralitas.hub.followup.OfficeReplyParser;
import netralitas.hub.followup.ReplyEvidence;
import netralitas.hub.followup.ReplyMatcher;
import netralitas.hub.inbox.CsvAttachment;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.state.FollowUpTable;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Routes ingest-mail and follow-up-reply: whether a message of the mailbox answers a forwarded case, what it says
 * about each case, and recording it in the case's follow-up (SPEC §12).
 */
public final class FollowUpReplies {

    private final ReplyMatcher matcher;
    private final OfficeReplyParser parser;
    private final FollowUpTable table;
    private final ReplyEvidence evidence;
    private final Clock clock;

    public FollowUpReplies(ReplyMatcher matcher, OfficeReplyParser parser, FollowUpTable table, ReplyEvidence evidence,
                           Clock clock) {
        this.matcher = matcher;
        this.parser = parser;
        this.table = table;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The cases the message answers, or null when it answers none (then it is read as a report, or filed as before). */
    public ReplyMatcher.Match match(@ExchangeProperty(HubProperties.MAIL) InboundMail mail) throws Exception {
        if (!mail.isReport()) {
            return null;
        }
        return matcher.match(mail.inReplyTo(), mail.references(), mail.subject()).orElse(null);
    }

    /** What the reply says about each case it answers, read from its own text. */
    public List<OfficeAnswer> answers(@ExchangeProperty(HubProperties.FOLLOW_UP_MATCH) ReplyMatcher.Match match,
                                      @ExchangeProperty(HubProperties.MAIL) InboundMail mail) {
        return OfficeAnswer.of(match, parser.parse(mail.ownText()), mail.fromAddress());
    }

    /**
     * Keeps the reply's files with the case and updates its follow-up (status, first answer, closing). A spoofed reply
     * changes nothing: its files are listed, not kept with the case (the message itself stays in the processed folder).
     */
    public OfficeAnswer record(@Body OfficeAnswer answer, @ExchangeProperty(HubProperties.MAIL) InboundMail mail)
            throws Exception {
        if (answer.spoofed()) {
            return answer.withEvidence(ReplyEvidence.describe(files(mail)));
        }
        OfficeAnswer kept = answer.withEvidence(evidence.keep(answer.caseId(), files(mail), clock.instant()));
        return table.answered(answer.caseId(), answer.status(), clock.instant(), answer.historyDetail())
                .map(answered -> kept.closing(answered.closed()))
                .orElse(kept);
    }

    /** Every file of the reply: a CSV is a file like the others here, not a batch of reports. */
    private static List<EvidenceFile> files(InboundMail mail) {
        List<EvidenceFile> files = new ArrayList<>(mail.attachments());
        for (CsvAttachment csv : mail.csvAttachments()) {
            files.add(new EvidenceFile(csv.name(), "text/csv", csv.content().length, csv.content(), false));
        }
        return files;
    }

    /** One log line for the reply: per case its status, and whether it was spoofed; never the sender. */
    public String summary(@Body List<OfficeAnswer> answers) {
        return answers.stream().map(a -> a.caseId() + " " + a.status().label() + (a.statusLine() ? "" : " (no status line)")
                + (a.spoofed() ? " SPOOFED: sender not among the case's recipients, nothing changed" : ""))
                .collect(Collectors.joining("; "));
    }
}
