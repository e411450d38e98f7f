package netralitas.hub.cases;

import java.io.Serializable;

/**
 * Where route {@code route} (routes/route.camel.yaml) sends a case and how: kept on the case, so a case parked or queued
 * for the digest still goes where the router decided when it comes back.
 *
 * @param decision IMMEDIATE, DIGEST, CLOSED or TRIAGE
 * @param to       the recipients, comma-separated; null for a closed case
 * @param cc       the recipients in copy, comma-separated, or null
 * @param purpose  a {@code MailPurpose} name (what the receiving office is asked to do), or null for a digest or a closed case
 * @param priority HIGH for every BERAT case, whoever receives it (SPEC §7), else NORMAL
 */
public record RoutingDecision(String decision, String to, String cc, String purpose, Priority priority)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Priority {
        NORMAL, HIGH
    }
}
