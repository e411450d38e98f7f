package netralitas.hub.bench;

import netralitas.hub.embedded.BknSimulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** For tests outside this package: a BKN simulator that knows every valid NIP, and an endless supply of such NIPs. */
public final class GeneratedEmployees {

    private GeneratedEmployees() {
    }

    /** Every valid NIP is an employee of a regional government of config/siasn-instansi-daerah.csv, as in the load runs. */
    public static BknSimulator simulator(Path configDir, String consumerKey, String consumerSecret) throws IOException {
        return new BknSimulator().credentials(consumerKey, consumerSecret)
                .recordGenerator(new EmployeeRecords(Employers.load(configDir), Clock.systemDefaultZone(), 0));
    }

    /** The {@code index}-th valid NIP of the load runs' sequence (distinct for distinct indexes). */
    public static String nip(long index) {
        return NipSequence.nip(index);
    }
}
