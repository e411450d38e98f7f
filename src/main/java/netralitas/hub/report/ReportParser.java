package netralitas.hub.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import netralitas.hub.nip.NipCheck;
import netralitas.hub.nip.NipKind;
import netralitas.hub.nip.NipValidator;

/**
 * Turns the canonical fields of one report (a CSV row or a structured email) into a {@link Report},
 * applying the row rules of SPEC §3.1. Every problem found is listed in the reason, joined with "; ",
 * so a reporter fixes a row in one go rather than one rejection at a time.
 */
public final class ReportParser {

    private static final Pattern EVIDENCE_SEPARATORS = Pattern.compile("[\\s|]+");

    private final Clock clock;
    private final NipValidator nipValidator;

    public ReportParser(Clock clock) {
        this(clock, new NipValidator(clock));
    }

    public ReportParser(Clock clock, NipValidator nipValidator) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nipValidator = Objects.requireNonNull(nipValidator, "nipValidator");
    }

    /**
     * @param canonicalFields values keyed by {@link ReportFields} names; unknown keys are ignored
     * @param source          where the fields came from, carried into the report
     */
    public ParseResult parse(Map<String, String> canonicalFields, ReportSource source) {
        Fields fields = new Fields(canonicalFields);
        List<String> problems = new ArrayList<>();

        String description = fields.get(ReportFields.URAIAN);
        if (description == null) {
            problems.add("uraian kosong");
        }

        String reportedDate = fields.get(ReportFields.TANGGAL_KEJADIAN);
        boolean incidentDateIsMailDate = reportedDate == null && fields.get(ReportFields.TANGGAL_EMAIL) != null;
        LocalDate incidentDate = incidentDate(incidentDateIsMailDate ? fields.get(ReportFields.TANGGAL_EMAIL) : reportedDate,
                problems);

        String nip = null;
        NipKind nipKind = null;
        String rawNip = fields.get(ReportFields.NIP_TERLAPOR);
        boolean nipGiven = NipValidator.normalize(rawNip) != null;
        if (nipGiven) {
            NipCheck check = nipValidator.check(rawNip);
            if (check.valid()) {
                nip = check.nip();
                nipKind = check.kind();
            } else {
                problems.add(check.reason());
            }
        }

        String name = fields.get(ReportFields.NAMA_TERLAPOR);
        String rawRegionCode = fields.get(ReportFields.KODE_WILAYAH);
        String regionName = fields.get(ReportFields.WILAYAH);
        String regionCode = null;
        if (rawRegionCode != null) {
            regionCode = RegionCodeFormat.normalize(rawRegionCode);
            if (regionCode == null) {
                problems.add("kode_wilayah " + QuotedInput.of(rawRegionCode) + " tidak dikenali formatnya");
            }
        }
        // An invalid NIP already has its own reason; asking for a name on top would only confuse.
        if (!nipGiven) {
            if (name == null) {
                problems.add("tanpa NIP, nama_terlapor wajib diisi");
            }
            if (rawRegionCode == null && regionName == null) {
                problems.add("tanpa NIP, kode_wilayah atau wilayah wajib diisi");
            }
        }

        String rawSubjectType = fields.get(ReportFields.JENIS_TERLAPOR);
        SubjectType subjectType = SubjectType.parse(rawSubjectType);
        if (subjectType == null) {
            problems.add("jenis_terlapor " + QuotedInput.of(rawSubjectType)
                    + " tidak dikenali (ASN, PPPK, KEPALA_DESA atau PERANGKAT_DESA)");
        } else if (rawSubjectType == null && nipKind == NipKind.PPPK) {
            // The NIP itself says PPPK; a reporter who left the column empty should not turn them into PNS.
            subjectType = SubjectType.PPPK;
        }

        if (!problems.isEmpty()) {
            return ParseResult.rejected(String.join("; ", problems));
        }
        return ParseResult.accepted(new Report(
                source,
                fields.get(ReportFields.NOMOR_LAPORAN),
                incidentDate,
                nip,
                name,
                fields.get(ReportFields.JABATAN_TERLAPOR),
                fields.get(ReportFields.INSTANSI_TERLAPOR),
                subjectType,
                regionCode,
                regionName,
                fields.get(ReportFields.JENIS_PELANGGARAN),
                description,
                fields.get(ReportFields.TEMPAT_KEJADIAN),
                evidence(fields.get(ReportFields.BUKTI)),
                fields.get(ReportFields.NAMA_PELAPOR),
                fields.get(ReportFields.KONTAK_PELAPOR),
                incidentDateIsMailDate));
    }

    private LocalDate incidentDate(String text, List<String> problems) {
        IncidentDates.Parsed parsed = IncidentDates.parse(text);
        if (!parsed.ok()) {
            problems.add(parsed.reason());
            return null;
        }
        if (parsed.date().isAfter(LocalDate.now(clock))) {
            problems.add("tanggal_kejadian " + parsed.date() + " di masa depan");
            return null;
        }
        return parsed.date();
    }

    private static List<String> evidence(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(EVIDENCE_SEPARATORS.split(text)).filter(s -> !s.isEmpty()).toList();
    }

    /** Trimmed view of the input where blank means absent. */
    private record Fields(Map<String, String> values) {
        String get(String name) {
            String value = values == null ? null : values.get(name);
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
    }
}
