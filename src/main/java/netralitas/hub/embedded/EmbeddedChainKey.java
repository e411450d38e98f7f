package netralitas.hub.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The audit chain key of the embedded default (SPEC §8, §10): generated at the first start and kept under
 * hub.data-dir, so that a demo trail is keyed like a real one and stays verifiable across restarts, and `audit verify`
 * finds it. Not a fixed key in the source: that would make every demo trail re-hashable by anyone, and a key copied from
 * the source into a deployment would protect nothing. It lies beside the trail it keys, which is only as safe as the
 * folder: a deployment sets HUB_AUDIT_CHAIN_KEY from its secret store (required outside embedded mode).
 */
public final class EmbeddedChainKey {

    static final String FILE = "state/embedded-audit-chain.key";

    private EmbeddedChainKey() {
    }

    /** The file the key is kept in. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /** The key kept under {@code dataDir}, if the embedded hub generated one. */
    public static Optional<String> existing(Path dataDir) throws IOException {
        Path file = file(dataDir);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
                : Optional.empty();
    }

    /**
     * The kept key, or a new random one (32 bytes, 64 hex digits) written for the owner only.
     *
     * @return the key and whether it was generated now
     */
    static Generated obtain(Path dataDir) throws IOException {
        Optional<String> kept = existing(dataDir);
        if (kept.isPresent()) {
            return new Generated(kept.get(), false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Path file = file(dataDir);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return new Generated(existing(dataDir).orElseThrow(), false);
        }
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
        return new Generated(key, true);
    }

    record Generated(String key, boolean isNew) {
    }
}
