package netralitas.hub.followup;

import netralitas.hub.inbox.EvidenceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files an office's reply carries (the sanction decree), kept with the case under
 * {@code hub.data-dir/followup/<case id>/} (SPEC §12). Names were made safe when the message was read (no path, no
 * control characters, bounded) and sizes bounded by hub.mail.max-attachment-bytes and the per-message maximum: a file
 * past them was not read and is not kept. Each file is prefixed with the reply's arrival, so a second reply with a
 * file of the same name never overwrites the first.
 */
public final class ReplyEvidence {

    /** A file kept, as the trail lists it: type, size and SHA-256, never its name. */
    public record Kept(String type, long bytes, String sha256) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** A case id can only be this; anything else never becomes a folder name. */
    private static final Pattern CASE_ID = Pattern.compile("NH-\\d{8}-[0-9A-Z]{8}");

    private final Path folder;

    /** @param folder {@code hub.data-dir/followup} */
    public ReplyEvidence(Path folder) {
        this.folder = folder;
    }

    /** The folder a case's files are kept in. */
    public Path of(String caseId) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw new IllegalArgumentException("Not a case id: " + caseId);
        }
        return folder.resolve(caseId);
    }

    /** Writes the files that were read (not those left out for their size) into the case's folder. */
    public List<Kept> keep(String caseId, List<EvidenceFile> files, Instant arrived) throws IOException {
        List<Kept> kept = new ArrayList<>();
        Path caseFolder = null;
        for (EvidenceFile file : files) {
            if (file.withheld() || file.content() == null) {
                continue;
            }
            if (caseFolder == null) {
                caseFolder = Files.createDirectories(of(caseId));
            }
            write(caseFolder, STAMP.format(arrived) + "-" + file.name(), file.content());
            kept.add(new Kept(file.contentType(), file.content().length, file.sha256()));
        }
        return kept;
    }

    /** The files as the trail lists them, none written: those of a reply that may not add to the case. */
    public static List<Kept> describe(List<EvidenceFile> files) {
        return files.stream().filter(file -> !file.withheld() && file.content() != null)
                .map(file -> new Kept(file.contentType(), file.content().length, file.sha256())).toList();
    }

    /** Never over an existing file: {@code name}, else {@code name-2}, {@code name-3} … before its extension. */
    private static void write(Path folder, String name, byte[] content) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int attempt = 1; ; attempt++) {
            Path target = folder.resolve(attempt == 1 ? name : stem + "-" + attempt + extension);
            if (!target.normalize().getParent().equals(folder.normalize())) {
                throw new IllegalArgumentException("Attachment name leaves the case folder: " + name);
            }
            try {
                Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // the next suffix
            }
        }
    }
}
