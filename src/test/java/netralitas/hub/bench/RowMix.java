package netralitas.hub.bench;

/**
 * What a generated CSV is made of.
 *
 * @param bad       share of rows with exactly one fault (bad NIP, bad date or no description), rejected by the hub
 * @param repeat    share of NIP rows naming an employee already named earlier in the file (a new report, a new case)
 * @param duplicate share of rows that repeat the previous good row exactly (same case id: the hub records DUPLICATE)
 * @param immediate weight of BERAT/SEDANG rows (delivered at once)
 * @param digest    weight of RINGAN rows (queued for the daily digest)
 * @param closed    weight of BUKAN_PELANGGARAN rows (passive attendance: closed, not forwarded)
 * @param village   weight of village heads (no NIP: name and region; delivered at once to Bawaslu)
 */
record RowMix(double bad, double repeat, double duplicate, double immediate, double digest, double closed,
              double village) {

    static final RowMix DEFAULT = new RowMix(0.05, 0.20, 0.0, 40, 40, 15, 5);

    RowMix {
        requireShare("bad", bad);
        requireShare("repeat", repeat);
        requireShare("duplicate", duplicate);
        if (bad + duplicate > 1) {
            throw new IllegalArgumentException("bad + duplicate shares exceed 1");
        }
        for (double weight : new double[] {immediate, digest, closed, village}) {
            if (weight < 0 || Double.isNaN(weight)) {
                throw new IllegalArgumentException("mix weights must not be negative");
            }
        }
        if (immediate + digest + closed + village <= 0) {
            throw new IllegalArgumentException("mix weights must not all be zero");
        }
    }

    /** @param weights "immediate,digest,closed,village", e.g. "40,40,15,5" */
    RowMix withWeights(String weights) {
        String[] parts = weights.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("--mix wants four weights: immediate,digest,closed,village");
        }
        return new RowMix(bad, repeat, duplicate, Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
    }

    RowMix withShares(double bad, double repeat, double duplicate) {
        return new RowMix(bad, repeat, duplicate, immediate, digest, closed, village);
    }

    private double total() {
        return immediate + digest + closed + village;
    }

    /** Which kind a good row is, for a uniform draw {@code u} in [0, 1). */
    LoadCsv.Kind goodKind(double u) {
        double x = u * total();
        if (x < immediate) {
            return LoadCsv.Kind.IMMEDIATE;
        }
        if (x < immediate + digest) {
            return LoadCsv.Kind.DIGEST;
        }
        if (x < immediate + digest + closed) {
            return LoadCsv.Kind.CLOSED;
        }
        return LoadCsv.Kind.VILLAGE;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "bad=%s repeat=%s duplicate=%s mix(immediate,digest,closed,village)=%s,%s,%s,%s",
                bad, repeat, duplicate, immediate, digest, closed, village);
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " share must be within 0..1, got " + share);
        }
    }
}
