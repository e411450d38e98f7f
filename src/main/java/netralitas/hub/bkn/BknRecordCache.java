package netralitas.hub.bkn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * BKN answers by NIP, so that a NIP named in many reports is fetched once per TTL (SPEC §4.2). Bounded in size as well
 * as in time: a million-row file with distinct NIPs must not fill the heap. "Not found" answers are cached too.
 */
public final class BknRecordCache {

    private final Cache<String, BknLookup> cache;

    public BknRecordCache(Duration ttl, long maxEntries) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    /** The cached answer, or null when BKN must be asked. */
    public BknLookup get(String nip) {
        return cache.getIfPresent(nip);
    }

    public BknLookup put(BknLookup lookup) {
        cache.put(lookup.nip(), lookup);
        return lookup;
    }
}
