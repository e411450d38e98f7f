package netralitas.hub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlowedTextTest {

    @Test
    void softBreaksJoinAValueBackIntoOneLine() {
        assertEquals("Jabatan Terlapor: Kepala Seksi Pelayanan pada Bidang Perizinan Terpadu Satu Pintu\n"
                        + "Wilayah: Kab. Lebong",
                FlowedText.unfold("Jabatan Terlapor: Kepala Seksi Pelayanan pada Bidang \nPerizinan Terpadu \n"
                        + "Satu Pintu\nWilayah: Kab. Lebong", false));
    }

    @Test
    void blankLinesEndParagraphs() {
        assertEquals("Uraian: Terlapor hadir di acara kampanye.\n\nSalam", FlowedText.unfold(
                "Uraian: Terlapor hadir di \nacara kampanye.\n\nSalam", false));
    }

    @Test
    void delSpDeletesTheSpaceOfEachSoftBreak() {
        String wrapped = "Bukti: https://bukti.pelapor.example/galeri/2024/10/ \nfoto-kampanye-1.jpg\n"
                + "Uraian: Terlapor ikut berjoget di atas  \npanggung.";
        assertEquals("Bukti: https://bukti.pelapor.example/galeri/2024/10/foto-kampanye-1.jpg\n"
                + "Uraian: Terlapor ikut berjoget di atas panggung.", FlowedText.unfold(wrapped, true));
        assertEquals("Bukti: https://bukti.pelapor.example/galeri/2024/10/ foto-kampanye-1.jpg\n"
                + "Uraian: Terlapor ikut berjoget di atas  panggung.", FlowedText.unfold(wrapped, false));
    }

    @Test
    void spaceStuffingIsRemoved() {
        assertEquals("From the village hall\n>not a quote\nIndented", FlowedText.unfold(
                " From the village \nhall\n >not a quote\n Indented", false));
    }

    @Test
    void quotedLinesJoinOnlyLinesOfTheSameDepth() {
        assertEquals("> Nama Terlapor: Dewi Lestari Wulandari\n>> older text \n> back at one\nown reply",
                FlowedText.unfold("> Nama Terlapor: Dewi \n> Lestari \n> Wulandari\n>> older text \n"
                        + "> back at one\nown reply", false));
        assertEquals(">> deep quote joined", FlowedText.unfold(">> deep \n>>quote \n>> joined", false));
    }

    @Test
    void signatureSeparatorIsNeverFlowed() {
        assertEquals("Uraian: isi\n-- \nRina Marlina", FlowedText.unfold("Uraian: isi\n-- \nRina Marlina", false));
        assertEquals("> isi\n> -- \n> Rina", FlowedText.unfold("> isi\n> -- \n> Rina", true));
    }

    @Test
    void fixedTextIsUntouched() {
        String fixed = "NIP Terlapor: 198911252014022001\nNama Terlapor: Nurul Aini\n\n> kutipan\nUraian: isi\n";
        assertEquals(fixed, FlowedText.unfold(fixed, false));
        assertEquals("", FlowedText.unfold("", false));
    }

    @Test
    void crlfLineEndsAreReadAsLineEnds() {
        assertEquals("Instansi Terlapor: Dinas Pendidikan Kabupaten Lebong\nWilayah: Kab. Lebong\n",
                FlowedText.unfold("Instansi Terlapor: Dinas Pendidikan \r\nKabupaten Lebong\r\nWilayah: Kab. Lebong\r\n", false));
    }
}
