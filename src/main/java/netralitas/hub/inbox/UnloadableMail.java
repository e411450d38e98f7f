package netralitas.hub.inbox;

import jakarta.mail.Header;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A message of a mailbox the hub reads (report or reply mailbox) that failed {@code hub.imap.max-read-failures} times
 * (SPEC §3.2): it is quarantined unread, with the last error as its reason and, for the staff who will open it, what
 * its headers say — when the server could still give them. Only headers that cannot carry who the reporter is are
 * quoted (never From, Reply-To, Subject, To); of the others only the names are kept.
 *
 * @param headerNames  the names of its header fields in order, at most {@link #MAX_HEADER_NAMES}
 * @param headerValues the values of the harmless ones among them (Date, Content-Type …), each one line and bounded
 */
public record UnloadableMail(MailboxUid message, int attempts, String error, List<String> headerNames,
                             Map<String, String> headerValues) {

    static final int MAX_HEADER_NAMES = 40;
    private static final int MAX_NAME_CHARS = 60;
    private static final int MAX_VALUE_CHARS = 200;
    private static final Set<String> QUOTED = Set.of("date", "content-type", "content-transfer-encoding", "mime-version",
            "auto-submitted", "precedence", "list-id");

    public UnloadableMail {
        headerNames = List.copyOf(headerNames);
        headerValues = Map.copyOf(headerValues);
    }

    /** From the message's failures and whatever header fields could be read (none when even they failed). */
    public static UnloadableMail of(MailReadFailures.Failure failure, List<Header> headers) {
        List<String> names = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> quoted = new HashSet<>();
        for (Header header : headers) {
            String name = SingleLine.of(header.getName(), MAX_NAME_CHARS);
            if (name == null) {
                continue;
            }
            if (names.size() < MAX_HEADER_NAMES) {
                names.add(name);
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (QUOTED.contains(key) && quoted.add(key)) {
                String value = SingleLine.of(header.getValue(), MAX_VALUE_CHARS);
                if (value != null) {
                    values.put(name, value);
                }
            }
        }
        return new UnloadableMail(failure.message(), failure.attempts(), failure.error(), names, values);
    }

    /** The reason recorded and shown to Bawaslu staff (Indonesian), with the library's or the hub's error. */
    public String reason() {
        return "pesan tidak dapat dimuat setelah " + attempts + " percobaan: " + error;
    }
}
