package netralitas.hub.inbox;

/** A CSV file attached to a report email; it is processed like a CSV drop from that sender (SPEC §3.2). */
public record CsvAttachment(String name, byte[] content) {

    @Override
    public String toString() {
        return "CsvAttachment[" + name + ", " + content.length + " bytes]";
    }
}
