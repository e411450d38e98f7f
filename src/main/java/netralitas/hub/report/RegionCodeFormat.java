package netralitas.hub.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a Kemendagri region code as written in a report: "17.08" and "1708" both mean the
 * regency 17.08, "17" the province. Deeper levels (districts, villages) are not routing targets and
 * are not accepted here. Whether the code exists is the region directory's business, not this one's.
 */
public final class RegionCodeFormat {

    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern REGENCY = Pattern.compile("(\\d{2})\\.?(\\d{2})");

    private RegionCodeFormat() {
    }

    /** "1708" → "17.08", "17.08" → "17.08", "17" → "17"; null when the text is not one of these shapes. */
    public static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String value = code.strip();
        if (PROVINCE.matcher(value).matches()) {
            return value;
        }
        Matcher regency = REGENCY.matcher(value);
        if (regency.matches()) {
            return regency.group(1) + "." + regency.group(2);
        }
        return null;
    }
}
