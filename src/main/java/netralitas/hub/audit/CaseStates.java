package netralitas.hub.audit;

import java.util.function.IntConsumer;

/**
 * A small int per case id, for every case of a trail that can hold millions of events: a 64-bit hash of the id and
 * the int in open-addressed arrays (about 24 bytes a case) instead of a HashMap of strings (well over 100). Two ids
 * sharing a hash would merge; with 64 bits that takes billions of cases to become likely.
 */
final class CaseStates {

    private static final int MAX_CAPACITY = 1 << 30;

    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int size;

    /** The value stored for the case, or -1 when there is none. Values are never negative. */
    int get(String caseId) {
        long key = key(caseId);
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == 0) {
                return -1;
            }
        }
    }

    void put(String caseId, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values are never negative, was " + value);
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        if (insert(keys, values, key(caseId), value)) {
            size++;
        }
    }

    int size() {
        return size;
    }

    void forEachValue(IntConsumer action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept(values[i]);
            }
        }
    }

    private void grow() {
        if (keys.length >= MAX_CAPACITY) {
            throw new IllegalStateException("more than " + MAX_CAPACITY * 3L / 4 + " cases");
        }
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
    }

    /** @return whether the key was new */
    private static boolean insert(long[] keys, int[] values, long key, int value) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return false;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                values[i] = value;
                return true;
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** FNV-1a over the chars, finished with a 64-bit mixer; 0 marks an empty slot so it is never a key. */
    static long key(String caseId) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < caseId.length(); i++) {
            hash ^= caseId.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }
}
