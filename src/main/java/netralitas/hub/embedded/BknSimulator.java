package netralitas.hub.embedded;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-process stand-in for the BKN SIASN API of SPEC §4.2 (OAuth2 client-credentials token + data-utama lookup),
 * serving invented records. The hub's embedded default, the end-to-end tests and the benchmarks talk to it over real
 * HTTP on 127.0.0.1, and switch {@link BknFaults faults} on and off while it runs.
 *
 * <p>Outage ({@link #setDown(boolean)}): the server keeps listening but closes every connection without an answer,
 * so a client sees an I/O error (no response), as during a BKN gateway outage; this avoids re-binding the port.
 */
public final class BknSimulator implements AutoCloseable {

    public static final String DEFAULT_CONSUMER_KEY = "netralitas-dev";
    public static final String DEFAULT_CONSUMER_SECRET = "netralitas-dev-secret";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3600);
    public static final int DEFAULT_THREADS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(BknSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PATH = "/oauth2/token";
    private static final String DATA_PATH = "/api/pns/data-utama/";
    private static final String HOST = "127.0.0.1";
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes the headers and the body of an answer as two segments; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK (~40 ms per call), and benchmarks would measure that instead of
        // the hub. The JDK reads this property once per JVM, when its first HttpServer starts.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final Map<String, Map<String, Object>> records = new ConcurrentHashMap<>();
    private final BknFaults faults = new BknFaults();
    private final BknTokens tokens = new BknTokens();
    private final BknTraffic traffic = new BknTraffic();

    private volatile String consumerKey = DEFAULT_CONSUMER_KEY;
    private volatile String consumerSecret = DEFAULT_CONSUMER_SECRET;
    private volatile String ssoToken;
    private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private volatile boolean notFoundAsEmptyOk;
    private volatile Function<String, Map<String, Object>> recordGenerator;
    private volatile Clock clock = Clock.systemUTC();
    private volatile int threads = DEFAULT_THREADS;
    private volatile int configuredPort;

    private HttpServer server;
    private ExecutorService executor;

    public BknSimulator() {
        this(Map.of());
    }

    /** @param records NIP → full data-utama record, as BKN would send it (extra fields included) */
    public BknSimulator(Map<String, Map<String, Object>> records) {
        records.forEach(this::putRecord);
    }

    /** Loads a JSON object of NIP → record, such as {@code config/dev/bkn-records.json}. */
    public static BknSimulator withRecords(Path json) throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            Map<String, Map<String, Object>> loaded = JSON.readValue(in, new TypeReference<LinkedHashMap<String, Map<String, Object>>>() { });
            if (loaded == null) {
                throw new IOException("BKN records file is empty: " + json);
            }
            for (Map.Entry<String, Map<String, Object>> entry : loaded.entrySet()) {
                if (entry.getValue() == null) {
                    throw new IOException("BKN records file " + json + " has no record for NIP " + entry.getKey());
                }
            }
            return new BknSimulator(loaded);
        }
    }

    /**
     * Loads the records and sets what the embedded default configures: the port {@link #start()} listens on
     * (0 = ephemeral) and the consumer key/secret the token endpoint accepts.
     */
    public static BknSimulator withRecords(Path json, int port, String consumerKey, String consumerSecret) throws IOException {
        return withRecords(json).port(port).credentials(consumerKey, consumerSecret);
    }

    // ---- configuration (may be changed while running) ----

    public BknSimulator credentials(String consumerKey, String consumerSecret) {
        this.consumerKey = Objects.requireNonNull(consumerKey, "consumerKey");
        this.consumerSecret = Objects.requireNonNull(consumerSecret, "consumerSecret");
        return this;
    }

    /** When set (non-blank), data-utama also requires {@code Auth: bearer <ssoToken>}. */
    public BknSimulator ssoToken(String ssoToken) {
        this.ssoToken = ssoToken == null || ssoToken.isBlank() ? null : ssoToken;
        return this;
    }

    /** {@code expires_in} of issued tokens, and how long the simulator accepts them. */
    public BknSimulator tokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative()) {
            throw new IllegalArgumentException("token lifetime must be zero or positive");
        }
        this.tokenLifetime = lifetime;
        return this;
    }

    /** BKN answers an unknown NIP either 404 (default) or 200 {@code {"code":0,"data":null}}; this picks the latter. */
    public BknSimulator notFoundAsEmptyOk(boolean enabled) {
        this.notFoundAsEmptyOk = enabled;
        return this;
    }

    /** Clock for token expiry and the rate-limit window; tests pass a controllable one. */
    public BknSimulator clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The port {@link #start()} listens on; 0 (default) picks an ephemeral one. */
    public BknSimulator port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.configuredPort = port;
        return this;
    }

    /** Worker threads serving requests; set before {@link #start()}. */
    public BknSimulator threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        return this;
    }

    /**
     * Answers a NIP that is not in the table with {@code generator.apply(nip)} (null: not found), so a load run can
     * serve a million distinct employees without holding them in memory. Generated records are not stored; records in
     * the table win. Null removes the generator.
     */
    public BknSimulator recordGenerator(Function<String, Map<String, Object>> generator) {
        this.recordGenerator = generator;
        return this;
    }

    public void putRecord(String nip, Map<String, Object> record) {
        Objects.requireNonNull(nip, "nip");
        Objects.requireNonNull(record, "record");
        records.put(nip, Collections.unmodifiableMap(new LinkedHashMap<>(record)));
    }

    public void removeRecord(String nip) {
        records.remove(nip);
    }

    public int recordCount() {
        return records.size();
    }

    // ---- lifecycle ----

    /** Starts on the port set with {@link #port(int)}, ephemeral by default. */
    public BknSimulator start() {
        return start(configuredPort);
    }

    /** @param port 0 for an ephemeral port */
    public synchronized BknSimulator start(int port) {
        if (server != null) {
            throw new IllegalStateException("BKN simulator already running on port " + port());
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), port), 128);
            created.createContext(TOKEN_PATH, this::handleToken);
            created.createContext(DATA_PATH, this::handleData);
            executor = Executors.newFixedThreadPool(threads, daemonThreads());
            created.setExecutor(executor);
            created.start();
            server = created;
        } catch (IOException e) {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
            throw new IllegalStateException("BKN simulator could not listen on " + HOST + ":" + port, e);
        }
        LOG.info("BKN simulator listening on {} ({} records)", baseUrl(), records.size());
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
        LOG.info("BKN simulator stopped");
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("BKN simulator is not running");
        }
        return server.getAddress().getPort();
    }

    /** What {@code hub.bkn.base-url} points at; the hub appends {@code /pns/data-utama/{nip}}. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port() + "/api";
    }

    /** What {@code hub.bkn.token-url} points at. */
    public String tokenUrl() {
        return "http://" + HOST + ":" + port() + TOKEN_PATH;
    }

    // ---- faults ----

    public BknFaults faults() {
        return faults;
    }

    public void failNext(int count, int status) {
        faults.failNext(count, status);
    }

    public void failNextTokens(int count, int status) {
        faults.failNextTokens(count, status);
    }

    public void tooManyRequestsNext(int count, int retryAfterSeconds) {
        faults.tooManyRequestsNext(count, retryAfterSeconds);
    }

    public void setFailureRatio(double ratio, int status) {
        faults.setFailureRatio(ratio, status);
    }

    public void setFailureRatio(double ratio, int status, long seed) {
        faults.setFailureRatio(ratio, status, seed);
    }

    public void setLatency(Duration latency) {
        faults.setLatency(latency);
    }

    public void setRateLimitPerSecond(int perSecond) {
        faults.setRateLimitPerSecond(perSecond);
    }

    public void setDown(boolean down) {
        faults.setDown(down);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Every issued token stops being accepted; the next data-utama call answers 401. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    // ---- counters ----

    /** data-utama calls received (any answer), not counting connections dropped while down. */
    public int dataRequests() {
        return traffic.dataRequests();
    }

    /** Milliseconds from the first data-utama call to the last, for the request rate a client achieved. */
    public long dataRequestSpanMillis() {
        return traffic.dataRequestSpanMillis();
    }

    public int dataRequestsFor(String nip) {
        return traffic.dataRequestsFor(nip);
    }

    public int tokenRequests() {
        return traffic.tokenRequests();
    }

    /** 429 answers, from the rate limit and from {@link #tooManyRequestsNext} alike. */
    public int tooManyRequestsSent() {
        return traffic.tooManyRequests();
    }

    /** 401 answers on data-utama (missing/expired token or SSO token). */
    public int unauthorizedSent() {
        return traffic.unauthorized();
    }

    /** Connections closed without an answer while {@link #setDown(boolean) down}. */
    public int connectionsDroppedWhileDown() {
        return traffic.dropped();
    }

    public int inFlightDataRequests() {
        return traffic.inFlight();
    }

    /** The most data-utama requests that were being served at the same moment since start or the last reset. */
    public int maxConcurrentDataRequests() {
        return traffic.peakInFlight();
    }

    /**
     * The most requests, data-utama and token alike, that arrived within one second since start or the last reset:
     * any second, not only clock seconds (a sliding window, as the rate limit counts them). While a rate limit is
     * set, this exceeds it exactly when the rate limit answered 429.
     */
    public int worstSecond() {
        return traffic.worstSecond();
    }

    public void resetCounters() {
        traffic.reset();
    }

    // ---- HTTP ----

    /** An answer decided before anything is written, so the in-flight count ends before the client can see it. */
    private record Reply(int status, Map<String, ?> body, Map<String, String> headers) {

        static Reply of(int status, Map<String, ?> body) {
            return new Reply(status, body, Map.of());
        }

        static Reply of(int status, Map<String, ?> body, String header, String value) {
            return new Reply(status, body, Map.of(header, value));
        }
    }

    private Reply injectedReply(BknFaults.InjectedFailure injected) {
        if (injected.status() == 429) {
            return tooManyRequests(injected.retryAfterSeconds());
        }
        return Reply.of(injected.status(), Map.of("code", 0, "message", "Simulated BKN failure"));
    }

    private void handleToken(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        if (dropIfDown(exchange)) {
            return;
        }
        traffic.tokenRequested();
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean overLimit = faults.overRateLimit(traffic.requestArrived(clock));
            Optional<BknFaults.InjectedFailure> injected = overLimit ? Optional.empty() : faults.nextTokenFailure();
            Reply reply = overLimit ? tooManyRequests(1)
                    : injected.map(this::injectedReply).orElseGet(() -> answerToken(exchange, parseForm(body)));
            send(exchange, reply);
            logRequest(exchange, reply.status(), started);
        }
    }

    private Reply answerToken(HttpExchange exchange, Map<String, String> form) {
        if (!TOKEN_PATH.equals(exchange.getRequestURI().getPath())) {
            return Reply.of(404, Map.of("error", "not_found"));
        }
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            return Reply.of(405, Map.of("error", "method_not_allowed"), "Allow", "POST");
        }
        if (!hasClientCredentials(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Reply.of(401, Map.of("error", "invalid_client", "error_description", "Client Authentication failed."),
                    "WWW-Authenticate", "Basic realm=\"bkn\"");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Reply.of(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "Unsupported grant_type value"));
        }
        Duration lifetime = tokenLifetime;
        String token = tokens.issue(clock.instant(), lifetime);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("expires_in", lifetime.toSeconds());
        body.put("token_type", "Bearer");
        body.put("scope", "default");
        return Reply.of(200, body);
    }

    private void handleData(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        if (dropIfDown(exchange)) {
            return;
        }
        String nip = exchange.getRequestURI().getPath().substring(DATA_PATH.length());
        try (exchange) {
            Reply reply;
            traffic.dataRequestStarted(nip);
            try {
                exchange.getRequestBody().readAllBytes();
                boolean overLimit = faults.overRateLimit(traffic.requestArrived(clock));
                pause(faults.latency());
                reply = answerData(exchange, nip, overLimit);
            } finally {
                traffic.dataRequestFinished();
            }
            send(exchange, reply);
            logRequest(exchange, reply.status(), started);
        }
    }

    private Reply answerData(HttpExchange exchange, String nip, boolean overLimit) {
        if (!"GET".equalsIgnoreCase(exchange.getRequestMethod())) {
            return Reply.of(405, Map.of("code", 0, "message", "Method Not Allowed"), "Allow", "GET");
        }
        if (overLimit) {
            return tooManyRequests(1);
        }
        if (!tokens.isValid(bearer(exchange.getRequestHeaders().getFirst("Authorization"), "Bearer"), clock)) {
            traffic.unauthorizedSent();
            return Reply.of(401, Map.of("code", 0, "message", "Invalid Credentials"));
        }
        String requiredSso = ssoToken;
        if (requiredSso != null && !requiredSso.equals(bearer(exchange.getRequestHeaders().getFirst("Auth"), "bearer"))) {
            traffic.unauthorizedSent();
            return Reply.of(401, Map.of("code", 0, "message", "Token SSO tidak valid"));
        }
        Optional<BknFaults.InjectedFailure> failure = faults.nextFailure();
        if (failure.isPresent()) {
            return injectedReply(failure.get());
        }
        Map<String, Object> record = nip.isEmpty() || nip.contains("/") ? null : lookup(nip);
        Map<String, Object> body = new LinkedHashMap<>();
        if (record != null) {
            body.put("code", 1);
            body.put("data", record);
            return Reply.of(200, body);
        }
        if (notFoundAsEmptyOk) {
            body.put("code", 0);
            body.put("data", null);
            return Reply.of(200, body);
        }
        return Reply.of(404, Map.of("code", 0, "message", "Data tidak ditemukan"));
    }

    private Map<String, Object> lookup(String nip) {
        Map<String, Object> stored = records.get(nip);
        Function<String, Map<String, Object>> generator = recordGenerator;
        return stored != null || generator == null ? stored : generator.apply(nip);
    }

    private Reply tooManyRequests(int retryAfterSeconds) {
        traffic.tooManyRequestsSent();
        return Reply.of(429, Map.of("code", 0, "message", "Too Many Requests"), "Retry-After",
                Integer.toString(retryAfterSeconds));
    }

    /** Closing an exchange before any response header is sent closes its connection: the client gets no answer. */
    private boolean dropIfDown(HttpExchange exchange) {
        if (!faults.isDown()) {
            return false;
        }
        traffic.droppedWhileDown();
        LOG.debug("BKN simulator {} {} -> connection dropped (down)", exchange.getRequestMethod(),
                exchange.getRequestURI().getPath());
        exchange.close();
        return true;
    }

    private boolean hasClientCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        return constantTimeEquals(decoded.substring(0, colon), consumerKey)
                & constantTimeEquals(decoded.substring(colon + 1), consumerSecret);
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The credential after {@code scheme} (matched case-insensitively), or null. */
    private static String bearer(String header, String scheme) {
        if (header == null || !header.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
            return null;
        }
        String value = header.substring(scheme.length() + 1).trim();
        return value.isEmpty() ? null : value;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(key, value);
        }
        return form;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void logRequest(HttpExchange exchange, int status, long startedNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("BKN simulator {} {} -> {} ({} ms)", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    status, (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "bkn-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
