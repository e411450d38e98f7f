package netralitas.hub.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures of a send are worth a later try, as Jakarta Mail (Angus) reports them: the server not reached, the
 * connection broken or timed out, a 4xx reply; not a 5xx refusal, nor a mail whose address cannot be written.
 */
class SmtpRefusalsTest {

    private static final InternetAddress REPORTER = address("pelapor@pelapor.example");

    @Test
    void aServerNotReachedOrABrokenConnectionIsWorthALaterTry() {
        assertTrue(SmtpRefusals.isTransient(new MailConnectException(new SocketConnectException("Connection refused",
                new ConnectException("Connection refused"), "127.0.0.1", 25, 0))));
        assertTrue(SmtpRefusals.isTransient(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out"))));
        assertEquals(-1, SmtpRefusals.transientReplyCode(new MessagingException(
                "Could not connect to SMTP host: smtp.bawaslu.example, port: 465")), "a port is no reply code");
    }

    @Test
    void aFourHundredReplyAtAnyStepIsWorthALaterTry() {
        MessagingException atMailFrom = new SMTPSenderFailedException(REPORTER, "MAIL FROM:<hub@bawaslu.example>", 421,
                "421 4.3.2 Service not available, closing transmission channel");
        assertTrue(SmtpRefusals.isTransient(atMailFrom));
        assertEquals(421, SmtpRefusals.transientReplyCode(atMailFrom));

        SMTPSendFailedException send = new SMTPSendFailedException("RCPT", 451, "451 4.3.0 Temporary lookup failure",
                null, null, null, null);
        send.setNextException(new SMTPAddressFailedException(REPORTER, "RCPT TO:<pelapor@pelapor.example>", 450,
                "450 4.2.1 Mailbox temporarily unavailable"));
        assertTrue(SmtpRefusals.isTransient(send));
        assertEquals(451, SmtpRefusals.transientReplyCode(send));

        MessagingException greeting = new MessagingException("Got bad greeting from SMTP host: smtp.bawaslu.example,"
                + " port: 587, response: 421 4.7.0 Too many connections");
        assertTrue(SmtpRefusals.isTransient(greeting));
        assertEquals(421, SmtpRefusals.transientReplyCode(greeting));
    }

    @Test
    void aRefusalOrAMailThatCannotBeWrittenIsNot() {
        assertFalse(SmtpRefusals.isTransient(new SmtpRejectedException(
                "the SMTP server refused the email for good: 550 5.1.1 User unknown")));
        assertFalse(SmtpRefusals.isTransient(new SMTPSendFailedException("DATA", 554, "554 5.7.1 Rejected", null, null,
                null, null)));
        assertFalse(SmtpRefusals.isTransient(new AddressException("Domain contains dot-dot", "pelapor@pelapor..example")));
        assertFalse(SmtpRefusals.isTransient(new MessagingException("IOException while sending message")),
                "no cause, no reply: nothing says waiting helps");
        assertFalse(SmtpRefusals.isTransient(null));
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
