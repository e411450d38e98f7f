package netralitas.hub.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A trail's daily files (embedded mode). */
record TrailFiles(Path auditDir) implements TrailLines {

    @Override
    public String location() {
        return auditDir.toString();
    }

    @Override
    public String contents() {
        List<Path> files = AuditFiles.list(auditDir);
        return "files: " + (files.isEmpty() ? "none"
                : files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")));
    }

    @Override
    public List<Part> parts() {
        return AuditFiles.list(auditDir).stream().<Part>map(File::new).toList();
    }

    @Override
    public String where(Path part, long number) {
        return part + ":" + number;
    }

    private record File(Path name) implements Part {

        @Override
        public long bytes() {
            try {
                return Files.size(name);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public LineSource open() throws IOException {
            return new TrailLineReader(name);
        }
    }
}
