package netralitas.hub.cases;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads the cases that release 0.1 wrote with Java serialization, to import them into the state store at the first
 * start of a release that keeps cases as JSON ({@link CaseJson}). For import only: nothing writes this form any more.
 *
 * <p>Two places held them: a {@code <case id>.case} file under {@code data/deferred} or {@code data/dead-letter} (a
 * plain {@code ObjectOutputStream} of the case), and the {@code payload} column of table {@code DIGEST_QUEUE} (the
 * same, gzip-compressed). Deserialization runs under a filter that admits only what such a case is made of — the
 * hub's own classes, the JDK's immutable collections and {@code LocalDate} behind their serialization proxies, and
 * arrays of primitives — within bounds of depth, references and size, so a planted file cannot make the importer build
 * any other object. What the filter refuses is named in the error.
 *
 * <p>{@link ViolationCase} and the records it holds must stay {@code Serializable} (and ViolationCase keep its
 * {@code serialVersionUID}) for as long as this class exists: record components are matched by name, so a component
 * added since reads as its default.
 */
public final class LegacyCaseFile {

    /** A case of release 0.1 is 5 levels deep (case, list, evidence file, array). */
    static final int MAX_DEPTH = 20;
    /** About 40 to 140 objects per case; category keywords make the most of them. */
    static final long MAX_REFERENCES = 100_000;
    /** Evidence bytes make a case large: release 0.1 read messages up to hub.mail.max-message-bytes (40 MB by default). */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    /** The elements of one collection (the JDK serializes each as an Object[] inside its proxy). */
    static final long MAX_ELEMENTS = 100_000;

    /** The JDK types a case of release 0.1 holds (as they appear in its stream, proxies and what they resolve to). */
    private static final Set<String> JDK_TYPES = Set.of(
            "java.lang.Enum",
            "java.time.Ser", "java.time.LocalDate",
            "java.util.CollSer",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN");

    private static final String HUB_PACKAGE = "netralitas.hub.";

    private LegacyCaseFile() {
    }

    /** A {@code .case} file of {@code data/deferred} or {@code data/dead-letter} (or their inprogress and replay folders). */
    public static ViolationCase readCaseFile(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, "Case file " + file);
        }
    }

    /** The {@code payload} of a {@code DIGEST_QUEUE} row (gzip-compressed), {@code caseId} being the row's key. */
    public static ViolationCase readDigestPayload(byte[] payload, String caseId) throws IOException {
        String source = "Digest queue row " + caseId;
        InputStream in;
        try {
            in = new GZIPInputStream(new ByteArrayInputStream(payload));
        } catch (IOException e) {
            throw new IOException(source + " is not a gzip-compressed case of release 0.1: " + e.getMessage(), e);
        }
        return read(in, source);
    }

    private static ViolationCase read(InputStream in, String source) throws IOException {
        CaseParts filter = new CaseParts();
        Object read;
        try (ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(filter);
            read = objects.readObject();
        } catch (InvalidClassException e) {
            throw new IOException(source + " cannot be imported: "
                    + (filter.refusal != null ? filter.refusal : e.getMessage()), e);
        } catch (ClassNotFoundException e) {
            throw new IOException(source + " holds class " + e.getMessage() + ", which this release does not have", e);
        } catch (IOException e) {
            throw new IOException(source + " is not a case written by release 0.1 (" + e + ")", e);
        }
        if (read instanceof ViolationCase violationCase) {
            return violationCase;
        }
        throw new IOException(source + " holds " + (read == null ? "null" : "a " + read.getClass().getName())
                + ", not a case");
    }

    /** Admits what a case is made of, and remembers why it refused anything else. */
    private static final class CaseParts implements ObjectInputFilter {

        private String refusal;

        @Override
        public Status checkInput(FilterInfo info) {
            String problem = problem(info);
            if (problem == null) {
                return Status.ALLOWED;
            }
            if (refusal == null) {
                refusal = problem;
            }
            return Status.REJECTED;
        }

        private static String problem(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                return "objects nested deeper than " + MAX_DEPTH + " levels, which no case is";
            }
            if (info.references() > MAX_REFERENCES) {
                return "more than " + MAX_REFERENCES + " objects, which no case has";
            }
            if (info.streamBytes() > MAX_BYTES) {
                return "more than " + MAX_BYTES + " bytes, larger than any case";
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return null;
            }
            if (type.isArray()) {
                Class<?> element = type.getComponentType();
                if (element.isPrimitive()) {
                    return info.arrayLength() > MAX_BYTES ? "an array of " + info.arrayLength() + " elements" : null;
                }
                if (element == Object.class) {
                    return info.arrayLength() > MAX_ELEMENTS
                            ? "a collection of " + info.arrayLength() + " elements (at most " + MAX_ELEMENTS + ")" : null;
                }
                return "an array of " + element.getName() + ", which no case holds";
            }
            String name = type.getName();
            if (name.startsWith(HUB_PACKAGE) || JDK_TYPES.contains(name)) {
                return null;
            }
            return "class " + name + ", which no case holds (only the hub's own classes, the JDK's immutable"
                    + " collections, LocalDate and arrays of primitives are read)";
        }
    }
}
