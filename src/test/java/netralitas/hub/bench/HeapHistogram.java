package netralitas.hub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest classes of {@code jcmd <pid> GC.class_histogram}, taken when the file is done: what the hub still holds
 * after a run is where to look when the live heap grows with the number of rows.
 */
record HeapHistogram(List<String> top) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(.+)$");
    private static final int KEEP = 10;

    static HeapHistogram read(Path file) throws IOException {
        List<String> top = new ArrayList<>();
        if (!Files.exists(file)) {
            return new HeapHistogram(top);
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.find() && top.size() < KEEP) {
                top.add(String.format("%,9.1f MB %,11d  %s", Long.parseLong(m.group(2)) / 1048576.0,
                        Long.parseLong(m.group(1)), m.group(3).replaceAll(" \\(java\\.base@[^)]*\\)", "")));
            }
        }
        return new HeapHistogram(top);
    }
}
