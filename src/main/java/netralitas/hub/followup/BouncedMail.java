package netralitas.hub.followup;

import netralitas.hub.inbox.FailedRecipient;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A follow-up mail of the hub that a mail server returned as undeliverable, matched to the cases it was about.
 *
 * @param cases      the follow-up rows of the cases the mail was about (one, or a digest's); never empty
 * @param messageId  the returned mail's Message-ID
 * @param mail       which of the hub's mails it was
 * @param recipients to whom it failed, as the bounce says; empty when it does not say
 */
public record BouncedMail(List<FollowUpCase> cases, String messageId, ReturnedHubMail mail,
                          List<FailedRecipient> recipients) {

    /** The kind of its step in a case's history, as the audit event's name. */
    public static final String HISTORY_KIND = "BOUNCED";
    /** A history step's text is cut here: a few recipients with their servers' answers (the column holds 4,000). */
    private static final int MAX_DETAIL_CHARS = 1000;

    public BouncedMail {
        cases = List.copyOf(cases);
        recipients = List.copyOf(recipients);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("a bounced mail is about at least one case");
        }
    }

    public List<String> caseIds() {
        return cases.stream().map(FollowUpCase::caseId).toList();
    }

    /** The failed addresses, comma-separated, or that the bounce names none: for the log. */
    public String failedAddresses() {
        return recipients.isEmpty() ? "(recipients not named)"
                : recipients.stream().map(FailedRecipient::address).collect(Collectors.joining(", "));
    }

    /** The same bounce about fewer cases (those not recorded before). */
    public BouncedMail about(List<FollowUpCase> some) {
        return new BouncedMail(some, messageId, mail, recipients);
    }

    /**
     * The step in the case's history (kind BOUNCED), the same text for the same bounce read twice: "surat kasus tidak
     * terkirim kepada bkpsdm@kab.example (5.1.1: 550 5.1.1 User unknown)".
     */
    public FollowUpEntry historyEntry(Instant at) {
        return new FollowUpEntry(at, HISTORY_KIND, null, historyDetail());
    }

    public String historyDetail() {
        String detail = recipients.isEmpty()
                ? mail.label() + " dikembalikan server email (penerima yang gagal tidak disebutkan)"
                : mail.label() + " tidak terkirim kepada " + recipients.stream().map(BouncedMail::describe)
                        .collect(Collectors.joining("; "));
        return detail.length() <= MAX_DETAIL_CHARS ? detail : detail.substring(0, MAX_DETAIL_CHARS - 1) + "…";
    }

    private static String describe(FailedRecipient recipient) {
        if (recipient.status() == null && recipient.diagnostic() == null) {
            return recipient.address();
        }
        StringBuilder why = new StringBuilder(recipient.address()).append(" (");
        if (recipient.status() != null) {
            why.append(recipient.status());
        }
        if (recipient.diagnostic() != null) {
            why.append(recipient.status() != null ? ": " : "").append(recipient.diagnostic());
        }
        return why.append(')').toString();
    }
}
