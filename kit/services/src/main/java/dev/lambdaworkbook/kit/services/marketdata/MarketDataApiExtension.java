package dev.lambdaworkbook.kit.services.marketdata;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives each test the market-data API fake ({@link MarketDataApiFake}) in its normal
 * state: no fault, no delay, no fixed response, no recorded requests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MarketDataApiExtension api = new MarketDataApiExtension();
 *
 * @Test
 * void rejectsWrongKey() {
 *     Map<String, String> env = Map.of("API_URL", api.baseUrl().toString(), "API_KEY", "otra", ...);
 *     ...
 * }
 * }</pre>
 *
 * <p>One fake is started per test JVM, on first use, and stopped when JUnit finishes.
 */
public final class MarketDataApiExtension implements BeforeEachCallback {

    private static final String STORE_KEY = MarketDataApiFake.class.getName();

    private MarketDataApiFake fake;

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        // JUnit closes AutoCloseable values of the root store when the whole run ends.
        fake = store.getOrComputeIfAbsent(STORE_KEY, key -> MarketDataApiFake.start(), MarketDataApiFake.class);
        fake.reset();
    }

    /** Returns the running fake; available from {@code @BeforeEach} methods on. */
    public MarketDataApiFake fake() {
        if (fake == null) {
            throw new IllegalStateException("La API de datos de mercado aún no está arrancada: úsala dentro de un "
                    + "test o de un método @BeforeEach, y registra la extensión con @RegisterExtension.");
        }
        return fake;
    }

    /** Returns the base URL, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUrl() {
        return fake().baseUrl();
    }

    /** Returns the only key the fake accepts. */
    public String apiKey() {
        return fake().apiKey();
    }

    /** Sets how the data endpoints respond for the rest of the test. */
    public void fault(MarketDataApiFake.Fault fault) {
        fake().fault(fault);
    }

    /** Responds to the rest of the test's requests that have the right key with this status and JSON body. */
    public void respondWith(int status, String jsonBody) {
        fake().respondWith(status, jsonBody);
    }

    /** Delays every response of the rest of the test by this long. */
    public void delay(Duration delay) {
        fake().delay(delay);
    }

    /** Returns the requests received during this test, oldest first. */
    public List<MarketDataApiFake.Request> requests() {
        return fake().requests();
    }
}
