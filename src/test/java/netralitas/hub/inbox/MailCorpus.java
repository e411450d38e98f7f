package netralitas.hub.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.nip.NipValidator;
import netralitas.hub.region.RegionDirectory;

/** The raw messages under src/test/resources/mail/ and the shipped reference data to read them with. */
final class MailCorpus {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** "Today" for every date rule in these tests: after all corpus dates, so none is in the future. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T03:00:00Z"), ZoneOffset.UTC);
    static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    private static RegionDirectory regions;
    private static CategoryCatalogue categories;

    private MailCorpus() {
    }

    static byte[] bytes(String fileName) {
        try (InputStream in = MailCorpus.class.getResourceAsStream("/mail/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message " + fileName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundMailReader reader() {
        return new InboundMailReader(MAX_ATTACHMENT_BYTES, JAKARTA);
    }

    static InboundMail read(String fileName) {
        return reader().read(bytes(fileName));
    }

    static synchronized RegionDirectory regions() {
        if (regions == null) {
            regions = RegionDirectory.load(Path.of("config/regions.csv"), Path.of("config/siasn-instansi-daerah.csv"),
                    Path.of("config/bkn-kanreg.csv"));
        }
        return regions;
    }

    static synchronized CategoryCatalogue categories() {
        if (categories == null) {
            categories = CategoryCatalogue.load(Path.of("config/categories.yaml"));
        }
        return categories;
    }

    static MailReportExtractor extractor() {
        return new MailReportExtractor(new NipValidator(CLOCK), regions(), categories());
    }
}
