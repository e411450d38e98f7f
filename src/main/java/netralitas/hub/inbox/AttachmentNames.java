package netralitas.hub.inbox;

import java.util.Locale;

/**
 * Attachment names as the hub may use them (SPEC §9): the sender chooses the name, so path components, control
 * characters and characters that mean something to a file system or a mail header are removed before the name
 * is stored or shown.
 */
public final class AttachmentNames {

    static final int MAX_LENGTH = 100;
    private static final int MAX_EXTENSION = 10;

    private AttachmentNames() {
    }

    /** As {@link #sanitise(String, int, String)} without a content type: a nameless part becomes "lampiran-N.bin". */
    public static String sanitise(String raw, int index) {
        return sanitise(raw, index, null);
    }

    /**
     * @param raw         the decoded file name as sent (RFC 2231/2047 already decoded), may be null
     * @param index       the attachment's position in the message (1-based), used when nothing usable is left
     * @param contentType the part's base type, to pick an extension for a nameless part
     */
    public static String sanitise(String raw, int index, String contentType) {
        String name = raw == null ? "" : lastPathComponent(raw);
        name = dropUnsafeCharacters(name).strip();
        name = name.replaceFirst("^[.\\s]+", "");
        name = name.replaceFirst("[.\\s]+$", "");
        if (name.isEmpty()) {
            return "lampiran-" + index + extensionFor(contentType);
        }
        return bound(name);
    }

    private static String lastPathComponent(String raw) {
        int slash = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
        return raw.substring(slash + 1);
    }

    private static String dropUnsafeCharacters(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || "<>:\"|?*".indexOf(cp) >= 0 || isInvisibleFormat(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                // Tabs and odd spaces become one plain space so a name cannot hide a line break or padding.
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                continue;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** Bidi overrides ("gpj.exe" shown as "exe.jpg") and zero-width characters. */
    private static boolean isInvisibleFormat(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029;
    }

    /** Cuts the stem, never the extension, so "….jpg" stays a .jpg. */
    private static String bound(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(stem.charAt(keep - 1))) {
            keep--;
        }
        return stem.substring(0, keep).strip() + extension;
    }

    static String extensionFor(String contentType) {
        if (contentType == null) {
            return ".bin";
        }
        return switch (contentType.toLowerCase(Locale.ROOT)) {
            case "image/jpeg", "image/jpg", "image/pjpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/heic" -> ".heic";
            case "application/pdf" -> ".pdf";
            case "video/mp4" -> ".mp4";
            case "audio/mpeg" -> ".mp3";
            case "audio/ogg" -> ".ogg";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "text/csv" -> ".csv";
            case "message/rfc822" -> ".eml";
            default -> ".bin";
        };
    }
}
