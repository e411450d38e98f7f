package netralitas.hub.outbox;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a permanent SMTP refusal from a transient one. A 5xx reply anywhere in the chain Jakarta Mail reports (to RCPT
 * for one recipient, to MAIL, to DATA) is permanent: the email is not sent to anyone (partial sending is off) and the
 * failure becomes a {@link SmtpRejectedException} with the server's answer. Anything else — a 4xx reply, no connection —
 * is left as it is: transient, retried and then deferred.
 */
public final class SmtpRefusals {

    /** A reply quoted in Jakarta Mail's own message when the server's greeting was not 220. */
    private static final Pattern GREETING_REPLY = Pattern.compile("response: (4\\d\\d)\\b");
    /** Links of a failure's chain looked at: the chain is short, a cycle would not be. */
    private static final int MAX_LINKS = 20;

    private SmtpRefusals() {
    }

    /**
     * Whether the same mail may go through when it is sent again later: the server was not reached, the connection
     * broke or timed out, or it answered 4xx. Not a refusal ({@link SmtpRejectedException}, 5xx), nor a fault of the
     * mail itself (an address Jakarta Mail cannot parse or write), which every later try would meet again.
     */
    public static boolean isTransient(Throwable failure) {
        int links = 0;
        for (Throwable link = failure; link != null && links < MAX_LINKS; link = next(link), links++) {
            if (link instanceof SmtpRejectedException) {
                return false;
            }
            if (link instanceof MailConnectException || link instanceof IOException) {
                return true;
            }
        }
        return transientReplyCode(failure) > 0;
    }

    /** The first 4xx reply code the server gave in the failure's chain, or -1. */
    public static int transientReplyCode(Throwable failure) {
        int links = 0;
        for (Throwable link = failure; link != null && links < MAX_LINKS; link = next(link), links++) {
            int code = returnCode(link);
            if (code < 0) {
                Matcher greeting = GREETING_REPLY.matcher(String.valueOf(link.getMessage()));
                code = greeting.find() ? Integer.parseInt(greeting.group(1)) : -1;
            }
            if (code >= 400 && code < 500) {
                return code;
            }
        }
        return -1;
    }

    private static Throwable next(Throwable link) {
        if (link instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return link.getCause() == link ? null : link.getCause();
    }

    static MessagingException classify(MessagingException failure) {
        List<String> answers = new ArrayList<>();
        int links = 0;
        for (Throwable link = failure; link != null && links < MAX_LINKS; link = next(link), links++) {
            int code = returnCode(link);
            if (code >= 500 && code < 600) {
                answers.add(link.getMessage() == null ? String.valueOf(code) : link.getMessage().strip());
            }
        }
        if (answers.isEmpty()) {
            return failure;
        }
        return new SmtpRejectedException("the SMTP server refused the email for good: " + String.join("; ", answers));
    }

    private static int returnCode(Throwable link) {
        if (link instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (link instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (link instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }
}
