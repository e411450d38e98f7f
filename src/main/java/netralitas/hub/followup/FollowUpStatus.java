package netralitas.hub.followup;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a forwarded case stands with the office that received it (SPEC §12). An office's reply names one of the last
 * four in a line {@code Status: …}; {@link #TERKIRIM} is a case nobody answered yet.
 */
public enum FollowUpStatus {
    TERKIRIM("TERKIRIM"),
    DITERIMA("DITERIMA"),
    DIPROSES("DIPROSES"),
    SELESAI("SELESAI"),
    TIDAK_TERBUKTI("TIDAK TERBUKTI");

    private final String label;

    FollowUpStatus(String label) {
        this.label = label;
    }

    /** The words an office writes and reads, {@code TIDAK TERBUKTI} with its space. */
    public String label() {
        return label;
    }

    /** A final status stops the clock: no reminder, no escalation. */
    public boolean isFinal() {
        return this == SELESAI || this == TIDAK_TERBUKTI;
    }

    /** The status an office wrote, case and runs of spaces, underscores or hyphens between the words ignored. */
    public static Optional<FollowUpStatus> ofOfficeText(String text) {
        String words = text.strip().replaceAll("[\\s_-]+", " ").toUpperCase(Locale.ROOT);
        for (FollowUpStatus status : values()) {
            if (status != TERKIRIM && status.label.equals(words)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
