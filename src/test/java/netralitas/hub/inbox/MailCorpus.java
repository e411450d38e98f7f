package netralitas.hub.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.nip.NipValidator;
import netralitas.hub.region.RegionDirectory;

/** The raw messages under src/test/resources/mail/ and the shipped reference data to read them with. */
public final class MailCorpus {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** "Today" for every date rule in these tests: after all corpus dates, so none is in the future. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T03:00:00Z"), ZoneOffset.UTC);
    static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    private static RegionDirectory regions;
    private static CategoryCatalogue categories;

    private MailCorpus() {
    }

    /** Every message of src/test/resources/mail but the 20 MB one, which {@link LargeMail} builds. */
    public static final List<String> ALL_BUT_LARGE = List.of(
            "01-structured-plain.eml", "02-structured-csv-names-qp.eml", "03-freetext-whatsapp-forward.eml",
            "04-html-only-base64.eml", "05-alternative.eml", "06-rfc2047-latin1.eml", "07-nested-attachments.eml",
            "08-forwarded-rfc822.eml", "09-forwarded-inline.eml", "10-csv-attachment.eml", "11-no-message-id.eml",
            "12-image-only.eml", "13-empty-body.eml", "15-malformed-boundary.eml",
            "16-header-injection-subject.eml", "17-header-injection-field.eml", "18-bounce.eml", "19-out-of-office.eml",
            "20-hub-own-message.eml", "21-freetext-no-nip.eml", "22-passive-attendance.eml", "23-invalid-nip.eml",
            "24-attachment-path-name.eml", "25-windows-1252-html.eml");

    public static byte[] bytes(String fileName) {
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
