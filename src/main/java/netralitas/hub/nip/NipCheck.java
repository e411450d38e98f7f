package netralitas.hub.nip;

/**
 * Outcome of {@link NipValidator#check(String)}.
 *
 * @param valid  whether the number passed every rule of SPEC §4.1
 * @param nip    the normalised input (spaces and dots removed), null when the input was blank
 * @param kind   PNS or PPPK; null when invalid
 * @param reason Indonesian text naming the failing part; null when valid
 */
public record NipCheck(boolean valid, String nip, NipKind kind, String reason) {

    static NipCheck valid(String nip, NipKind kind) {
        return new NipCheck(true, nip, kind, null);
    }

    static NipCheck invalid(String nip, String problem) {
        return new NipCheck(false, nip, null, "NIP tidak valid: " + problem);
    }
}
