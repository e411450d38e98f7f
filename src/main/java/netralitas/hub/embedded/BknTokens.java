package netralitas.hub.embedded;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the simulator issued, each valid until its expiry on the simulator's clock. */
final class BknTokens {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    String issue(Instant now, Duration lifetime) {
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, now.plus(lifetime));
        return token;
    }

    boolean isValid(String token, Clock clock) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void expireAll() {
        expiries.clear();
    }
}
