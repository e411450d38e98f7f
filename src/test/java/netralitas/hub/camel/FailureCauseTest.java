package netralitas.hub.camel;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureCauseTest {

    @Test
    void theChainOfCausesEndsWithTheDeepestMessage() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed: unable to find valid"
                + " certification path to requested target");
        assertEquals("MessagingException <- SSLHandshakeException: PKIX path building failed: unable to find valid"
                + " certification path to requested target",
                new FailureCause().of(new MessagingException("Could not convert socket to TLS", untrusted)));
        assertEquals("IOException <- ConnectException: Connection refused",
                new FailureCause().of(new IOException(new ConnectException("Connection refused"))));
        assertEquals("unknown", new FailureCause().of(null));
    }

    @Test
    void itIsOneBoundedLine() {
        String line = new FailureCause().of(new IllegalStateException("baris\nkedua " + "x".repeat(1000)));
        assertEquals(-1, line.indexOf('\n'));
        assertEquals(FailureCause.MAX_CHARS, line.length());
    }
}
