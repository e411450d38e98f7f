package netralitas.hub.app;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps only warnings and errors of Camel and the hub while a command prints its own output (the log shares the
 * console), and restores the levels afterwards.
 */
final class QuietLog implements AutoCloseable {

    private static final String[] LOGGERS = {"org.apache.camel", "netralitas.hub"};

    private final Map<String, Level> previous = new HashMap<>();

    QuietLog() {
        Map<String, Level> quiet = new HashMap<>();
        for (String logger : LOGGERS) {
            previous.put(logger, LogManager.getLogger(logger).getLevel());
            quiet.put(logger, Level.WARN);
        }
        Configurator.setLevel(quiet);
    }

    @Override
    public void close() {
        Configurator.setLevel(previous);
    }
}
