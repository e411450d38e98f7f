package netralitas.hub.region;

import java.nio.file.Path;

/** The shipped directory files; Maven runs tests from the project root. */
final class ConfigFiles {

    static final Path REGIONS = Path.of("config/regions.csv");
    static final Path SIASN = Path.of("config/siasn-instansi-daerah.csv");
    static final Path KANREG = Path.of("config/bkn-kanreg.csv");

    private static RegionDirectory directory;

    private ConfigFiles() {
    }

    /** Loaded once: the directory is immutable, so test classes can share it. */
    static synchronized RegionDirectory directory() {
        if (directory == null) {
            directory = RegionDirectory.load(REGIONS, SIASN, KANREG);
        }
        return directory;
    }
}
