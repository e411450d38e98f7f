package netralitas.hub.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A keyed hash of a reporter's identity (SPEC §8, last bullet): the trail can show that two reports came from the
 * same person without holding who that is. Keyed (HMAC), because a plain hash of a name and a phone number could be
 * reversed by hashing guesses; whoever lacks the key cannot.
 */
public final class ReporterPseudonym {

    /** Shorter keys are guessable; the hub reads the key from an environment variable. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int OUTPUT_BYTES = 16;

    private final SecretKeySpec key;

    public ReporterPseudonym(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The reporter pseudonym key must be at least " + MIN_KEY_BYTES
                    + " bytes (was " + (key == null ? "missing" : key.length + " bytes") + ")");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Uses the UTF-8 bytes of {@code key}. */
    public static ReporterPseudonym withKey(String key) {
        return new ReporterPseudonym(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The pseudonym (32 hex digits) of the reporter with this name and contact, insensitive to case, spacing and
     * phone-number formatting; null for an anonymous report (no name and no contact), which links to no one.
     */
    public String of(String name, String contact) {
        String normalisedName = normaliseName(name);
        String normalisedContact = normaliseContact(contact);
        if (normalisedName.isEmpty() && normalisedContact.isEmpty()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // NUL cannot occur in either part, so ("ab", "c") and ("a", "bc") hash differently.
            byte[] digest = mac.doFinal((normalisedName + '\0' + normalisedContact).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, OUTPUT_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java runtime", e);
        }
    }

    static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replace('\0', ' ')
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** E-mail addresses lower-cased; Indonesian phone numbers as digits with the leading 0 (+62 812… = 0812…). */
    static String normaliseContact(String contact) {
        if (contact == null) {
            return "";
        }
        String text = Normalizer.normalize(contact, Normalizer.Form.NFKC).replace('\0', ' ').strip();
        if (text.matches("[+0-9 ()./-]+") && text.chars().anyMatch(Character::isDigit)) {
            String digits = text.replaceAll("[^0-9]", "");
            if (digits.startsWith("62")) {
                digits = "0" + digits.substring(2);
            }
            return digits;
        }
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
