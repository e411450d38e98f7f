package netralitas.hub.region;

import java.util.regex.Pattern;

/**
 * A deliberately strict check of the inbox addresses in the directory: plain {@code local@domain.tld},
 * no display names, quoting or comments. Anything looser would let a typo or an injected CR/LF reach
 * an SMTP header.
 */
public final class MailAddressSyntax {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS =
            Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

    private MailAddressSyntax() {
    }

    public static boolean isValid(String address) {
        if (address == null || address.length() > 254) {
            return false;
        }
        int at = address.indexOf('@');
        return at > 0 && at <= 64 && ADDRESS.matcher(address).matches();
    }
}
