package netralitas.hub.camel;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import netralitas.hub.state.StateStore;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness follows a real PostgreSQL server, stopped under the hub's feet. */
class StateStoreHealthCheckTest {

    @Test
    void readyWhileTheStoreAnswersOnly() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        try (StateStore store = StateStore.postgresql(server.getJdbcUrl("postgres", "postgres"), "postgres", null, 2)) {
            StateStoreHealthCheck check = new StateStoreHealthCheck(store);
            check.setCamelContext(new DefaultCamelContext());
            assertTrue(check.isReadiness());
            assertFalse(check.isLiveness(), "a node whose store is away is alive: it resumes when the store is back");
            assertEquals(HealthCheck.State.UP, check.call().getState());

            server.close();
            HealthCheck.Result away = check.call();
            assertEquals(HealthCheck.State.DOWN, away.getState());
            assertEquals("the state store does not answer", away.getMessage().orElse(""));
        } finally {
            server.close();
        }
    }
}
