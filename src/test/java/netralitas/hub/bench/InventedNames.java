package netralitas.hub.bench;

import java.util.List;

/** Invented Indonesian-sounding names, picked from a NIP so the report and the BKN record name the same person. */
final class InventedNames {

    private static final List<String> MEN = List.of("Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irfan", "Joko",
            "Rahmat", "Rudi", "Slamet", "Taufik", "Wahyu", "Yusuf", "Arif", "Bambang", "Dimas", "Gilang", "Hadi", "Iwan");
    private static final List<String> WOMEN = List.of("Ani", "Dewi", "Eka", "Fitri", "Indah", "Lestari", "Maya", "Nur",
            "Putri", "Rina", "Sari", "Tuti", "Wulan", "Yuni", "Ayu", "Dian", "Endang", "Kartini", "Ratna", "Siti");
    private static final List<String> MIDDLE = List.of("", "", "Dwi", "Tri", "Adi", "Nur", "Sri", "Eka", "Putra",
            "Rahma", "Wira", "Dharma");
    private static final List<String> FAMILY = List.of("Santoso", "Wibowo", "Saputra", "Hidayat", "Kurniawan",
            "Pratama", "Susanto", "Setiawan", "Nugroho", "Hartono", "Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak",
            "Tanjung", "Daulay", "Pohan", "Rangkuti", "Matondang", "Syahputra", "Ramadhan", "Utami", "Handayani", "Permata",
            "Anggraini", "Wijaya", "Gunawan", "Halim", "Rusdi");

    private InventedNames() {
    }

    /** As a reporter writes it, e.g. "Dewi Tri Handayani". */
    static String forNip(String nip) {
        List<String> first = NipSequence.isFemale(nip) ? WOMEN : MEN;
        String middle = MIDDLE.get(Mix.pick(nip, 2, MIDDLE.size()));
        return first.get(Mix.pick(nip, 1, first.size()))
                + (middle.isEmpty() ? "" : " " + middle)
                + " " + FAMILY.get(Mix.pick(nip, 3, FAMILY.size()));
    }

    /** A village head, who has no NIP: picked from the row number instead. */
    static String villageHead(long row) {
        String key = "desa-" + row;
        List<String> first = Mix.pick(key, 4, 2) == 0 ? MEN : WOMEN;
        return first.get(Mix.pick(key, 1, first.size())) + " " + FAMILY.get(Mix.pick(key, 3, FAMILY.size()));
    }
}
