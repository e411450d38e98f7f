package netralitas.hub.check;

import netralitas.hub.settings.HubSettings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with the hub's configuration, for the engineer who deploys it.
 *
 * @param where   the file (relative to the hub home, with {@code :line} when known) or the setting with its
 *                environment variable, e.g. {@code hub.bkn.consumer-key (HUB_BKN_CONSUMER_KEY)}
 * @param message what is wrong, one line; never a secret's value
 */
public record CheckProblem(String where, String message) {

    private static final int MAX_QUOTED = 120;

    public CheckProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with a setting, named with the environment variable that overrides it. */
    public static CheckProblem setting(String key, String message) {
        return new CheckProblem(key + " (" + HubSettings.environmentName(key) + ")", message);
    }

    /** A problem in a file; {@code line} 0 when it concerns the whole file. */
    public static CheckProblem inFile(Path home, Path file, long line, String message) {
        return new CheckProblem(relativeTo(home, file) + (line > 0 ? ":" + line : ""), message);
    }

    /** A setting's or cell's value in single quotes, control characters escaped and length bounded, for a message. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(MAX_QUOTED).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(value.codePointCount(0, value.length()) > MAX_QUOTED ? "…'" : "'").toString();
    }

    static String relativeTo(Path home, Path file) {
        Path base = home.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        Path shown = target.startsWith(base) ? base.relativize(target) : target;
        return shown.toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
