package netralitas.hub.check;

import java.util.List;

/**
 * A setting the hub reads as a number or a switch: in Java (HubSettings.integer/longValue/bool) or inside a route
 * URI, where a bad value fails only when Camel starts the route. Listed here so {@code check} finds it first.
 *
 * @param min, max the accepted range of a whole number (inclusive)
 */
record TypedSetting(String key, Kind kind, long min, long max, Scope scope) {

    enum Kind { WHOLE_NUMBER, BOOLEAN }

    /** When the hub reads the setting: some are replaced by the embedded servers' own, some exist only for them. */
    enum Scope {
        EVERY_MODE, EMBEDDED_ONLY, OUTSIDE_EMBEDDED;

        boolean applies(boolean embedded) {
            return this == EVERY_MODE || (this == EMBEDDED_ONLY) == embedded;
        }
    }

    private static final long INT_MAX = Integer.MAX_VALUE;

    static final List<TypedSetting> ALL = List.of(
            bool("hub.embedded", Scope.EVERY_MODE),
            bool("hub.security.allow-insecure", Scope.OUTSIDE_EMBEDDED),
            bool("hub.routes.reload", Scope.EVERY_MODE),
            port("hub.embedded.smtp-port", 0, Scope.EMBEDDED_ONLY),
            port("hub.embedded.imap-port", 0, Scope.EMBEDDED_ONLY),
            port("hub.embedded.bkn-port", 0, Scope.EMBEDDED_ONLY),
            bool("hub.embedded.samples", Scope.EMBEDDED_ONLY),
            bool("hub.embedded.followup-mailbox", Scope.EMBEDDED_ONLY),
            number("hub.embedded.summary-period-ms", 1, Long.MAX_VALUE, Scope.EMBEDDED_ONLY),
            number("hub.state.max-connections", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.state.commit-delay-ms", 0, 1000, Scope.EVERY_MODE),
            number("hub.cluster.takeover-seconds", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.pipeline.workers", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.csv.read-lock-min-age-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.csv.poll-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.csv.settle-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.csv.max-field-chars", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.csv.max-record-chars", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.csv.progress-interval-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            port("hub.imap.port", 1, Scope.OUTSIDE_EMBEDDED),
            number("hub.imap.poll-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.imap.max-messages-per-poll", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.imap.retry-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.imap.max-retry-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.imap.max-read-failures", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.imap.timeout-ms", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.mail.max-attachment-bytes", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.mail.max-attachments-per-message", 0, INT_MAX, Scope.EVERY_MODE),
            number("hub.mail.max-message-bytes", 1, INT_MAX - 8, Scope.EVERY_MODE),
            number("hub.mail.max-header-bytes", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.mail.max-nesting-depth", 1, 100, Scope.EVERY_MODE),
            number("hub.mail.max-mime-parts", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.mail.max-subject-chars", 1, INT_MAX, Scope.EVERY_MODE),
            bool("hub.mail.acknowledge", Scope.EVERY_MODE),
            number("hub.mail.ack-max-per-sender-per-day", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.mail.ack-retry-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.mail.ack-max-retry-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.mail.ack-give-up-hours", 0, INT_MAX, Scope.EVERY_MODE),
            port("hub.management.port", 0, Scope.EVERY_MODE),
            number("hub.deferred.retry-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.deferred.batch-size", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.replay.poll-delay-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            port("hub.followup.imap.port", 1, Scope.EVERY_MODE),
            number("hub.followup.max-reminders", 0, INT_MAX, Scope.EVERY_MODE),
            number("hub.followup.batch-size", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.followup.overdue-refresh-ms", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            port("hub.smtp.port", 1, Scope.OUTSIDE_EMBEDDED),
            bool("hub.smtp.starttls", Scope.OUTSIDE_EMBEDDED),
            number("hub.imap.backoff-after-failed-polls", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.imap.backoff-multiplier", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.smtp.timeout-ms", 1, INT_MAX, Scope.EVERY_MODE),
            // Room for a case mail's texts, which are never left out.
            number("hub.smtp.max-message-bytes", 100_000, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.smtp.max-messages-per-connection", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.smtp.max-idle-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.smtp.max-redeliveries", 0, INT_MAX, Scope.EVERY_MODE),
            number("hub.smtp.redelivery-delay-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.bkn.rate-limit-per-second", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.rate-limit-window-ms", 1000, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.max-concurrency", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.cache-ttl", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.bkn.cache-max-entries", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.bkn.connect-timeout-ms", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.response-timeout-ms", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.max-redeliveries", 0, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.redelivery-delay-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.bkn.max-retry-delay-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.bkn.breaker.failure-rate-percent", 1, 100, Scope.EVERY_MODE),
            number("hub.bkn.breaker.window-calls", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.breaker.minimum-calls", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.bkn.breaker.open-seconds", 1, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.bkn.breaker.half-open-calls", 1, INT_MAX, Scope.EVERY_MODE),
            number("hub.digest.max-cases", 1, INT_MAX, Scope.EVERY_MODE),
            bool("hub.followup.business-days", Scope.EVERY_MODE),
            number("hub.followup.related-days", 0, 36_500, Scope.EVERY_MODE),
            number("hub.state.max-redeliveries", 0, INT_MAX, Scope.EVERY_MODE),
            number("hub.state.redelivery-delay-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE),
            number("hub.state.max-redelivery-delay-ms", 0, Long.MAX_VALUE, Scope.EVERY_MODE));

    private static TypedSetting number(String key, long min, long max, Scope scope) {
        return new TypedSetting(key, Kind.WHOLE_NUMBER, min, max, scope);
    }

    private static TypedSetting port(String key, long min, Scope scope) {
        return new TypedSetting(key, Kind.WHOLE_NUMBER, min, 65535, scope);
    }

    private static TypedSetting bool(String key, Scope scope) {
        return new TypedSetting(key, Kind.BOOLEAN, 0, 0, scope);
    }

    /** Why {@code value} is not acceptable, or null when it is. */
    String problemWith(String value) {
        if (kind == Kind.BOOLEAN) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
                    : CheckProblem.quoted(value) + " is not true or false";
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return CheckProblem.quoted(value) + " is not a whole number";
        }
        if (number < min) {
            return CheckProblem.quoted(value) + " is below the minimum of " + min;
        }
        if (number > max) {
            return CheckProblem.quoted(value) + " is above the maximum of " + max;
        }
        return null;
    }
}
