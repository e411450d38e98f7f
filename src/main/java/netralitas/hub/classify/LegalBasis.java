package netralitas.hub.classify;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a mail cites for one case, and the sanction it asks the competent official to consider.
 *
 * @param general  the regulations that apply to every case of this kind of person (for an ASN: the ASN law and the
 *                 2022 joint decree; for a village official: the village and Pilkada laws)
 * @param specific the category's own provisions and the sanction's regulation for the final severity; empty for a
 *                 village official, whose law does not grade by severity
 * @param sanction e.g. "hukuman disiplin berat berdasarkan …"; null when nothing is to be imposed (not a violation,
 *                 not classified yet)
 */
public record LegalBasis(List<String> general, List<String> specific, String sanction) {

    public LegalBasis {
        general = List.copyOf(general);
        specific = List.copyOf(specific);
    }

    /** General first, then specific: the order a mail lists them in. */
    public List<String> all() {
        return Stream.concat(general.stream(), specific.stream()).toList();
    }
}
