package netralitas.hub.audit;

import netralitas.hub.classify.Severity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cases counted by region, severity and where they stand, from one pass over the trail in chain order. Every case
 * keeps one packed int ({@link CaseStates}); only the cases not finished are kept with their id and times, which in a
 * healthy trail are the few in flight, queued for the digest, deferred or dead-lettered.
 *
 * <p>A case's region is the one its ROUTED (or CLOSED, DIGEST_QUEUED) event recorded; before that it has none.
 */
final class CaseTally {

    /** Region index of cases never routed to a region (rejected, still in flight, closed without one). */
    static final int NO_REGION = 0;
    /** Routed to triage: no region could be resolved. */
    static final int TRIAGE = 1;
    /** Employee of a central agency: routed to the central inbox. */
    static final int CENTRAL = 2;
    private static final int FIRST_CODE = 3;
    private static final int MAX_REGIONS = 1 << 16;

    private static final Severity[] SEVERITIES = Severity.values();
    private static final CaseStatus[] STATUSES = CaseStatus.values();

    /** A case whose delivery does not match its routing decision: delivered twice, or to others than it named. */
    record DeliveryProblem(String caseId, OffsetDateTime at, String problem) {
    }

    /** A case not finished: since its first event (or since it was taken up again), and its last step. */
    record Open(String caseId, OffsetDateTime since, AuditEventType last, OffsetDateTime lastAt) {
    }

    /**
     * One row of the per-region table.
     *
     * @param code       Kemendagri code; null for the {@link #NO_REGION}, {@link #TRIAGE} and {@link #CENTRAL} rows
     * @param severities cases by {@link Severity} ordinal; cases not classified are in none
     * @param statuses   cases by {@link CaseStatus} ordinal
     * @param duplicates duplicate reports (DUPLICATE events), not cases
     * @param rejected   rejected reports (REJECTED events), including rows that never became a case
     */
    record RegionRow(int index, String code, long cases, long[] severities, long[] statuses, long duplicates,
                     long rejected) {

        long status(CaseStatus status) {
            return statuses[status.ordinal()];
        }

        long severity(Severity severity) {
            return severities[severity.ordinal()];
        }

        long notFinished() {
            long sum = 0;
            for (CaseStatus status : STATUSES) {
                if (!status.finished()) {
                    sum += statuses[status.ordinal()];
                }
            }
            return sum;
        }
    }

    private final CaseStates states = new CaseStates();
    private final List<String> regionCodes = new ArrayList<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final Map<Integer, long[]> eventCounts = new HashMap<>();
    private final Map<String, Open> open = new HashMap<>();
    /** Recipients the routing decision named, per case routed and not yet delivered (the few in flight). */
    private final Map<String, String> routedTo = new HashMap<>();
    private final List<DeliveryProblem> deliveryProblems = new ArrayList<>();
    private long deliveryProblemCount;
    private final int maxDeliveryProblems;

    CaseTally() {
        this(1_000);
    }

    /** @param maxDeliveryProblems delivery problems kept with their case id; all are counted */
    CaseTally(int maxDeliveryProblems) {
        this.maxDeliveryProblems = maxDeliveryProblems;
    }

    /** @return whether the event belongs to a case this tally counts */
    boolean add(AuditEvent event) {
        String caseId = event.caseId();
        AuditEventType type = event.event();
        if (caseId == null) {
            if (type == AuditEventType.REJECTED) {
                countEvent(NO_REGION, 1);
            }
            return false;
        }
        int packed = states.get(caseId);
        CaseStatus current = packed < 0 ? null : STATUSES[statusBits(packed)];
        int region = packed < 0 ? NO_REGION : regionBits(packed);
        if (type == AuditEventType.DUPLICATE) {
            countEvent(region, 0);
        } else if (type == AuditEventType.REJECTED) {
            countEvent(region, 1);
        }
        CaseStatus next = CaseStatus.after(current, type, region == TRIAGE);
        if (current == null && next == null) {
            return false;
        }
        int severity = packed < 0 ? 0 : severityBits(packed);
        int deliveries = packed < 0 ? 0 : deliveryBits(packed);
        if (type == AuditEventType.ROUTED || type == AuditEventType.CLOSED || type == AuditEventType.DIGEST_QUEUED) {
            region = regionOf(event.detail());
            String named = recipients(event.detail());
            if (type != AuditEventType.CLOSED && !named.isEmpty()) {
                routedTo.put(caseId, named);
            }
        } else if (type == AuditEventType.CLASSIFIED) {
            severity = severityOf(event.detail().get("severity"));
        } else if (type == AuditEventType.DELIVERED || type == AuditEventType.DIGEST_SENT) {
            deliveries = Math.min(deliveries + 1, 3);
            checkDelivery(caseId, event, deliveries);
        }
        CaseStatus status = next == null ? current : next;
        if (type == AuditEventType.DELIVERED && region == TRIAGE) {
            status = CaseStatus.TRIAGE;
        }
        states.put(caseId, pack(status, severity, region) | deliveries << 24);
        if (status.finished()) {
            open.remove(caseId);
        } else if (next != null) {
            Open before = open.get(caseId);
            open.put(caseId, new Open(caseId, before == null ? event.at() : before.since(), type, event.at()));
        }
        return true;
    }

