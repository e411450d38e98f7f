package netralitas.hub.check;

import java.time.Duration;

/** Wording shared by the partner checks. */
final class ProbeMessages {

    private ProbeMessages() {
    }

    /** "5 s", or "250 ms" below a second. */
    static String shown(Duration duration) {
        long millis = duration.toMillis();
        return millis >= 1000 && millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** An exception's own message, or its kind when it has none (HttpClient's ConnectException has none). */
    static String detail(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return ConfigFilesCheck.oneLine(t.getMessage());
            }
            if (t instanceof java.net.ConnectException) {
                return "Connection refused";
            }
            t = t.getCause();
        }
        return e.getClass().getSimpleName();
    }
}
