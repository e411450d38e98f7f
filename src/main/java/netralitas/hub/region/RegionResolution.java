package netralitas.hub.region;

import java.io.Serializable;
import java.util.List;

/**
 * Where a case belongs. {@code region} is null for central agencies and unresolved cases.
 * {@code reportedRegion} is what the report itself pointed at (may differ from a BKN-derived region).
 * {@code notes} are Indonesian sentences for the regional office and triage (conflicts, ambiguity).
 */
public record RegionResolution(
        Region region,
        RegionSource source,
        Region reportedRegion,
        Kanreg kanreg,
        List<String> notes) implements Serializable {

    public RegionResolution {
        notes = List.copyOf(notes);
    }

    public boolean resolved() {
        return region != null;
    }

    public boolean centralAgency() {
        return source == RegionSource.CENTRAL_AGENCY;
    }

    /** The Kanreg office's inbox, or null when no Kanreg is known (the BERAT cc list skips it). */
    public String kanregInbox() {
        return kanreg == null ? null : kanreg.inbox();
    }

    /**
     * The notes without the one that explains a {@link #conflict()}: for a reader who states the conflict on its
     * own, with both regions and their codes.
     */
    public List<String> notesBesideConflict() {
        if (!conflict()) {
            return notes;
        }
        String conflictNote = RegionNotes.conflict(reportedRegion, region);
        return notes.stream().filter(note -> !note.equals(conflictNote)).toList();
    }

    /** The report named a region and BKN's employer is another one: BKN wins, and the email says so. */
    public boolean conflict() {
        return region != null && reportedRegion != null && !region.code().equals(reportedRegion.code());
    }
}
