package netralitas.hub.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DetailLabelsTest {

    @Test
    void keysAndCodedValuesReadInIndonesian() {
        assertEquals("Sumber wilayah", DetailLabels.key("regionSource"));
        assertEquals("data BKN", DetailLabels.value("regionSource", "BKN"));
        assertEquals("Keputusan", DetailLabels.key("decision"));
        assertEquals("segera diteruskan", DetailLabels.value("decision", "IMMEDIATE"));
        assertEquals("triase Bawaslu", DetailLabels.value("decision", "TRIAGE"));
        assertEquals("Tembusan", DetailLabels.key("cc"));
        assertEquals("Alasan", DetailLabels.key("alasan"));
        assertEquals("bukan pelanggaran", DetailLabels.value("severity", "BUKAN_PELANGGARAN"));
    }

    @Test
    void anOfficesReplyReadsInIndonesian() {
        assertEquals("Sanksi", DetailLabels.key("sanction"));
        assertEquals("tidak terbukti", DetailLabels.value("status", "TIDAK_TERBUKTI"));
        assertEquals("nomor kasus di subjek", DetailLabels.value("matchedBy", "SUBJECT"));
    }

    @Test
    void whatIsNotListedIsShownAsRecorded() {
        assertEquals("uraian", DetailLabels.key("uraian"));
        assertEquals("BKN", DetailLabels.value("nip", "BKN"), "only coded keys are translated");
        assertEquals("SOMETHING_NEW", DetailLabels.value("decision", "SOMETHING_NEW"));
    }
}
