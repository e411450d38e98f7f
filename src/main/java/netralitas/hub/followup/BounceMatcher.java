package netralitas.hub.followup;

import netralitas.hub.inbox.ReturnedMail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the cases of a bounce: the returned mail must be one of the hub's follow-up mails ({@link ReturnedHubMail}),
 * and its cases are found as a reply's are ({@link ReplyMatcher}): by its own Message-ID (a case mail, a digest),
 * else by the case mail it answered (a reminder, an escalation).
 */
public final class BounceMatcher {

    private final ReplyMatcher cases;
    private final String mailDomain;

    /** @param mailDomain hub.mail.domain, the right side of every Message-ID the hub writes */
    public BounceMatcher(ReplyMatcher cases, String mailDomain) {
        this.cases = cases;
        this.mailDomain = mailDomain;
    }

    /** The returned follow-up mail and its cases; empty when it is none of the hub's, or its cases are not known. */
    public Optional<BouncedMail> match(ReturnedMail returned) throws Exception {
        Optional<ReturnedHubMail> mail = ReturnedHubMail.of(returned.messageId(), mailDomain);
        if (mail.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        ids.add(returned.messageId());
        ids.addAll(returned.answered());
        return cases.match(ids, List.of(), null)
                .map(match -> new BouncedMail(match.cases(), returned.messageId(), mail.get(), returned.recipients()));
    }
}