    /**
     * Each case is delivered once, to the recipients its routing decision (ROUTED, or DIGEST_QUEUED for the digest)
     * named: a second delivery, or one to other addresses, is a problem an auditor must see.
     */
    private void checkDelivery(String caseId, AuditEvent event, int deliveries) {
        String named = routedTo.remove(caseId);
        String problem = null;
        if (deliveries > 1) {
            problem = "terkirim lebih dari sekali";
        } else if (named != null) {
            String sent = recipients(event.detail());
            if (!sent.equals(named)) {
                problem = "terkirim ke " + (sent.isEmpty() ? "(tidak tercatat)" : sent) + ", keputusan rute menyebut "
                        + named;
            }
        }
        if (problem == null) {
            return;
        }
        deliveryProblemCount++;
        if (deliveryProblems.size() < maxDeliveryProblems) {
            deliveryProblems.add(new DeliveryProblem(caseId, event.at(), problem));
        }
    }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"]+@[^\\s<>,;\"]+");

    /** The addresses in to and cc, lower case, sorted, one comma between: display names and order do not matter. */
    static String recipients(Map<String, Object> detail) {
        TreeSet<String> addresses = new TreeSet<>();
        for (String key : List.of("to", "cc")) {
            Object value = detail.get(key);
            if (value == null) {
                continue;
            }
            Matcher m = ADDRESS.matcher(value.toString());
            while (m.find()) {
                addresses.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(",", addresses);
    }

    /** The first delivery problems, up to the cap; {@link #deliveryProblemCount()} counts them all. */
    List<DeliveryProblem> deliveryProblems() {
        return Collections.unmodifiableList(deliveryProblems);
    }

    long deliveryProblemCount() {
        return deliveryProblemCount;
    }

    /** Number of distinct cases seen. */
    long cases() {
        return states.size();
    }

    /** Where the case stands, or null when this tally has not counted it. */
    CaseStatus statusOf(String caseId) {
        int packed = states.get(caseId);
        return packed < 0 ? null : STATUSES[statusBits(packed)];
    }

    /** The case's region index ({@link #NO_REGION} when unknown). */
    int regionOf(String caseId) {
        int packed = states.get(caseId);
        return packed < 0 ? NO_REGION : regionBits(packed);
    }

    /** The case's severity, or null when it was not classified. */
    Severity severityOf(String caseId) {
        int packed = states.get(caseId);
        int bits = packed < 0 ? 0 : severityBits(packed);
        return bits == 0 ? null : SEVERITIES[bits - 1];
    }

    /** The Kemendagri code of a region index; null for the three rows without one. */
    String regionCode(int index) {
        return index < FIRST_CODE ? null : regionCodes.get(index - FIRST_CODE);
    }

    /** The open (not finished) case, or null. */
    Open open(String caseId) {
        return open.get(caseId);
    }

    /** Cases not finished, the longest waiting first. */
    List<Open> notFinished() {
        List<Open> list = new ArrayList<>(open.values());
        list.sort(Comparator.comparing((Open o) -> o.since().toInstant()).thenComparing(Open::caseId));
        return list;
    }

    /** One row per region that has cases or rejects: coded regions by code, then triage, central, none. */
    List<RegionRow> rows() {
        int regions = FIRST_CODE + regionCodes.size();
        long[] cases = new long[regions];
        long[][] severities = new long[regions][SEVERITIES.length];
        long[][] statuses = new long[regions][STATUSES.length];
        states.forEachValue(packed -> {
            int region = regionBits(packed);
            cases[region]++;
            int severity = severityBits(packed);
            if (severity > 0) {
                severities[region][severity - 1]++;
            }
            statuses[region][statusBits(packed)]++;
        });
        List<Integer> order = new ArrayList<>();
        for (int i = FIRST_CODE; i < regions; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(this::regionCode));
        order.addAll(List.of(TRIAGE, CENTRAL, NO_REGION));
        List<RegionRow> rows = new ArrayList<>();
        for (int region : order) {
            long[] events = eventCounts.getOrDefault(region, new long[2]);
            if (cases[region] > 0 || events[0] > 0 || events[1] > 0) {
                rows.add(new RegionRow(region, regionCode(region), cases[region], severities[region],
                        statuses[region], events[0], events[1]));
            }
        }
        return rows;
    }

    private void countEvent(int region, int which) {
        eventCounts.computeIfAbsent(region, r -> new long[2])[which]++;
    }

    private int regionOf(Map<String, Object> detail) {
        Object code = detail.get("region");
        if (code != null && !code.toString().isBlank()) {
            String key = code.toString();
            Integer index = regionIndex.get(key);
            if (index == null) {
                if (FIRST_CODE + regionCodes.size() >= MAX_REGIONS) {
                    return NO_REGION;
                }
                index = FIRST_CODE + regionCodes.size();
                regionCodes.add(key);
                regionIndex.put(key, index);
            }
            return index;
        }
        if ("TRIAGE".equals(detail.get("decision"))) {
            return TRIAGE;
        }
        return "CENTRAL_AGENCY".equals(detail.get("regionSource")) ? CENTRAL : NO_REGION;
    }

    private static int severityOf(Object value) {
        for (Severity severity : SEVERITIES) {
            if (severity.name().equals(value)) {
                return severity.ordinal() + 1;
            }
        }
        return 0;
    }

    private static int pack(CaseStatus status, int severity, int region) {
        return status.ordinal() | severity << 4 | region << 8;
    }

    private static int statusBits(int packed) {
        return packed & 0xf;
    }

    private static int severityBits(int packed) {
        return packed >>> 4 & 0x7;
    }

    private static int regionBits(int packed) {
        return packed >>> 8 & 0xffff;
    }

    /** Deliveries seen (DELIVERED, DIGEST_SENT), 3 meaning three or more. */
    private static int deliveryBits(int packed) {
        return packed >>> 24 & 0x3;
    }
}
