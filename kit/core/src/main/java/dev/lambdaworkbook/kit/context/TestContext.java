package dev.lambdaworkbook.kit.context;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link Context} with the values the Lambda Java runtime gives a function, for tests and the local runner.
 *
 * <p>The remaining time is computed from the injected clock against a deadline fixed at creation, so tests that
 * advance a {@link ManualClock} see it fall without sleeping.
 */
public final class TestContext implements Context {

    public static final String DEFAULT_REGION = "eu-west-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String LATEST_VERSION = "$LATEST";

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String awsRequestId;
    private final String functionName;
    private final String region;
    private final String account;
    private final int memoryLimitInMB;
    private final String logStreamName;
    private final Clock clock;
    private final Instant deadline;
    private final LambdaLogger logger;

    private TestContext(Builder builder) {
        this.awsRequestId = builder.awsRequestId != null ? builder.awsRequestId : UUID.randomUUID().toString();
        this.functionName = builder.functionName;
        this.region = builder.region;
        this.account = builder.account;
        this.memoryLimitInMB = builder.memoryLimitInMB;
        this.clock = builder.clock;
        Instant start = clock.instant();
        this.deadline = start.plus(builder.timeout);
        this.logStreamName = builder.logStreamName != null ? builder.logStreamName : newLogStreamName(start);
        this.logger = builder.logger != null ? builder.logger : new RecordingLogger();
    }

    /** Starts a builder with Lambda's defaults: 128 MB, 3 s timeout, the system clock in UTC. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a log stream name in the runtime's format {@code YYYY/MM/DD/[$LATEST]<32 hex digits>}, dated in UTC.
     */
    public static String newLogStreamName(Instant start) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String date = LocalDate.ofInstant(start, ZoneOffset.UTC).format(STREAM_DATE);
        return date + "/[" + LATEST_VERSION + "]" + HexFormat.of().formatHex(id);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return LATEST_VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName;
    }

    /** Returns null, as Lambda does for functions not invoked through the AWS Mobile SDK. */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /** Returns null, as Lambda does for functions not invoked through the AWS Mobile SDK. */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Returns the instant after which {@link #getRemainingTimeInMillis()} is zero. */
    public Instant deadline() {
        return deadline;
    }

    public String region() {
        return region;
    }

    /** Options for a {@link TestContext}; every setter checks its value against Lambda's own limits. */
    public static final class Builder {
        private String awsRequestId;
        private String functionName = "mi-funcion";
        private String region = DEFAULT_REGION;
        private String account = DEFAULT_ACCOUNT;
        private int memoryLimitInMB = 128;
        private Duration timeout = Duration.ofSeconds(3);
        private String logStreamName;
        private Clock clock = Clock.systemUTC();
        private LambdaLogger logger;

        private Builder() {
        }

        public Builder awsRequestId(String awsRequestId) {
            this.awsRequestId = Objects.requireNonNull(awsRequestId, "awsRequestId");
            return this;
        }

        public Builder functionName(String functionName) {
            if (functionName == null || !functionName.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("Nombre de función no válido: '" + functionName
                        + "'. Usa de 1 a 64 letras, dígitos, '-' o '_', como exige Lambda.");
            }
            this.functionName = functionName;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder account(String account) {
            if (account == null || !account.matches("\\d{12}")) {
                throw new IllegalArgumentException("Cuenta de AWS no válida: '" + account
                        + "'. Un identificador de cuenta tiene 12 dígitos.");
            }
            this.account = account;
            return this;
        }

        public Builder memoryLimitInMB(int memoryLimitInMB) {
            if (memoryLimitInMB < 128 || memoryLimitInMB > 10240) {
                throw new IllegalArgumentException("Memoria no válida: " + memoryLimitInMB
                        + " MB. Lambda admite de 128 a 10240 MB.");
            }
            this.memoryLimitInMB = memoryLimitInMB;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
                throw new IllegalArgumentException("Tiempo de espera no válido: " + timeout
                        + ". Lambda admite de 1 a 900 segundos.");
            }
            this.timeout = timeout;
            return this;
        }

        public Builder logStreamName(String logStreamName) {
            this.logStreamName = Objects.requireNonNull(logStreamName, "logStreamName");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder logger(LambdaLogger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        public TestContext build() {
            return new TestContext(this);
        }
    }
}
