package netralitas.hub.bkn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.io.Serializable;

/**
 * The BKN (SIASN data-utama) fields the hub keeps; everything else in the response (NIK, address, phone …)
 * is dropped at the door (SPEC §4.2, §9).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Employee(
        String nipBaru,
        String nama,
        String gelarDepan,
        String gelarBelakang,
        String jenisPegawaiNama,
        String kedudukanPnsNama,
        String instansiIndukId,
        String instansiIndukNama,
        String instansiKerjaId,
        String instansiKerjaNama,
        String instansiKerjaKodeCepat,
        String satuanKerjaKerjaNama,
        String unorNama,
        String unorIndukNama,
        String jabatanNama,
        String jenisJabatan,
        String eselon,
        String golRuangAkhir,
        String lokasiKerja,
        String kanregId,
        String kanregNama) implements Serializable {

    /** Name with academic titles, as it appears on official letters: "Dr. RUDI HARTONO, S.Sos.". */
    public String fullName() {
        StringBuilder sb = new StringBuilder();
        if (gelarDepan != null && !gelarDepan.isBlank()) {
            sb.append(gelarDepan.trim()).append(' ');
        }
        sb.append(nama == null ? "" : nama.trim());
        if (gelarBelakang != null && !gelarBelakang.isBlank()) {
            sb.append(", ").append(gelarBelakang.trim());
        }
        return sb.toString();
    }
}
