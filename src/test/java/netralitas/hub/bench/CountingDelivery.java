package netralitas.hub.bench;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.MessagingException;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what GreenMail's SMTP server accepts as it is delivered, so the count survives the mailbox purges that keep a
 * million mails from filling the heap (counting the mailboxes before a purge would miss mail arriving meanwhile).
 * GreenMail calls the handler once per recipient of a message: deliveries count mailbox copies, messages count mails.
 */
final class CountingDelivery implements MessageDeliveryHandler {

    private final MessageDeliveryHandler delegate;
    /** Messages already counted; weak, so a delivered message is forgotten once GreenMail lets go of it. */
    private final Set<MovingMessage> counted = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final LongAdder messages = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    CountingDelivery(MessageDeliveryHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress address) throws MessagingException, UserException {
        deliveries.increment();
        if (counted.add(message)) {
            messages.increment();
            byKind.computeIfAbsent(kind(message), k -> new LongAdder()).increment();
        }
        return delegate.handle(message, address);
    }

    long messages() {
        return messages.sum();
    }

    long deliveries() {
        return deliveries.sum();
    }

    /** Mails per kind: {@code digest}, or the severity the hub wrote in {@code X-Netralitas-Severity}. */
    Map<String, Long> byKind() {
        Map<String, Long> snapshot = new TreeMap<>();
        byKind.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    private static String kind(MovingMessage message) {
        try {
            String id = message.getMessage().getMessageID();
            if (id != null && id.startsWith("<digest-")) {
                return "digest";
            }
            String severity = message.getMessage().getHeader("X-Netralitas-Severity", null);
            return severity == null ? "other" : severity.trim();
        } catch (MessagingException e) {
            return "unreadable";
        }
    }
}
