package netralitas.hub.outbox;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a permanent SMTP refusal from a transient one. A 5xx reply anywhere in the chain Jakarta Mail reports (to RCPT
 * for one recipient, to MAIL, to DATA) is permanent: the email is not sent to anyone (partial sending is off) and the
 * failure becomes a {@link SmtpRejectedException} with the server's answer. Anything else — a 4xx reply, no connection —
 * is left as it is: transient, retried and then deferred.
 */
final class SmtpRefusals {

    private SmtpRefusals() {
    }

    static MessagingException classify(MessagingException failure) {
        List<String> answers = new ArrayList<>();
        Exception link = failure;
        while (link != null) {
            int code = returnCode(link);
            if (code >= 500 && code < 600) {
                answers.add(link.getMessage() == null ? String.valueOf(code) : link.getMessage().strip());
            }
            link = link instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        if (answers.isEmpty()) {
            return failure;
        }
        return new SmtpRejectedException("the SMTP server refused the email for good: " + String.join("; ", answers));
    }

    private static int returnCode(Exception link) {
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
