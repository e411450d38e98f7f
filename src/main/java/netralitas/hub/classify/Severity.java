package netralitas.hub.classify;

/** Severity per SKB 2/2022; the order is from heaviest to none. */
public enum Severity {
    BERAT, SEDANG, RINGAN, BUKAN_PELANGGARAN;

    /** One level up, never above BERAT; "not a violation" is never escalated. */
    public Severity escalate() {
        return switch (this) {
            case BERAT, SEDANG -> BERAT;
            case RINGAN -> SEDANG;
            case BUKAN_PELANGGARAN -> BUKAN_PELANGGARAN;
        };
    }
}
