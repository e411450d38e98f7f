package netralitas.hub.region;

import java.util.List;
import java.util.stream.Collectors;

/** The Indonesian sentences that explain a routing decision to the regional office and to triage. */
final class RegionNotes {

    /** Quoted report text is cut short and kept on one line: it ends up in an email body. */
    private static final int MAX_QUOTED = 80;

    private RegionNotes() {
    }

    static String conflict(Region reported, Region employer) {
        return "Laporan menyebut " + RegionLabel.of(reported) + ", tetapi menurut data BKN pegawai ini bekerja pada "
                + RegionLabel.of(employer) + "; kasus diteruskan ke " + RegionLabel.of(employer) + ".";
    }

    static String centralAgency(String instansiName) {
        return "Pegawai instansi pusat (" + quoted(instansiName) + ").";
    }

    static String reportedButCentral(Region reported) {
        return "Laporan menyebut " + RegionLabel.of(reported)
                + ", tetapi menurut data BKN pegawai ini bekerja pada instansi pusat.";
    }

    static String ambiguous(String name, List<Region> candidates) {
        return "Wilayah '" + quoted(name) + "' cocok dengan lebih dari satu wilayah: "
                + candidates.stream().map(RegionLabel::withCode).collect(Collectors.joining(", ")) + ".";
    }

    static String unknownCode(String code) {
        return "Kode wilayah '" + quoted(code) + "' tidak ada dalam direktori.";
    }

    static String unknownName(String name) {
        return "Wilayah '" + quoted(name) + "' tidak ditemukan dalam direktori.";
    }

    static String codeNameMismatch(Region byCode, String name) {
        return "Kode wilayah " + byCode.code() + " (" + RegionLabel.of(byCode) + ") tidak sesuai dengan nama wilayah '"
                + quoted(name) + "'; yang dipakai kode wilayah.";
    }

    static String noRegionGiven() {
        return "Laporan tidak menyebut wilayah.";
    }

    static String bknWithoutInstansi() {
        return "Data BKN pegawai ini tidak memuat instansi kerja; wilayah ditentukan dari laporan.";
    }

    private static String quoted(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "…";
    }
}
