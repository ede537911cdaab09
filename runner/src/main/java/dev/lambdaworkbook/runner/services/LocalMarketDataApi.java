package dev.lambdaworkbook.runner.services;

import dev.lambdaworkbook.kit.config.EnvironmentValue;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiFake;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The course's market-data API fake, started on 127.0.0.1 for one run of the runner, and the template parameters
 * that point a function at it: {@code ApiUrl} gets its base URL and {@code ApiKey} a key it accepts. A parameter
 * the student set in the environment keeps the student's value; a student's {@code ApiKey} becomes the key the
 * fake accepts, so that it still works.
 */
public final class LocalMarketDataApi implements AutoCloseable {

    /** Template parameter that carries the API's base URL. */
    public static final String URL_PARAMETER = "ApiUrl";
    /** Template parameter that carries the API key. */
    public static final String KEY_PARAMETER = "ApiKey";

    private static final String MASK = "****";

    private final MarketDataApiFake fake;
    private final Function<String, String> hostEnvironment;

    private LocalMarketDataApi(MarketDataApiFake fake, Function<String, String> hostEnvironment) {
        this.fake = fake;
        this.hostEnvironment = hostEnvironment;
    }

    /**
     * Starts the fake on a free port of 127.0.0.1.
     *
     * @param hostEnvironment the student's environment variables, where template parameters are looked up first
     */
    public static LocalMarketDataApi start(Function<String, String> hostEnvironment) {
        String studentKey = hostEnvironment.apply(KEY_PARAMETER);
        String key = isBlank(studentKey) ? MarketDataApiFake.randomKey() : studentKey;
        return new LocalMarketDataApi(MarketDataApiFake.start(0, key), hostEnvironment);
    }

    /** Returns a template parameter's value: the student's when set, otherwise the fake's URL or key. */
    public String parameter(String name) {
        String given = hostEnvironment.apply(name);
        if (isSet(given)) {
            return given;
        }
        return switch (name) {
            case URL_PARAMETER -> fake.baseUrl().toString();
            case KEY_PARAMETER -> fake.apiKey();
            default -> given;
        };
    }

    /** Tells whether the function's variables use {@code ApiUrl} or {@code ApiKey}, the parameters this fills. */
    public static boolean usedBy(FunctionConfig config) {
        return config.environment().values().stream()
                .anyMatch(value -> value instanceof EnvironmentValue.ParameterRef reference
                        && (reference.parameter().equals(URL_PARAMETER)
                                || reference.parameter().equals(KEY_PARAMETER)));
    }

    /** Returns the student's own {@code ApiUrl}, which sends the function elsewhere, or null when unset. */
    public String studentUrl() {
        String url = hostEnvironment.apply(URL_PARAMETER);
        return isSet(url) ? url : null;
    }

    /** Tells whether the accepted key is the student's {@code ApiKey} rather than a random one. */
    public boolean usesStudentKey() {
        return !isBlank(hostEnvironment.apply(KEY_PARAMETER));
    }

    public URI baseUrl() {
        return fake.baseUrl();
    }

    /** Returns the key the fake accepts, so that callers can hide it wherever they print. */
    public String key() {
        return fake.apiKey();
    }

    /**
     * Returns the requests received so far, oldest first, as {@code GET /path?name=value&...} lines, with every
     * occurrence of the key in a value replaced by {@code ****}.
     */
    public List<String> requestLines() {
        return fake.requests().stream().map(this::describe).toList();
    }

    private String describe(MarketDataApiFake.Request request) {
        String query = request.query().entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue().replace(fake.apiKey(), MASK))
                .collect(Collectors.joining("&"));
        return request.method() + " " + request.path() + (query.isEmpty() ? "" : "?" + query);
    }

    /** Stops the fake. */
    @Override
    public void close() {
        fake.close();
    }

    /** Matches the template reader: an empty variable counts as unset. */
    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
