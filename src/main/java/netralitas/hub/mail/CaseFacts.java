package netralitas.hub.mail;

import netralitas.hub.bkn.Employee;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Classification;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionLabel;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionType;

/**
 * The handful of facts the subject, the case email and the digest must state the same way, so a row in a
 * digest and the subject of the matching case email never disagree.
 */
final class CaseFacts {

    static final String NO_NIP = "tanpa NIP";
    static final String UNKNOWN_REGION = "wilayah belum diketahui";
    static final String UNCLASSIFIED = "BELUM DIKLASIFIKASI";

    private CaseFacts() {
    }

    /** BKN's NIP when verified (it is the normalised one), else the reported NIP, else "tanpa NIP". */
    static String nip(ViolationCase c) {
        Employee e = c.getEmployee();
        if (e != null && hasText(e.nipBaru())) {
            return e.nipBaru().trim();
        }
        return hasText(c.getReport().nip()) ? c.getReport().nip() : NO_NIP;
    }

    /** The severity as it goes into a subject and the X-Netralitas-Severity header: the enum name. */
    static String severityCode(ViolationCase c) {
        Classification k = c.getClassification();
        return k == null || k.severity() == null ? UNCLASSIFIED : k.severity().name();
    }

    /** The same severity for a human reader: "BUKAN PELANGGARAN" rather than the enum name. */
    static String severityLabel(ViolationCase c) {
        return severityCode(c).replace('_', ' ');
    }

    /** The region's name; for a central agency the agency's name; else "wilayah belum diketahui". */
    static String placeName(ViolationCase c) {
        RegionResolution r = c.getRegionResolution();
        if (r != null && r.centralAgency()) {
            return centralAgencyName(c);
        }
        if (r != null && r.region() != null) {
            return RegionLabel.of(r.region());
        }
        return UNKNOWN_REGION;
    }

    static String centralAgencyName(ViolationCase c) {
        Employee e = c.getEmployee();
        if (e != null) {
            if (hasText(e.instansiKerjaNama())) {
                return e.instansiKerjaNama().trim();
            }
            if (hasText(e.instansiIndukNama())) {
                return e.instansiIndukNama().trim();
            }
        }
        return hasText(c.getReport().agency()) ? c.getReport().agency().trim() : "instansi pusat";
    }

    /** BKN's jabatan when verified, else the position as reported. */
    static String position(ViolationCase c) {
        Employee e = c.getEmployee();
        if (e != null && hasText(e.jabatanNama())) {
            return e.jabatanNama().trim();
        }
        return c.getReport().position();
    }

    /** BKN's instansi kerja when verified, else the agency as reported. */
    static String agency(ViolationCase c) {
        Employee e = c.getEmployee();
        if (e != null && hasText(e.instansiKerjaNama())) {
            return e.instansiKerjaNama().trim();
        }
        return c.getReport().agency();
    }

    /**
     * The regional head, who is the Pejabat Pembina Kepegawaian of the region's civil servants and so the one who
     * imposes the sanction: "Bupati Kepahiang", "Wali Kota Bengkulu", "Gubernur Bengkulu".
     */
    static String regionalHead(Region region) {
        if (region.type() == null) {
            return "Kepala Daerah " + region.name();
        }
        return switch (region.type()) {
            case PROVINSI -> "Gubernur " + region.name();
            case KABUPATEN -> "Bupati " + withoutPrefix(region.name(), "Kabupaten ");
            case KOTA -> "Wali Kota " + withoutPrefix(region.name(), "Kota ");
        };
    }

    private static String withoutPrefix(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length()) ? name.substring(prefix.length()) : name;
    }

    /** A province's personnel office is usually called BKD, a kabupaten's/kota's BKPSDM. */
    static String personnelOffice(Region region) {
        return region.type() == RegionType.PROVINSI ? "BKD" : "BKPSDM";
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
