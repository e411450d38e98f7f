package netralitas.hub.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BknSimulatorRecordGeneratorTest {

    static final String STORED_NIP = "198702142010011003";
    static final String GENERATED_NIP = "199001012015031002";
    static final String UNKNOWN_NIP = "198811232014022003";

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private BknSimulator bkn;
    private SimulatorClient client;
    private String token;

    /** Knows every NIP that starts with 1990; the rest are "not found". */
    private Map<String, Object> generate(String nip) {
        asked.add(nip);
        return nip.startsWith("1990") ? BknSimulatorTest.record(nip, "PEGAWAI " + nip.substring(14)) : null;
    }

    @BeforeEach
    void start() throws Exception {
        bkn = new BknSimulator(Map.of(STORED_NIP, BknSimulatorTest.record(STORED_NIP, "RUDI HARTONO")))
                .recordGenerator(this::generate)
                .start();
        client = new SimulatorClient(bkn);
        token = client.token();
    }

    @AfterEach
    void stop() {
        bkn.close();
    }

    @Test
    void aNipOutsideTheTableIsAnsweredWithTheGeneratedRecord() throws Exception {
        HttpResponse<String> response = client.data(GENERATED_NIP, token);

        assertEquals(200, response.statusCode());
        JsonNode body = SimulatorClient.json(response);
        assertEquals(1, body.get("code").asInt());
        assertEquals(GENERATED_NIP, body.get("data").get("nipBaru").asText());
        assertEquals("PEGAWAI 1002", body.get("data").get("nama").asText());
        assertEquals(List.of(GENERATED_NIP), asked);
    }

    @Test
    void theTableWinsAndTheGeneratorIsNotAsked() throws Exception {
        HttpResponse<String> response = client.data(STORED_NIP, token);

        assertEquals(200, response.statusCode());
        assertEquals("RUDI HARTONO", SimulatorClient.json(response).get("data").get("nama").asText());
        assertTrue(asked.isEmpty(), "generator asked for a stored NIP: " + asked);
    }

    @Test
    void aNullFromTheGeneratorIsNotFound() throws Exception {
        HttpResponse<String> response = client.data(UNKNOWN_NIP, token);

        assertEquals(404, response.statusCode());
        assertEquals(List.of(UNKNOWN_NIP), asked);
    }

    @Test
    void generatedRecordsAreNotStored() throws Exception {
        client.data(GENERATED_NIP, token);
        client.data(GENERATED_NIP, token);

        assertEquals(1, bkn.recordCount());
        assertEquals(List.of(GENERATED_NIP, GENERATED_NIP), asked, "each call asks the generator again");
    }

    @Test
    void removingTheGeneratorRestoresNotFound() throws Exception {
        bkn.recordGenerator(null);

        assertEquals(404, client.data(GENERATED_NIP, token).statusCode());
        assertTrue(asked.isEmpty());
    }

    @Test
    void theGeneratorIsNotAskedWithoutAValidToken() throws Exception {
        assertEquals(401, client.data(GENERATED_NIP, "not-a-token").statusCode());
        assertTrue(asked.isEmpty());
    }
}
