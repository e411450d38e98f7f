package netralitas.hub.check;

import netralitas.hub.region.MailAddressSyntax;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks hub.mail.from, which goes into every From header as written: a plain {@code local@domain.tld}, or
 * {@code Display Name <local@domain.tld>} with an ASCII display name that is quoted when it holds a special character.
 */
final class SenderAddress {

    private static final Pattern WITH_NAME = Pattern.compile("(.*?)\\s*<([^<>]*)>");
    /** Atoms and spaces: RFC 5322 lets such a phrase stand unquoted ('.' too, as nearly every mail program accepts). */
    private static final Pattern PLAIN_PHRASE = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~. -]+");
    private static final Pattern QUOTED_PHRASE = Pattern.compile("\"(?:[^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"");

    private SenderAddress() {
    }

    /** The bare address of a well-formed hub.mail.from: what Jakarta Mail gives as MAIL FROM when nothing else is set. */
    static String addressOf(String value) {
        Matcher named = WITH_NAME.matcher(value);
        return named.matches() ? named.group(2).strip() : value.strip();
    }

    /** Why {@code value} cannot be the sender, or null when it can. */
    static String problemWith(String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            return "contains a line break or control character";
        }
        Matcher named = WITH_NAME.matcher(value);
        if (!named.matches()) {
            return MailAddressSyntax.isValid(value) ? null
                    : CheckProblem.quoted(value) + " is not an e-mail address (local@domain.tld, or Name <local@domain.tld>)";
        }
        String name = named.group(1);
        String address = named.group(2).strip();
        if (!MailAddressSyntax.isValid(address)) {
            return CheckProblem.quoted(address) + " is not an e-mail address (local@domain.tld)";
        }
        if (name.isEmpty() || PLAIN_PHRASE.matcher(name).matches() || QUOTED_PHRASE.matcher(name).matches()) {
            return null;
        }
        if (!name.chars().allMatch(c -> c < 128)) {
            return "display name " + CheckProblem.quoted(name) + " is not ASCII; it would reach the From header unencoded";
        }
        return "display name " + CheckProblem.quoted(name) + " holds a special character: put it in double quotes";
    }
}
