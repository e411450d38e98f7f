package netralitas.hub.mail;

import netralitas.hub.cases.BknStatus;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionLabel;
import netralitas.hub.text.HeaderValues;

import java.time.LocalDate;

/**
 * Email subjects (SPEC §7). Built in Java rather than in a template so that every value taken from a report
 * goes through {@link HeaderValues#sanitize} and a deployer's template edit cannot open a header injection.
 */
public final class SubjectLine {

    /** Keeps a subject readable in a mail client's list even when a report carries a novel in its name field. */
    static final int MAX_VALUE = 120;
    static final int MAX_SUBJECT = 400;
    static final String UNVERIFIED = "NIP tidak terverifikasi";

    private SubjectLine() {
    }

    /**
     * {@code [NETRALITAS ASN][BERAT] <case id> — <nama> (<NIP>) — <region name>}. A NIP that BKN does not know is
     * followed by "NIP tidak terverifikasi": the name beside it is only the reporter's word, and a subject alone must
     * not look like a checked identity.
     */
    public static String forCase(ViolationCase c) {
        String nip = value(CaseFacts.nip(c));
        if (c.getBknStatus() == BknStatus.NOT_FOUND) {
            nip += ", " + UNVERIFIED;
        }
        return HeaderValues.sanitize("[NETRALITAS ASN][" + CaseFacts.severityCode(c) + "] "
                + value(c.getCaseId()) + " — "
                + value(c.getDisplayName()) + " (" + nip + ") — "
                + value(CaseFacts.placeName(c)), MAX_SUBJECT);
    }

    /** {@code [PENGINGAT] } and the case mail's subject ({@link #forCase}): the office's client threads it under the case. */
    public static String forReminder(String caseSubject) {
        return HeaderValues.sanitize("[PENGINGAT] " + caseSubject, MAX_SUBJECT);
    }

    /** {@code [ESKALASI] } and the case mail's subject ({@link #forCase}). */
    public static String forEscalation(String caseSubject) {
        return HeaderValues.sanitize("[ESKALASI] " + caseSubject, MAX_SUBJECT);
    }

    /**
     * {@code [TIDAK TERKIRIM] } and the returned mail's case's subject ({@link #forCase}); of a digest's cases, the first
     * one's and how many more.
     */
    public static String forBounceNotice(String firstCaseSubject, int moreCases) {
        return HeaderValues.sanitize("[TIDAK TERKIRIM] " + firstCaseSubject
                + (moreCases > 0 ? " (+" + moreCases + " kasus lain)" : ""), MAX_SUBJECT);
    }

    /** {@code [NETRALITAS ASN][RINGAN] Rekap harian 14 September 2024 — <region name> — 3 kasus}. */
    public static String forDigest(Region region, int caseCount, LocalDate date) {
        return HeaderValues.sanitize("[NETRALITAS ASN][RINGAN] Rekap harian " + IndonesianDates.format(date)
                + " — " + value(RegionLabel.of(region)) + " — " + caseCount + " kasus", MAX_SUBJECT);
    }

    /** {@code [NETRALITAS ASN] Laporan diterima — NH-…}: no text of the reporter's own reaches the header. */
    public static String forAcknowledgement(Acknowledgement ack) {
        String subject = switch (ack.outcome()) {
            case FORWARDED -> "[NETRALITAS ASN] Laporan diterima dan diteruskan — " + ack.caseId();
            case DIGEST -> "[NETRALITAS ASN] Laporan diterima — " + ack.caseId();
            case CLOSED -> "[NETRALITAS ASN] Laporan diterima, bukan pelanggaran — " + ack.caseId();
            case REVIEW -> "[NETRALITAS ASN] Laporan diterima, ditelaah petugas — " + ack.caseId();
            case DUPLICATE -> "[NETRALITAS ASN] Laporan sudah pernah diterima — " + ack.caseId();
            case NOT_PROCESSED -> "[NETRALITAS ASN] Laporan belum dapat diproses — " + ack.caseId();
            case CSV_BATCH -> "[NETRALITAS ASN] Rekap laporan diterima";
        };
        return HeaderValues.sanitize(subject, MAX_SUBJECT);
    }

    private static String value(String text) {
        return HeaderValues.sanitize(text, MAX_VALUE);
    }
}
