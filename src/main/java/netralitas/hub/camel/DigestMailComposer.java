package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.RenderedEmail;
import netralitas.hub.region.Region;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/** Route {@code digest-send}: one email per region listing its RINGAN cases (SPEC §6, §7). */
public final class DigestMailComposer {

    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;
    private final Clock clock;

    public DigestMailComposer(CaseEmailRenderer renderer, String from, String mailDomain, Clock clock) {
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public void compose(Exchange exchange) {
        Message message = exchange.getMessage();
        List<ViolationCase> cases = message.getBody(List.class);
        Region region = cases.get(0).getRegionResolution().region();
        LocalDate today = LocalDate.now(clock);

        RenderedEmail mail = renderer.renderDigest(region, cases, today);
        OutgoingMail.apply(message, mail, from, region.bkpsdmInbox(), null,
                "<digest-" + region.code() + "-" + today + "-" + fingerprint(cases) + "@" + mailDomain + ">");
        OutgoingMail.header(message, "X-Netralitas-Severity", "RINGAN");
        OutgoingMail.header(message, "X-Netralitas-Region", region.code());
        OutgoingMail.header(message, "X-Netralitas-Case-Id",
                String.join(" ", cases.stream().map(ViolationCase::getCaseId).toList()));
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
