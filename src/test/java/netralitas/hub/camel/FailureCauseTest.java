package netralitas.hub.camel;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureCauseTest {

    @Test
    void theDeepestCauseThatSaysSomethingFollowsTheFailure() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed: unable to find valid"
                + " certification path to requested target");
        assertEquals("MessagingException: Could not convert socket to TLS <- SSLHandshakeException: PKIX path building"
                + " failed: unable to find valid certification path to requested target",
                new FailureCause().of(new MessagingException("Could not convert socket to TLS", untrusted)));
    }

    @Test
    void aCauseTheFailureAlreadyQuotesOrThatSaysNothingIsLeftOut() {
        ConnectException refused = new ConnectException("Connection refused");
        assertEquals("IOException: java.net.ConnectException: Connection refused",
                new FailureCause().of(new IOException(refused)));
        assertEquals("IllegalStateException: store away", new FailureCause().of(
                new IllegalStateException("store away", new RuntimeException((String) null))));
        assertEquals("unknown", new FailureCause().of(null));
    }

    @Test
    void itIsOneBoundedLine() {
        String line = new FailureCause().of(new IllegalStateException("baris\nkedua " + "x".repeat(1000)));
        assertEquals(-1, line.indexOf('\n'));
        assertEquals(400, line.length());
    }
}
