package netralitas.hub.e2e;

import netralitas.hub.bench.GeneratedEmployees;

/** The CSV of the crash tests: SEDANG reports, one email each to the BKPSDM only, each naming a different employee. */
final class SedangReports {

    private SedangReports() {
    }

    static String csv(int rows) {
        StringBuilder csv = new StringBuilder("nomor_laporan;tanggal_kejadian;nip_terlapor;jenis_pelanggaran;uraian\n");
        for (int i = 0; i < rows; i++) {
            csv.append("K-").append(i).append(";2024-10-").append(String.format("%02d", 1 + i % 28)).append(';')
                    .append(GeneratedEmployees.nip(10_000 + i)).append(";APPROACH_PARTY;")
                    .append("Mendaftar penjaringan bakal calon di partai, laporan ").append(i).append('\n');
        }
        return csv.toString();
    }
}
