package netralitas.hub.followup;

import netralitas.hub.classify.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * The deadline a forwarded case gets (SPEC §12): a period per severity (hub.followup.deadline.berat, .sedang, .ringan),
 * or hub.followup.deadline.bawaslu when Bawaslu itself follows the case up (village officials, triage), added to the
 * moment the mail was forwarded by the {@link FollowUpCalendar} (calendar or business days, hub.followup.business-days).
 */
public final class FollowUpDeadlines {

    public static final String BERAT = "hub.followup.deadline.berat";
    public static final String SEDANG = "hub.followup.deadline.sedang";
    public static final String RINGAN = "hub.followup.deadline.ringan";
    public static final String BAWASLU = "hub.followup.deadline.bawaslu";
    public static final String BUSINESS_DAYS = "hub.followup.business-days";

    private final FollowUpCalendar calendar;
    private final boolean businessDays;
    private final String berat;
    private final String sedang;
    private final String ringan;
    private final String bawaslu;

    /**
     * @param businessDays what {@code calendar} counts, said in the dry run's column
     * @param berat        ISO-8601 periods ({@link FollowUpCalendar#isPeriod}), as the settings name them
     */
    public FollowUpDeadlines(FollowUpCalendar calendar, boolean businessDays, String berat, String sedang, String ringan,
                             String bawaslu) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.businessDays = businessDays;
        this.berat = requirePeriod(BERAT, berat);
        this.sedang = requirePeriod(SEDANG, sedang);
        this.ringan = requirePeriod(RINGAN, ringan);
        this.bawaslu = requirePeriod(BAWASLU, bawaslu);
    }

    /** The calendar the deadlines count in: the reminders after them count in it too. */
    public FollowUpCalendar calendar() {
        return calendar;
    }

    /**
     * The period of a case of {@code severity}; {@code bawasluFollowsUp} when the mail went to Bawaslu's own staff or
     * the region's Bawaslu (MailPurpose VILLAGE_OFFICIAL, TRIAGE), whatever the severity.
     *
     * @throws IllegalArgumentException for BUKAN_PELANGGARAN: a case closed as no violation is not followed up
     */
    public String period(Severity severity, boolean bawasluFollowsUp) {
        if (bawasluFollowsUp) {
            return bawaslu;
        }
        return switch (Objects.requireNonNull(severity, "severity")) {
            case BERAT -> berat;
            case SEDANG -> sedang;
            case RINGAN -> ringan;
            case BUKAN_PELANGGARAN -> throw new IllegalArgumentException("A case that is no violation has no deadline");
        };
    }

    /** The deadline of a case forwarded at {@code forwardedAt}. */
    public Instant dueAt(Instant forwardedAt, Severity severity, boolean bawasluFollowsUp) {
        return calendar.after(forwardedAt, period(severity, bawasluFollowsUp));
    }

    /** "P14D hari kerja", "PT2M": the period of a case and how its days count, for the dry run. */
    public String describe(Severity severity, boolean bawasluFollowsUp) {
        String period = period(severity, bawasluFollowsUp);
        boolean days = !period.strip().toUpperCase().startsWith("PT");
        return days ? period + (businessDays ? " hari kerja" : " hari kalender") : period;
    }

    private static String requirePeriod(String setting, String value) {
        if (value == null || !FollowUpCalendar.isPeriod(value)) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is not an ISO-8601 duration such as P14D or PT2M");
        }
        return value.strip();
    }
}
