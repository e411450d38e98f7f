package netralitas.hub.routes;

import netralitas.hub.camel.HubProperties;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Severity;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The digest goes where route {@code route} decided, not where the digest's composer would guess: a copy of
 * routes/route.camel.yaml whose RINGAN branch names another recipient sends the region's digest there.
 */
@CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES, properties = RouteTestHub.NO_MANAGEMENT)
class DigestRecipientTest {

    private static final String EDITED_RECIPIENT = "netralitas.digest@bawaslu.example";

    @TempDir
    static Path work;

    @Produce("direct:route")
    ProducerTemplate route;

    @Produce("bean:digestMailComposer?method=compose")
    ProducerTemplate digestMailComposer;

    @Configure
    void configure(MainConfigurationProperties configuration) {
        RouteTestHub.in(work).route(editedRinganBranch()).applyTo(configuration);
    }

    @Test
    void theDigestGoesToTheRecipientTheRinganBranchNames() {
        ViolationCase first = TestCases.csvRow("DIGEST-1").regionCode("32.01").severity(Severity.RINGAN).build();
        ViolationCase second = TestCases.csvRow("DIGEST-2").regionCode("32.01").severity(Severity.RINGAN).build();
        route.sendBody(first);
        route.sendBody(second);

        Exchange digest = digestMailComposer.send(e -> {
            e.getIn().setBody(List.of(first, second));
            // Set by route digest-send before the composer runs (SPEC §12).
            e.setProperty(HubProperties.FOLLOW_UP_DEADLINE, Instant.parse("2024-11-14T00:00:00Z"));
        });

        assertNull(digest.getException());
        assertEquals(EDITED_RECIPIENT, digest.getMessage().getHeader("To"));
        assertNull(digest.getMessage().getHeader("Cc"));
    }

    /** routes/route.camel.yaml with the RINGAN (otherwise) branch sending to another address than the region's BKPSDM. */
    private static Path editedRinganBranch() {
        try {
            String routes = Files.readString(Path.of("routes/route.camel.yaml"));
            String ringan = """
                    otherwise:
                      # RINGAN: collected per region into the daily digest (hub.digest.cron).
                      steps:
                        - setProperty:
                            name: hubDecision
                            constant: DIGEST
                        - setProperty:
                            name: hubTo
                            simple: "${body.regionResolution.region.bkpsdmInbox}"
                    """.indent(12).stripTrailing();
            if (!routes.contains(ringan)) {
                throw new IllegalStateException("the RINGAN branch of routes/route.camel.yaml is no longer as this test expects");
            }
            Path copy = work.resolve("route.camel.yaml");
            Files.writeString(copy, routes.replace(ringan, ringan.replace(
                    "simple: \"${body.regionResolution.region.bkpsdmInbox}\"", "constant: " + EDITED_RECIPIENT)));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
