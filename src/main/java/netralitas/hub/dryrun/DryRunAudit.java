package netralitas.hub.dryrun;

import org.apache.camel.Exchange;

/**
 * Bound as {@code audit} in a dry run: the routes record their events as always, and nothing is kept. A dry run decides
 * nothing, so it must not appear in the trail that auditors read.
 */
public final class DryRunAudit {

    public void record(Exchange exchange, String event) {
        // Deliberately nothing: see the class comment.
    }
}
