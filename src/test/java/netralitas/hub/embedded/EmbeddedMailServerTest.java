package netralitas.hub.embedded;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedMailServerTest {

    /**
     * A mail client that goes away without LOGOUT (a laptop put to sleep, a client killed): GreenMail 2.1.5's IMAP
     * handler then read the closed stream in a loop for ever, a core per such client (GreenMail #891). The handler's
     * thread must end.
     */
    @Test
    void anImapClientThatLeavesWithoutLogoutLeavesNoHandlerBehind() throws Exception {
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start()) {
            mail.addUser("kantor@pemda.example", "kantor@pemda.example", "kantor@pemda.example");
            int clientPort;
            try (Socket client = new Socket(mail.host(), mail.imapPort())) {
                clientPort = client.getLocalPort();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream();
                in.readLine();
                out.write("a1 LOGIN kantor@pemda.example kantor@pemda.example\r\na2 SELECT INBOX\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (String line = in.readLine(); line != null && !line.startsWith("a2 "); line = in.readLine()) {
                    // the SELECT's untagged answers
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (handlerOf(clientPort)) {
                assertTrue(System.nanoTime() < deadline, "the IMAP handler of the client that left still runs");
                Thread.sleep(100);
            }
        }
    }

    private static boolean handlerOf(int clientPort) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("imap:") && t.getName().contains(":" + clientPort));
    }
}
