package netralitas.hub.region;

import java.util.Locale;

/**
 * The number of a Kantor Regional, whichever way it is written: BKN's API sends "7" (or "07"), the
 * Kanreg table says "VII", and free text says "KANTOR REGIONAL VII PALEMBANG".
 */
final class KanregNumber {

    private KanregNumber() {
    }

    /** The number, or -1 when the text names none. */
    static int parse(String text) {
        if (text == null) {
            return -1;
        }
        String[] words = text.trim().toUpperCase(Locale.ROOT).split("[^A-Z0-9]+");
        if (words.length == 1) {
            return number(words[0]);
        }
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("REGIONAL") || words[i].equals("KANREG")) {
                return number(words[i + 1]);
            }
        }
        return -1;
    }

    private static int number(String word) {
        if (word.isEmpty()) {
            return -1;
        }
        if (word.chars().allMatch(Character::isDigit)) {
            return word.length() > 3 ? -1 : Integer.parseInt(word);
        }
        return roman(word);
    }

    private static int roman(String word) {
        int total = 0;
        int previous = 0;
        for (int i = word.length() - 1; i >= 0; i--) {
            int value = switch (word.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                default -> -1;
            };
            if (value < 0) {
                return -1;
            }
            total += value < previous ? -value : value;
            previous = Math.max(previous, value);
        }
        return toRoman(total).equals(word) ? total : -1;
    }

    static String toRoman(int number) {
        int[] values = {50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        int rest = number;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                sb.append(symbols[i]);
                rest -= values[i];
            }
        }
        return sb.toString();
    }
}
