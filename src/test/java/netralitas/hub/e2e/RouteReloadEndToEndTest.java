package netralitas.hub.e2e;

import netralitas.hub.testing.FolderCopy;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With hub.routes.reload on, saving a file of routes/ replaces its routes in the running hub; the rest keeps running. */
class RouteReloadEndToEndTest {

    @Test
    void anEditedRouteFileIsReloadedInTheRunningHub(@TempDir Path work) throws Exception {
        Path home = FolderCopy.hubHome(work.resolve("home"));
        try (TestHub hub = new TestHub(work).home(home)) {
            hub.settings.put("hub.routes.reload", "true");
            hub.start();
            ModelCamelContext model = (ModelCamelContext) hub.context();
            assertTrue(definition(model, "close").contains("(bukan pelanggaran)"));

            Path routes = home.resolve("routes/route.camel.yaml");
            String edited = Files.readString(routes, StandardCharsets.UTF_8)
                    .replace("(bukan pelanggaran)", "(bukan pelanggaran, ditutup)");
            Files.writeString(routes, edited, StandardCharsets.UTF_8);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!definition(model, "close").contains("ditutup")) {
                assertTrue(System.nanoTime() < deadline, "route close was not reloaded");
                Thread.sleep(200);
            }
            assertTrue(hub.context().getRouteController().getRouteStatus("ingest-csv").isStarted(), "the rest runs on");
            // The reloaded routes work: a passive attendance is closed by the new route.
            hub.dropAndAwait("laporan.csv", "tanggal_kejadian;nip_terlapor;jenis_pelanggaran;uraian\n"
                    + "2024-10-04;198911252014022001;PASSIVE_ATTENDANCE;Hanya hadir secara pasif mendengarkan visi misi\n");
            assertEquals(1, hub.audit().stream().filter(e -> "CLOSED".equals(e.event().name())).count());
        }
    }

    private static String definition(ModelCamelContext model, String routeId) {
        RouteDefinition route = model.getRouteDefinition(routeId);
        return route == null ? "" : route.toString() + route.getOutputs();
    }
}
