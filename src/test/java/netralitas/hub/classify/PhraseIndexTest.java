package netralitas.hub.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhraseIndexTest {

    private static List<String> found(String text, String... phrases) {
        PhraseIndex<String> index = new PhraseIndex<>();
        for (String p : phrases) {
            index.add(Phrase.parse(p), p);
        }
        return index.findIn(Words.of(text)).stream().map(PhraseIndex.Match::owner).toList();
    }

    @Test
    void wholeWordsOnly() {
        assertEquals(List.of(), found("klik likes unlike", "like"));
        assertEquals(List.of("like"), found("Dia memberi LIKE!", "like"));
    }

    @Test
    void multiWordPhrasesMustBeContiguous() {
        assertEquals(List.of("mobil dinas"), found("pakai mobil-dinas kantor", "mobil dinas"));
        assertEquals(List.of(), found("mobil pribadi, bukan dinas", "mobil dinas"));
    }

    @Test
    void phraseAtTheEndOfText() {
        assertEquals(List.of("visi misi"), found("mendengarkan visi misi", "visi misi"));
        assertEquals(List.of(), found("mendengarkan visi", "visi misi"));
    }

    @Test
    void trailingStarMatchesWordPrefix() {
        assertEquals(List.of("spanduk*"), found("spanduknya dipasang", "spanduk*"));
        assertEquals(List.of("spanduk*"), found("Spanduk dipasang", "spanduk*"));
        assertEquals(List.of(), found("memasang banner", "spanduk*"));
    }

    @Test
    void eachPhraseReportedOnceInInsertionOrder() {
        assertEquals(List.of("b", "a"), found("a b a b a", "b", "a"));
    }

    @Test
    void accentsAndCaseIgnored() {
        assertEquals(List.of("kafe"), found("Rapat di KAFÉ", "kafe"));
    }

    @Test
    void phraseWithoutWordsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Phrase.parse(" -- "));
        assertThrows(IllegalArgumentException.class, () -> Phrase.parse(null));
    }
}
