package netralitas.hub.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSizesTest {

    @Test
    void sizesReadTheIndonesianWay() {
        assertEquals("0 B", ByteSizes.format(0));
        assertEquals("1023 B", ByteSizes.format(1023));
        assertEquals("1 KB", ByteSizes.format(1024));
        assertEquals("120 KB", ByteSizes.format(120 * 1024 + 100));
        assertEquals("20,0 MB", ByteSizes.format(20L * 1024 * 1024));
        assertEquals("1,5 MB", ByteSizes.format(1536L * 1024));
    }

    @Test
    void anExactSizeIsGroupedTheIndonesianWay() {
        assertEquals("463 byte", ByteSizes.exact(463));
        assertEquals("1.234.567 byte", ByteSizes.exact(1_234_567));
    }
}
