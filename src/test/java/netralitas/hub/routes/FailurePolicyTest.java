package netralitas.hub.routes;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.MessagingException;
import netralitas.hub.bkn.BknUnavailableException;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.outbox.SmtpRejectedException;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The {@code hub-failures} policy of routes/intake.camel.yaml, exception by exception: which fault is retried (and how
 * often, by which of the two redelivery policies), which defers the case, which dead-letters it, and which goes back,
 * unhandled, to the caller (an emailed case: its message stays in the mailbox). The real route {@code intake} runs;
 * the steps it calls are mock endpoints, one of which throws, and nothing is parked: the test reads which of the
 * mocked {@code direct:defer} and {@code direct:dead-letter} received the case. (The mocked {@code direct:route} sets no
 * decision, so intake goes on to {@code direct:deliver}, where the SMTP faults are thrown.)
 */
@CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES, mockEndpointsAndSkip = FailurePolicyTest.STEPS_OF_INTAKE,
        properties = {RouteTestHub.NO_MANAGEMENT,
                // Read by the redelivery beans of intake.camel.yaml, which camel-main creates before any configuration
                // class runs: overrides of the annotation. Different counts, so that attempts tell which policy applied.
                "hub.bkn.max-redeliveries=" + FailurePolicyTest.BKN_REDELIVERIES, "hub.bkn.redelivery-delay-ms=1",
                "hub.bkn.max-retry-delay-ms=4",
                "hub.smtp.max-redeliveries=" + FailurePolicyTest.SMTP_REDELIVERIES, "hub.smtp.redelivery-delay-ms=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailurePolicyTest {

    /** Every route intake (and hub-failures) sends to: replaced by mock:direct:&lt;name&gt;, never called. */
    static final String STEPS_OF_INTAKE = "direct:(enrich|classify|route|close|digest-queue|deliver|defer|dead-letter|park-uncertain)";

    static final int BKN_REDELIVERIES = 3;
    static final int SMTP_REDELIVERIES = 2;

    @TempDir
    static Path work;

    private final AtomicInteger caseNumber = new AtomicInteger();

    @Produce("direct:intake")
    ProducerTemplate intake;

    @EndpointInject("mock:direct:enrich")
    MockEndpoint enrich;
    @EndpointInject("mock:direct:classify")
    MockEndpoint classify;
    @EndpointInject("mock:direct:deliver")
    MockEndpoint deliver;
    @EndpointInject("mock:direct:defer")
    MockEndpoint defer;
    @EndpointInject("mock:direct:dead-letter")
    MockEndpoint deadLetter;

    @Configure
    void configure(MainConfigurationProperties configuration) {
        RouteTestHub.in(work).routes("intake.camel.yaml").applyTo(configuration);
    }

    @BeforeEach
    void resetMocks() {
        MockEndpoint.resetMocks(intake.getCamelContext());
    }

    @Test
    void bknUnavailableIsRetriedByTheBknPolicyThenDeferred() {
        failAt(enrich, new BknUnavailableException("BKN answered 503", 0));

        Exchange exchange = intake.send(csvCase());

        assertNull(exchange.getException(), "handled");
        assertEquals(1 + BKN_REDELIVERIES, enrich.getReceivedCounter(), "attempts");
        assertParkedIn(defer, BknUnavailableException.class);
    }

    @Test
    void anIoErrorIsRetriedByTheBknPolicyThenDeferred() {
        failAt(enrich, new ConnectException("Connection refused"));

        Exchange exchange = intake.send(csvCase());

        assertNull(exchange.getException(), "handled");
        assertEquals(1 + BKN_REDELIVERIES, enrich.getReceivedCounter(), "attempts");
        assertParkedIn(defer, ConnectException.class);
    }

    @Test
    void anOpenBknCircuitDefersAtOnce() {
        failAt(enrich, CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("bkn")));

        Exchange exchange = intake.send(csvCase());

        assertNull(exchange.getException(), "handled");
        assertEquals(1, enrich.getReceivedCounter(), "attempts");
        assertParkedIn(defer, CallNotPermittedException.class);
    }

    @Test
    void anSmtpFaultIsRetriedBySmtpPolicyThenDeferred() {
        failAt(deliver, new MessagingException("421 4.3.2 Service not available, try again later"));

        Exchange exchange = intake.send(csvCase());

        assertNull(exchange.getException(), "handled");
        assertEquals(1 + SMTP_REDELIVERIES, deliver.getReceivedCounter(), "attempts");
        assertEquals(1, enrich.getReceivedCounter(), "a retry repeats the step that failed, not the case");
        assertParkedIn(defer, MessagingException.class);
    }

    @Test
    void anSmtpRefusalDeadLettersAtOnce() {
        failAt(deliver, new SmtpRejectedException("550 5.1.1 <bkpsdm@pemda.example>: Recipient address rejected"));

        Exchange exchange = intake.send(csvCase());

        assertNull(exchange.getException(), "handled");
        assertEquals(1, deliver.getReceivedCounter(), "attempts");
        assertParkedIn(deadLetter, SmtpRejectedException.class);
    }

    @Test
    void anyOtherErrorDeadLettersAtOnce() {
        failAt(classify, new IllegalStateException("category catalogue broken"));

        Exchange exchange = intake.send(csvCase());

        assertNull(exchange.getException(), "handled");
        assertEquals(1, classify.getReceivedCounter(), "attempts");
        assertParkedIn(deadLetter, IllegalStateException.class);
    }

    Stream<Arguments> transientFaults() {
        return Stream.of(
                arguments("BKN unavailable", "enrich", new BknUnavailableException("BKN answered 429", 1000)),
                arguments("I/O error", "enrich", new IOException("Connection reset")),
                arguments("BKN circuit open",
                        "enrich", CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("bkn"))),
                arguments("SMTP fault", "deliver", new MessagingException("421 4.3.2 try again later")));
    }

    @ParameterizedTest(name = "emailed case, {0}: back to the caller, neither retried nor parked")
    @MethodSource("transientFaults")
    void anEmailedCaseGoesBackToTheCallerOnATransientFault(String fault, String step, Exception failure) {
        MockEndpoint failing = step.equals("enrich") ? enrich : deliver;
        failAt(failing, failure);

        Exchange exchange = intake.send(emailedCase());

        assertSame(failure, exchange.getException(), "not handled: route ingest-mail holds the message back");
        assertEquals(1, failing.getReceivedCounter(), "attempts");
        assertEquals(0, defer.getReceivedCounter(), "deferred");
        assertEquals(0, deadLetter.getReceivedCounter(), "dead-lettered");
    }

    @Test
    void anEmailedCaseIsDeadLetteredOnAnSmtpRefusalLikeAnyOther() {
        failAt(deliver, new SmtpRejectedException("550 5.1.1 Recipient address rejected"));

        Exchange exchange = intake.send(emailedCase());

        assertNull(exchange.getException(), "handled");
        assertParkedIn(deadLetter, SmtpRejectedException.class);
    }

    private static void failAt(MockEndpoint step, Exception failure) {
        step.whenAnyExchangeReceived(exchange -> {
            throw failure;
        });
    }

    /** The case reached {@code parking} once, with its cause; the other one never. */
    private void assertParkedIn(MockEndpoint parking, Class<? extends Exception> cause) {
        MockEndpoint other = parking == defer ? deadLetter : defer;
        assertEquals(1, parking.getReceivedCounter(), "cases received by " + parking.getEndpointUri());
        assertEquals(0, other.getReceivedCounter(), "cases received by " + other.getEndpointUri());
        Exchange parked = parking.getExchanges().get(0);
        assertInstanceOf(ViolationCase.class, parked.getMessage().getBody(), "the case is parked, not a step's answer");
        assertInstanceOf(cause, parked.getProperty(Exchange.EXCEPTION_CAUGHT));
    }

    private Exchange csvCase() {
        return exchangeOf(TestCases.csvRow("FAIL-" + caseNumber.incrementAndGet()).regionCode("32.01").build());
    }

    private Exchange emailedCase() {
        return exchangeOf(TestCases.emailed("FAIL-" + caseNumber.incrementAndGet()).regionCode("32.01").build());
    }

    private Exchange exchangeOf(ViolationCase violationCase) {
        Exchange exchange = intake.getCamelContext().getEndpoint("direct:intake").createExchange();
        exchange.getIn().setBody(violationCase);
        return exchange;
    }
}
