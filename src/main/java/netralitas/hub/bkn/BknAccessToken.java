package netralitas.hub.bkn;

import java.time.Clock;
import java.time.Instant;

/**
 * The OAuth2 client-credentials token for BKN, kept until shortly before it expires so that one token serves
 * many lookups, and dropped when BKN rejects it (SPEC §4.2).
 */
public final class BknAccessToken {

    /** Renew this long before the announced expiry, so a request never leaves with a token about to die. */
    private static final long RENEW_MARGIN_SECONDS = 60;

    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public BknAccessToken(Clock clock) {
        this.clock = clock;
    }

    public synchronized boolean isUsable() {
        return token != null && clock.instant().isBefore(renewAt);
    }

    public synchronized String value() {
        return token;
    }

    public synchronized void store(String accessToken, long expiresInSeconds) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("BKN token response carries no access_token");
        }
        long lifetime = expiresInSeconds > 0 ? expiresInSeconds : 300;
        long margin = Math.min(RENEW_MARGIN_SECONDS, lifetime / 10);
        this.token = accessToken;
        this.renewAt = clock.instant().plusSeconds(lifetime - margin);
    }

    public synchronized void invalidate() {
        token = null;
        renewAt = Instant.MIN;
    }
}
