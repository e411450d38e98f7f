package netralitas.hub.region;

import netralitas.hub.bkn.Employee;
import netralitas.hub.report.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which region a case belongs to (SPEC §6, first that answers): the employer in the BKN record,
 * then the report's region code, then the report's region name. The employer wins because it is the
 * authority that sanctions; when the report said otherwise, a note says so.
 */
public final class RegionResolver {

    private final RegionDirectory directory;

    public RegionResolver(RegionDirectory directory) {
        this.directory = directory;
    }

    /** @param employee the BKN record, or null when there is no NIP or BKN does not know it */
    public RegionResolution resolve(Report report, Employee employee) {
        Reported reported = reported(report);
        List<String> notes = new ArrayList<>();
        Region region;
        RegionSource source;
        if (employee != null && hasInstansi(employee)) {
            region = employer(employee).orElse(null);
            if (region != null) {
                source = RegionSource.BKN;
                if (reported.region() != null && !reported.region().code().equals(region.code())) {
                    notes.add(RegionNotes.conflict(reported.region(), region));
                }
            } else {
                source = RegionSource.CENTRAL_AGENCY;
                notes.add(RegionNotes.centralAgency(instansiName(employee)));
                if (reported.region() != null) {
                    notes.add(RegionNotes.reportedButCentral(reported.region()));
                }
            }
        } else {
            if (employee != null) {
                notes.add(RegionNotes.bknWithoutInstansi());
            }
            region = reported.region();
            source = reported.source();
            notes.addAll(reported.notes());
        }
        Region forKanreg = region != null ? region : reported.region();
        return new RegionResolution(region, source, reported.region(), kanreg(employee, forKanreg), notes);
    }

    /** What the report itself points at: its code, else a unique match of its name. */
    private record Reported(Region region, RegionSource source, List<String> notes) {
    }

    private Reported reported(Report report) {
        String code = report.regionCode();
        String name = report.regionName();
        boolean hasCode = code != null && !code.isBlank();
        boolean hasName = name != null && !name.isBlank();
        List<String> notes = new ArrayList<>();
        if (!hasCode && !hasName) {
            notes.add(RegionNotes.noRegionGiven());
            return new Reported(null, RegionSource.NONE, notes);
        }
        NameMatch match = hasName ? directory.matchName(name) : NameMatch.NONE;
        if (hasCode) {
            Optional<Region> byCode = directory.byCode(code);
            if (byCode.isPresent()) {
                if (!match.candidates().isEmpty() && match.candidates().stream().noneMatch(c -> contains(c, byCode.get()))) {
                    notes.add(RegionNotes.codeNameMismatch(byCode.get(), name));
                }
                return new Reported(byCode.get(), RegionSource.REPORT_CODE, notes);
            }
            notes.add(RegionNotes.unknownCode(code));
        }
        if (hasName) {
            if (match instanceof NameMatch.Found found) {
                return new Reported(found.region(), RegionSource.REPORT_NAME, notes);
            }
            notes.add(match.ambiguous() ? RegionNotes.ambiguous(name, match.candidates()) : RegionNotes.unknownName(name));
        }
        return new Reported(null, RegionSource.NONE, notes);
    }

    /** A name that says "Bengkulu" does not contradict a code inside Provinsi Bengkulu. */
    private static boolean contains(Region named, Region coded) {
        return named.code().equals(coded.code()) || (named.isProvince() && named.code().equals(coded.provinceCode()));
    }

    private static boolean hasInstansi(Employee employee) {
        return notBlank(employee.instansiKerjaId()) || notBlank(employee.instansiKerjaKodeCepat());
    }

    /**
     * The SIASN map first. An instansi missing from it but named "Pemerintah ..." is still a regional
     * government (the map has no Provinsi Papua Barat Daya), so its name is tried before calling it central.
     */
    private Optional<Region> employer(Employee employee) {
        Optional<Region> mapped = directory.bySiasn(employee.instansiKerjaId(), employee.instansiKerjaKodeCepat());
        if (mapped.isPresent()) {
            return mapped;
        }
        String name = employee.instansiKerjaNama();
        if (name != null && name.strip().toLowerCase(Locale.ROOT).startsWith("pemerintah ")) {
            NameMatch match = directory.matchName(name);
            if (match instanceof NameMatch.Found found) {
                return Optional.of(found.region());
            }
        }
        return Optional.empty();
    }

    private Kanreg kanreg(Employee employee, Region region) {
        if (employee != null) {
            Optional<Kanreg> fromBkn = directory.kanreg(employee.kanregId()).or(() -> directory.kanreg(employee.kanregNama()));
            if (fromBkn.isPresent()) {
                return fromBkn.get();
            }
        }
        return region == null ? null : directory.kanregForProvince(region.provinceCode()).orElse(null);
    }

    private static String instansiName(Employee employee) {
        return notBlank(employee.instansiKerjaNama()) ? employee.instansiKerjaNama().strip()
                : "instansi " + (notBlank(employee.instansiKerjaId()) ? employee.instansiKerjaId() : employee.instansiKerjaKodeCepat());
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
