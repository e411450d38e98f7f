package netralitas.hub.inbox;

import java.util.regex.Pattern;

/**
 * Recognises the header block a mail client writes when a message is forwarded inline ("---------- Forwarded
 * message ---------" followed by From:/Date:/Subject:/To: lines, or their Indonesian forms). Those lines describe
 * the forwarded mail, not the incident: "Tanggal: Sen, 21 Okt 2024 pukul 10.12" there is no incident date.
 */
final class ForwardedHeaders {

    private static final Pattern MARKER = Pattern.compile(
            "(?i)\\s*(?:[-=_]{2,}\\s*(?:forwarded message|pesan terusan|pesan yang diteruskan|original message|pesan asli)"
                    + "\\s*[-=_]*|begin forwarded message\\s*:?|awal pesan yang diteruskan\\s*:?|_{10,})\\s*");
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?i)\\s*\\**\\s*(?:from|dari|date|tanggal|sent|dikirim|subject|subjek|perihal|to|kepada|cc|bcc"
                    + "|reply-to|balas ke)\\s*\\**\\s*:.*");

    private ForwardedHeaders() {
    }

    static boolean isMarker(String line) {
        return MARKER.matcher(line).matches();
    }

    static boolean isHeaderLine(String line) {
        return HEADER_LINE.matcher(line).matches();
    }
}
