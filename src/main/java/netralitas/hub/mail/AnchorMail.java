package netralitas.hub.mail;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netralitas.hub.text.HeaderValues;

/**
 * The daily anchor mail (SPEC §8): the audit chain's head and the day's event counts, sent to a mailbox outside the
 * hub's control, so that a trail cut or rewritten afterwards no longer contains the mailed hash.
 *
 * @param at     when the head was taken (hub time zone)
 * @param seq    the head's seq
 * @param hash   the head's hash
 * @param keyed  whether the chain ends keyed
 * @param counts the day's events by kind, in the trail's order of kinds
 */
public record AnchorMail(OffsetDateTime at, long seq, String hash, boolean keyed, Map<String, Long> counts) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss xxx");

    public AnchorMail {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** {@code [NETRALITAS HUB][JANGKAR AUDIT] 8 Oktober 2024 — peristiwa ke-12345}: no report text in it. */
    public String subject() {
        return HeaderValues.sanitize("[NETRALITAS HUB][JANGKAR AUDIT] " + IndonesianDates.format(at.toLocalDate())
                + " — peristiwa ke-" + seq, SubjectLine.MAX_SUBJECT);
    }

    Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("date", IndonesianDates.format(at.toLocalDate()));
        model.put("isoDate", at.toLocalDate().toString());
        model.put("time", TIME.format(at));
        model.put("seq", Long.toString(seq));
        model.put("hash", hash);
        model.put("keyed", keyed);
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            rows.add(Map.of("event", count.getKey(), "count", Long.toString(count.getValue())));
            total += count.getValue();
        }
        model.put("counts", rows);
        model.put("total", Long.toString(total));
        return model;
    }
}
