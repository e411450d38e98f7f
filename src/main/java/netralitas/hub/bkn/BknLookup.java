package netralitas.hub.bkn;

import java.io.Serializable;

/** BKN's answer for one NIP: the employee, or null when BKN does not know the NIP. */
public record BknLookup(String nip, Employee employee) implements Serializable {

    public static BknLookup notFound(String nip) {
        return new BknLookup(nip, null);
    }

    public boolean found() {
        return employee != null;
    }
}
