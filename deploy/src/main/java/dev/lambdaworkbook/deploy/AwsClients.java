package dev.lambdaworkbook.deploy;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The SDK clients of one run, all with the same credentials, region, endpoint and retry settings. */
public final class AwsClients implements AutoCloseable {

    private final String region;
    private final LambdaClient lambda;
    private final IamClient iam;
    private final S3Client s3;
    private final EventBridgeClient events;
    private final ApiGatewayClient apiGateway;
    private final StsClient sts;

    private AwsClients(String region, LambdaClient lambda, IamClient iam, S3Client s3, EventBridgeClient events,
            ApiGatewayClient apiGateway, StsClient sts) {
        this.region = region;
        this.lambda = lambda;
        this.iam = iam;
        this.s3 = s3;
        this.events = events;
        this.apiGateway = apiGateway;
        this.sts = sts;
    }

    /**
     * Builds the clients. The region comes from {@code --region}, else from the profile or the environment
     * ({@code AWS_REGION}); credentials from the profile (keys or SSO), else from the SDK's default chain.
     *
     * @throws DeployException when no region is configured
     */
    public static AwsClients create(Optional<String> profile, Optional<String> region, Optional<URI> endpoint,
            Timing timing) {
        disableInstanceMetadataUnlessAskedFor();
        Region resolved = Region.of(region.orElseGet(() -> configuredRegion(profile)));
        AwsCredentialsProvider credentials = profile.<AwsCredentialsProvider>map(
                        name -> ProfileCredentialsProvider.builder().profileName(name).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(timing.sdkMaxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(timing.sdkBackoffBase(),
                                timing.sdkBackoffBase().multipliedBy(20)))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(timing.sdkBackoffBase().multipliedBy(2),
                                timing.sdkBackoffBase().multipliedBy(40)))
                        .circuitBreakerEnabled(false)
                        .build())
                .addExecutionInterceptor(new AccessDeniedInterceptor())
                .build();
        return new AwsClients(resolved.id(),
                configure(LambdaClient.builder(), credentials, resolved, endpoint, override).build(),
                configure(IamClient.builder(), credentials, Region.AWS_GLOBAL, endpoint, override).build(),
                configure(S3Client.builder(), credentials, resolved, endpoint, override)
                        .forcePathStyle(endpoint.isPresent()).build(),
                configure(EventBridgeClient.builder(), credentials, resolved, endpoint, override).build(),
                configure(ApiGatewayClient.builder(), credentials, resolved, endpoint, override).build(),
                configure(StsClient.builder(), credentials, resolved, endpoint, override).build());
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsCredentialsProvider credentials,
            Region region, Optional<URI> endpoint, ClientOverrideConfiguration override) {
        builder.credentialsProvider(credentials).region(region).overrideConfiguration(override);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * Keeps the SDK's credential chain away from the EC2 instance metadata endpoint: on a laptop or a lab PC that
     * lookup only waits for a timeout. A student on an EC2 instance who wants its role sets
     * {@code AWS_EC2_METADATA_DISABLED=false}.
     */
    private static void disableInstanceMetadataUnlessAskedFor() {
        if (System.getProperty("aws.disableEc2Metadata") == null && System.getenv("AWS_EC2_METADATA_DISABLED") == null) {
            System.setProperty("aws.disableEc2Metadata", "true");
        }
    }

    /** Reads the region from {@code AWS_REGION} or the profile only: never from the instance metadata endpoint. */
    private static String configuredRegion(Optional<String> profile) {
        try {
            AwsRegionProvider chain = new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                    new AwsProfileRegionProvider(null, profile.orElse(null)));
            return chain.getRegion().id();
        } catch (SdkClientException missing) {
            throw new DeployException(DeployException.CREDENTIALS, """
                    No hay ninguna región de AWS configurada%s. Elige una de estas formas:
                      - añade --region eu-west-1 (o la región de tu curso) al comando;
                      - export AWS_REGION=eu-west-1
                      - o escribe 'region = eu-west-1' en tu perfil de ~/.aws/config (aws configure%s).""".formatted(
                    profile.map(name -> " para el perfil '" + name + "'").orElse(""),
                    profile.map(name -> " --profile " + name).orElse("")), missing);
        }
    }

    public String region() {
        return region;
    }

    public LambdaClient lambda() {
        return lambda;
    }

    public IamClient iam() {
        return iam;
    }

    public S3Client s3() {
        return s3;
    }

    public EventBridgeClient events() {
        return events;
    }

    public ApiGatewayClient apiGateway() {
        return apiGateway;
    }

    public StsClient sts() {
        return sts;
    }

    @Override
    public void close() {
        lambda.close();
        iam.close();
        s3.close();
        events.close();
        apiGateway.close();
        sts.close();
    }
}
