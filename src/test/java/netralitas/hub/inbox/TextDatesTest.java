package netralitas.hub.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDatesTest {

    @Test
    void findsTheFormsPeopleWriteInOrder() {
        assertEquals(List.of(LocalDate.of(2024, 10, 18), LocalDate.of(2024, 10, 7), LocalDate.of(2024, 9, 1),
                        LocalDate.of(2024, 11, 2), LocalDate.of(2024, 8, 17)),
                TextDates.findAll("Pada 18 Oktober 2024, lalu Sen, 7 Okt. 2024, juga 2024-09-01, 02/11/2024 dan 17.08.2024."));
    }

    @Test
    void ignoresTwoDigitYearsImpossibleDatesAndLongerNumbers() {
        assertEquals(List.of(), TextDates.findAll("[21/10/24 09.12] 31/02/2024 2024-13-01 112/10/2024 001/LP/PB/Kab/07.08/X/2024"));
        assertEquals(List.of(), TextDates.findAll("NIP 197803122003121004"));
        assertEquals(List.of(), TextDates.findAll(null));
    }
}
