package netralitas.hub.mail;

/** One email ready for delivery: a single-line sanitised subject and the two alternative bodies. */
public record RenderedEmail(String subject, String text, String html) {
}
