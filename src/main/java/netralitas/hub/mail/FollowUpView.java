package netralitas.hub.mail;

import netralitas.hub.followup.CaseSummary;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the reminder and escalation mails (SPEC §12; templates reminder.* and escalation.*): the case in short,
 * when it was sent and to whom, the deadline passed, how to answer, and for an escalation its history. Times are in the
 * hub's time zone, as an office reads them ("14 Oktober 2024 pukul 09.00 WIB").
 */
final class FollowUpView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private FollowUpView() {
    }

    /** A reminder: number {@code reminder} of at most {@code maxReminders}, sent at {@code now}. */
    static Map<String, Object> reminder(FollowUpCase followUp, int reminder, int maxReminders, Instant now, ZoneId zone,
                                        String replyAddress, MailSignature signature) {
        Map<String, Object> m = common(followUp, now, zone, replyAddress, signature);
        m.put("reminder", Integer.toString(reminder));
        m.put("maxReminders", Integer.toString(maxReminders));
        m.put("lastReminder", reminder >= maxReminders);
        return m;
    }

    /**
     * An escalation at {@code now}, to {@code to} (Bawaslu staff at the triage inbox when {@code triage}: the case has no
     * region), with the case's history oldest first.
     */
    static Map<String, Object> escalation(FollowUpCase followUp, List<FollowUpEntry> history, List<String> to,
                                          boolean triage, Instant now, ZoneId zone, String replyAddress,
                                          MailSignature signature) {
        Map<String, Object> m = common(followUp, now, zone, replyAddress, signature);
        m.put("escalatedTo", List.copyOf(to));
        m.put("triage", triage);
        m.put("reminders", Integer.toString(followUp.reminders()));
        m.put("status", followUp.status().label());
        m.put("answered", followUp.answeredAt() != null);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (FollowUpEntry entry : history) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("at", at(entry.at(), zone));
            step.put("event", eventLabel(entry.kind()));
            step.put("status", entry.status() == null ? CaseView.ABSENT : entry.status().label());
            step.put("detail", entry.detail() == null || entry.detail().isBlank() ? CaseView.ABSENT : entry.detail());
            steps.add(step);
        }
        m.put("history", steps);
        return m;
    }

    private static Map<String, Object> common(FollowUpCase followUp, Instant now, ZoneId zone, String replyAddress,
                                              MailSignature signature) {
        CaseSummary c = followUp.summary();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", CaseView.text(c.caseId()));
        m.put("caseSubject", c.subject());
        m.put("displayName", c.name());
        m.put("displayNip", c.nip());
        m.put("severity", c.severity());
        m.put("category", c.category());
        m.put("place", c.place());
        m.put("incidentDate", c.incidentDate() == null ? CaseView.ABSENT : IndonesianDates.format(c.incidentDate()));
        m.put("forwardedAt", at(followUp.forwardedAt(), zone));
        m.put("recipients", followUp.recipients());
        m.put("messageId", followUp.messageId());
        m.put("deadline", at(followUp.dueAt(), zone));
        m.put("overdue", overdue(Duration.between(followUp.dueAt(), now)));
        m.put("replyAddress", replyAddress);
        m.put("statuses", statuses());
        m.put("signature", CaseView.signature(signature));
        return m;
    }

    /** "14 Oktober 2024 pukul 09.00 WIB". */
    static String at(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return IndonesianDates.format(local.toLocalDate()) + " pukul " + TIME.format(local) + " " + zoneLabel(local);
    }

    /** WIB, WITA, WIT by the offset; another zone as "UTC+05:30". */
    private static String zoneLabel(ZonedDateTime local) {
        ZoneOffset offset = local.getOffset();
        return switch (offset.getTotalSeconds() / 3600) {
            case 7 -> "WIB";
            case 8 -> "WITA";
            case 9 -> "WIT";
            default -> offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        };
    }

    /** "12 hari", or "kurang dari 1 hari" on the day of the deadline. */
    static String overdue(Duration late) {
        long days = Math.max(0, late.toDays());
        return days == 0 ? "kurang dari 1 hari" : days + " hari";
    }

    /** The status lines an office may write, with what each tells Bawaslu. */
    static List<Map<String, Object>> statuses() {
        return List.of(
                Map.of("label", FollowUpStatus.DITERIMA.label(), "meaning", "surat telah diterima dan akan ditindaklanjuti"),
                Map.of("label", FollowUpStatus.DIPROSES.label(), "meaning", "pemeriksaan atau proses penjatuhan sanksi sedang berjalan"),
                Map.of("label", FollowUpStatus.SELESAI.label(), "meaning", "sanksi telah dijatuhkan (sebutkan pada baris Sanksi:)"),
                Map.of("label", FollowUpStatus.TIDAK_TERBUKTI.label(), "meaning", "hasil pemeriksaan: pelanggaran tidak terbukti"));
    }

    /** The audit event's name as an office reads it. */
    static String eventLabel(String kind) {
        return switch (kind) {
            case "FORWARDED" -> "Diteruskan";
            case "FOLLOW_UP" -> "Tanggapan kantor";
            case "REMINDED" -> "Pengingat";
            case "ESCALATED" -> "Eskalasi";
            case "FOLLOW_UP_CLOSED" -> "Selesai ditindaklanjuti";
            case "LINKED" -> "Laporan terkait";
            case "BOUNCED" -> "Surat tidak terkirim";
            default -> kind;
        };
    }
}
