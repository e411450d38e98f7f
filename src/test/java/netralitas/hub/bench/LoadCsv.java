package netralitas.hub.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rows of a load-run CSV (README "CSV format"), one at a time, so a million rows never sit in memory. Every row
 * describes a different incident (its number is in the description and the register number), so every good row is
 * its own case; only the {@link Kind#DUPLICATE} rows repeat one. Same seed and mix, same file.
 */
final class LoadCsv {

    static final List<String> HEADER = List.of("nomor_laporan", "tanggal_kejadian", "nip_terlapor", "nama_terlapor",
            "jabatan_terlapor", "instansi_terlapor", "jenis_terlapor", "kode_wilayah", "wilayah", "jenis_pelanggaran",
            "uraian", "tempat_kejadian", "bukti", "nama_pelapor", "kontak_pelapor");

    enum Kind {
        IMMEDIATE, DIGEST, CLOSED, VILLAGE, DUPLICATE, BAD_NIP, BAD_DATE, NO_DESCRIPTION;

        boolean bad() {
            return this == BAD_NIP || this == BAD_DATE || this == NO_DESCRIPTION;
        }
    }

    record Row(Kind kind, boolean repeatedNip, List<String> cells) {
    }

    private static final LocalDate OCTOBER_2024 = LocalDate.of(2024, 10, 1);
    private static final List<String> PLACES = List.of("Lapangan desa", "Gedung serbaguna", "Media sosial (Facebook)",
            "Media sosial (Instagram)", "Rumah makan di pusat kota", "Pasar tradisional", "Rumah warga", "Grup WhatsApp");
    private static final List<String> POSTS = List.of("Staf", "Guru", "Pengadministrasi Umum", "Analis Kepegawaian",
            "Penyuluh Pertanian", "Perawat", "Pengelola Keuangan");
    private static final Kind[] BAD_KINDS = {Kind.BAD_NIP, Kind.BAD_DATE, Kind.NO_DESCRIPTION};

    private final RowMix mix;
    private final SplittableRandom random;
    private final Employers employers;
    private final List<RegionRows.Region> villageRegions;
    private final List<CategoryCodes.Category> immediate;
    private final List<CategoryCodes.Category> digest;
    private final List<CategoryCodes.Category> closed;
    private final List<CategoryCodes.Category> violations;
    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);

    private long rowNumber;
    private long nextNipIndex;
    private long repeatedNipRows;
    private List<String> lastGood;

    LoadCsv(RowMix mix, long seed, Employers employers, CategoryCodes categories, List<RegionRows.Region> villageRegions) {
        this.mix = mix;
        this.random = new SplittableRandom(seed);
        this.employers = employers;
        this.villageRegions = List.copyOf(villageRegions);
        this.immediate = categories.of("BERAT", "SEDANG");
        this.digest = categories.of("RINGAN");
        this.closed = categories.of("BUKAN_PELANGGARAN");
        this.violations = categories.of("BERAT", "SEDANG", "RINGAN");
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0L);
        }
    }

    Row next() {
        rowNumber++;
        double u = random.nextDouble();
        Row row;
        if (u < mix.duplicate() && lastGood != null) {
            row = new Row(Kind.DUPLICATE, false, lastGood);
        } else if (u < mix.duplicate() + mix.bad()) {
            row = badRow(BAD_KINDS[random.nextInt(BAD_KINDS.length)]);
        } else {
            row = goodRow(mix.goodKind(random.nextDouble()));
            lastGood = row.cells();
        }
        counts.merge(row.kind(), 1L, Long::sum);
        if (row.repeatedNip()) {
            repeatedNipRows++;
        }
        return row;
    }

    /** Rows written so far, per kind. */
    Map<Kind, Long> counts() {
        return counts;
    }

    long repeatedNipRows() {
        return repeatedNipRows;
    }

    /** Different employees named by good rows: what the BKN simulator can be asked about at most. */
    long distinctNips() {
        return nextNipIndex;
    }

    private Row goodRow(Kind kind) {
        if (kind == Kind.VILLAGE) {
            RegionRows.Region region = villageRegions.get(random.nextInt(villageRegions.size()));
            CategoryCodes.Category category = violations.get(random.nextInt(violations.size()));
            String name = InventedNames.villageHead(rowNumber);
            return new Row(kind, false, cells(isoDate(), "", name, "Kepala Desa", "Pemerintah Desa", "KEPALA_DESA",
                    region.code(), region.name(), category));
        }
        boolean repeated = nextNipIndex > 0 && random.nextDouble() < mix.repeat();
        long index = repeated ? random.nextLong(nextNipIndex) : nextNipIndex++;
        List<CategoryCodes.Category> categories = switch (kind) {
            case IMMEDIATE -> immediate;
            case DIGEST -> digest;
            default -> closed;
        };
        String nip = NipSequence.nip(index);
        return new Row(kind, repeated, employeeCells(nip, groupedSometimes(nip), anyDate(),
                categories.get(random.nextInt(categories.size()))));
    }

    /** A row that is right in every way but one; its NIP is a fresh one the good rows never use. */
    private Row badRow(Kind kind) {
        String nip = NipSequence.nip(nextNipIndex);
        CategoryCodes.Category category = violations.get(random.nextInt(violations.size()));
        List<String> cells = switch (kind) {
            case BAD_NIP -> employeeCells(nip, spoil(nip), anyDate(), category);
            case BAD_DATE -> employeeCells(nip, nip, badDate(), category);
            default -> employeeCells(nip, nip, anyDate(), category);
        };
        if (kind == Kind.NO_DESCRIPTION) {
            cells.set(HEADER.indexOf("uraian"), "");
        }
        return new Row(kind, false, cells);
    }

    /** @param nip the employee's (valid) NIP; {@code written} is how the row gives it */
    private List<String> employeeCells(String nip, String written, String date, CategoryCodes.Category category) {
        Employers.Employer employer = employers.forNip(nip);
        return cells(date, written, InventedNames.forNip(nip), POSTS.get(random.nextInt(POSTS.size())),
                employer.instansiName(), NipSequence.isPppk(nip) ? "PPPK" : "ASN", employer.regionCode(), "", category);
    }

    private List<String> cells(String date, String nip, String name, String post, String employer, String subjectType,
                               String regionCode, String regionName, CategoryCodes.Category category) {
        String place = PLACES.get(random.nextInt(PLACES.size()));
        String description = "Laporan uji beban nomor " + rowNumber + ": terlapor diduga melakukan pelanggaran \""
                + category.label() + "\" di " + place.toLowerCase(Locale.ROOT) + ", disaksikan warga setempat.";
        String reporter = InventedNames.villageHead(rowNumber + 7_777_777L);
        return new ArrayList<>(List.of(
                String.format("%07d/LP/UJI/X/2024", rowNumber), date, nip, name, post, employer, subjectType, regionCode,
                regionName, category.code(), description, place, "https://bukti.example/uji/" + rowNumber + ".jpg",
                reporter, "pelapor" + rowNumber + "@pelapor.example"));
    }

    /** Reporters write NIPs solid or in groups; the hub must read both (spaces and dots are ignored). */
    private String groupedSometimes(String nip) {
        if (random.nextInt(10) != 0) {
            return nip;
        }
        return nip.substring(0, 8) + " " + nip.substring(8, 14) + " " + nip.substring(14, 15) + " " + nip.substring(15);
    }

    private String anyDate() {
        LocalDate date = OCTOBER_2024.plusDays(random.nextInt(31));
        int style = random.nextInt(10);
        if (style < 6) {
            return date.toString();
        }
        String day = String.format("%02d", date.getDayOfMonth());
        return style < 9 ? day + "/10/2024" : day + "-10-2024";
    }

    private String isoDate() {
        return OCTOBER_2024.plusDays(random.nextInt(31)).toString();
    }

    private String badDate() {
        return switch (random.nextInt(4)) {
            case 0 -> "2024-10-32";
            case 1 -> "31/13/2024";
            case 2 -> "2099-10-05";
            default -> "kemarin sore";
        };
    }

    /** One rule of SPEC §4.1 broken: month, sequence, length or birth date. */
    private String spoil(String nip) {
        return switch (random.nextInt(4)) {
            case 0 -> nip.substring(0, 12) + "13" + nip.substring(14);
            case 1 -> nip.substring(0, 15) + "000";
            case 2 -> nip.substring(0, 17);
            default -> nip.substring(0, 6) + "32" + nip.substring(8);
        };
    }
}
