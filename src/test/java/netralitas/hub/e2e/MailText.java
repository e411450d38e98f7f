package netralitas.hub.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The text/plain and text/html parts of a received mail, decoded. */
record MailText(String plain, String html) {

    static MailText of(Part message) throws MessagingException, IOException {
        List<String> plain = new ArrayList<>();
        List<String> html = new ArrayList<>();
        collect(message, plain, html);
        return new MailText(String.join("\n", plain), String.join("\n", html));
    }

    private static void collect(Part part, List<String> plain, List<String> html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            plain.add((String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.add((String) part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, plain, html);
            }
        }
    }

    String all() {
        return plain + "\n" + html;
    }
}
