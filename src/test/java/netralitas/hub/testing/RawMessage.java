package netralitas.hub.testing;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Properties;

/**
 * A message for IMAP APPEND that writes the bytes it was given, never parsed and written again: a broken message
 * arrives broken, as a mail server would store what it received. Jakarta Mail's APPEND makes the line ends CRLF, as IMAP
 * wants.
 */
public final class RawMessage extends MimeMessage {

    private final byte[] raw;

    public RawMessage(byte[] raw) {
        super(Session.getInstance(new Properties()));
        this.raw = raw;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(raw);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
        out.write(raw);
    }
}
