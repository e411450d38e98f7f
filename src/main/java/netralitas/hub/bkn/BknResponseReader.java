package netralitas.hub.bkn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns one HTTP answer of {@code GET /pns/data-utama/{nip}} into a {@link BknLookup}, keeping only the fields of
 * {@link Employee}, or into the exception that tells the route whether retrying makes sense (SPEC §4.2).
 */
public final class BknResponseReader {

    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Clock clock;

    public BknResponseReader(Clock clock) {
        this.clock = clock;
    }

    public BknLookup read(String nip, int status, String retryAfter, String body)
            throws BknUnavailableException, BknRejectedException {
        if (status == 404) {
            return BknLookup.notFound(nip);
        }
        if (status == 429 || status >= 500) {
            throw new BknUnavailableException("BKN answered HTTP " + status + " for NIP " + nip, retryAfterMillis(retryAfter));
        }
        if (status != 200) {
            throw new BknRejectedException("BKN answered HTTP " + status + " for NIP " + nip);
        }
        try {
            JsonNode root = mapper.readTree(body == null ? "" : body);
            JsonNode data = root.path("data");
            if (root.path("code").asInt(0) != 1 || data.isNull() || data.isMissingNode()) {
                return BknLookup.notFound(nip);
            }
            return new BknLookup(nip, mapper.treeToValue(data, Employee.class));
        } catch (Exception e) {
            throw new BknRejectedException("BKN sent a response that is not the expected JSON for NIP " + nip, e);
        }
    }

    /**
     * The token endpoint's status (SPEC §4.2): 429 and 5xx mean BKN is unavailable and are retried like a lookup;
     * any other error is about the credentials, which no retry will fix.
     */
    public void requireToken(int status, String retryAfter) throws BknUnavailableException, BknRejectedException {
        if (status == 429 || status >= 500) {
            throw new BknUnavailableException("BKN's token endpoint answered HTTP " + status, retryAfterMillis(retryAfter));
        }
        if (status != 200) {
            throw new BknRejectedException("BKN's token endpoint answered HTTP " + status
                    + ": check hub.bkn.consumer-key and hub.bkn.consumer-secret");
        }
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    long retryAfterMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return 0;
        }
        String value = retryAfter.trim();
        try {
            return Math.max(0, Long.parseLong(value)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
            } catch (DateTimeParseException notADate) {
                return 0;
            }
        }
    }
}
