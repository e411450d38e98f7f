package netralitas.hub.followup;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the hub's follow-up mails a Message-ID names, by the form the hub gives each ({@code <NH-…@domain>} a case
 * mail, {@code <digest-…@}, {@code <reminder-N-…@}, {@code <escalation-…@}; the right side is hub.mail.domain). The
 * hub's other mails (acknowledgements, the anchor, the notice of a bounce) are none of them: their bounce changes no
 * case.
 *
 * @param kind     what the mail was
 * @param reminder the reminder's number, 0 for the other kinds
 */
public record ReturnedHubMail(Kind kind, int reminder) {

    /** The hub's mails that a case's follow-up sent. */
    public enum Kind { CASE, DIGEST, REMINDER, ESCALATION }

    private static final Pattern CASE_MAIL = Pattern.compile("NH-\\d{8}-[0-9A-Z]{8}");
    private static final Pattern REMINDER = Pattern.compile("reminder-(\\d{1,3})-NH-.*");

    /** The mail {@code messageId} names, when the hub wrote it under {@code mailDomain} as one a case follows up. */
    public static Optional<ReturnedHubMail> of(String messageId, String mailDomain) {
        String suffix = "@" + mailDomain.toLowerCase(Locale.ROOT) + ">";
        if (!messageId.startsWith("<") || !messageId.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            return Optional.empty();
        }
        String local = messageId.substring(1, messageId.length() - suffix.length());
        if (CASE_MAIL.matcher(local).matches()) {
            return Optional.of(new ReturnedHubMail(Kind.CASE, 0));
        }
        if (local.startsWith("digest-")) {
            return Optional.of(new ReturnedHubMail(Kind.DIGEST, 0));
        }
        if (local.startsWith("escalation-NH-")) {
            return Optional.of(new ReturnedHubMail(Kind.ESCALATION, 0));
        }
        Matcher reminder = REMINDER.matcher(local);
        if (reminder.matches()) {
            return Optional.of(new ReturnedHubMail(Kind.REMINDER, Integer.parseInt(reminder.group(1))));
        }
        return Optional.empty();
    }

    /** As Bawaslu staff read it: "surat kasus", "pengingat ke-2". */
    public String label() {
        return switch (kind) {
            case CASE -> "surat kasus";
            case DIGEST -> "ringkasan harian";
            case REMINDER -> "pengingat ke-" + reminder;
            case ESCALATION -> "surat eskalasi";
        };
    }
}
