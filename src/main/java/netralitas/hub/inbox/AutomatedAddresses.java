package netralitas.hub.inbox;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Addresses that belong to machines, not people. The hub never sends an acknowledgement to one: a robot does not read
 * it, and two auto-responders answering each other is a mail loop.
 */
public final class AutomatedAddresses {

    private static final Pattern MACHINE_LOCAL_PART = Pattern.compile(
            "(no-?reply|do-?not-?reply|mailer-?daemon|postmaster|bounces?|auto-?reply|auto-?responder|notifications?"
                    + "|daemon|listserv|majordomo|root)([+._-].*)?");

    private AutomatedAddresses() {
    }

    public static boolean looksAutomated(String address) {
        if (address == null || address.isBlank()) {
            return true;
        }
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at <= 0) {
            return true;
        }
        String local = lower.substring(0, at);
        return MACHINE_LOCAL_PART.matcher(local).matches() || local.contains("noreply") || local.contains("no-reply")
                || local.startsWith("bounce");
    }
}
