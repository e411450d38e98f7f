package netralitas.hub.region;

import java.io.Serializable;
import java.util.Set;

/** A BKN regional office (Kantor Regional) and the provinces it serves (config/bkn-kanreg.csv). */
public record Kanreg(String id, String name, String city, Set<String> provinceCodes, String inbox) implements Serializable {

    public Kanreg {
        provinceCodes = Set.copyOf(provinceCodes);
    }
}
