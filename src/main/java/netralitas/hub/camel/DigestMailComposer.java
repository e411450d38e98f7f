package netralitas.hub.camel;

import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.FollowUpRequest;
import netralitas.hub.mail.RenderedEmail;
import netralitas.hub.region.Region;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Route {@code digest-send}: one email per region listing its RINGAN cases, to the recipients route {@code route} decided (SPEC §6, §7). */
public final class DigestMailComposer {

    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;
    private final String replyTo;
    private final Clock clock;

    /** @param replyTo the follow-up address offices reply to (SPEC §12), or null */
    public DigestMailComposer(CaseEmailRenderer renderer, String from, String mailDomain, String replyTo, Clock clock) {
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
        this.replyTo = replyTo;
        this.clock = clock;
    }

    public void compose(@Body List<ViolationCase> cases,
                        @ExchangeProperty(HubProperties.FOLLOW_UP_DEADLINE) Instant deadline,
                        @ExchangeProperty(HubProperties.RELATED_CASES) Map<String, FollowUpCase> related,
                        Message message) {
        Region region = cases.get(0).getRegionResolution().region();
        LocalDate today = LocalDate.now(clock);
        Map<String, String> firstCases = new HashMap<>();
        if (related != null) {
            related.forEach((caseId, first) -> firstCases.put(caseId, first.caseId()));
        }

        RenderedEmail mail = renderer.renderDigest(region, cases, today,
                new FollowUpRequest(deadline, clock.getZone(), null), firstCases);
        OutgoingMail.apply(message, mail, from, recipients(cases, RoutingDecision::to, region), recipients(cases, RoutingDecision::cc, null),
                "<digest-" + region.code() + "-" + today + "-" + fingerprint(cases) + "@" + mailDomain + ">");
        OutgoingMail.replyTo(message, replyTo);
        OutgoingMail.header(message, "X-Netralitas-Severity", "RINGAN");
        OutgoingMail.header(message, "X-Netralitas-Region", region.code());
        OutgoingMail.header(message, "X-Netralitas-Case-Id",
                String.join(" ", cases.stream().map(ViolationCase::getCaseId).toList()));
    }

    /**
     * The recipients route {@code route} decided for the cases of one digest (normally the same for all: one region,
     * one branch), each once. A case queued before the decision was kept on the case goes where that branch sent it
     * then: the region's BKPSDM.
     */
    private static String recipients(List<ViolationCase> cases, Function<RoutingDecision, String> field, Region region) {
        Set<String> addresses = new LinkedHashSet<>();
        for (ViolationCase violationCase : cases) {
            String decided = violationCase.getRoutingDecision() == null
                    ? (region == null ? null : region.bkpsdmInbox())
                    : field.apply(violationCase.getRoutingDecision());
            if (decided != null && !decided.isBlank()) {
                addresses.add(decided);
            }
        }
        return addresses.isEmpty() ? null : String.join(",", addresses);
    }

    /** Same cases → same Message-ID, so a digest re-sent after a crash is recognisably the same message. */
    private static String fingerprint(List<ViolationCase> cases) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            cases.stream().map(ViolationCase::getCaseId).sorted()
                    .forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
