package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lambdaworkbook.kit.config.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.s3.model.S3Exception;

@DisplayName("Piezas sueltas del despliegue")
class UnitSeamsTest {

    @Test
    @DisplayName("otro InvalidParameterValue de Lambda no se reintenta")
    @SuppressWarnings("unchecked")
    void otherInvalidParameterFailsAtOnce() {
        LambdaClient lambda = mock(LambdaClient.class);
        InvalidParameterValueException unzipped = (InvalidParameterValueException) InvalidParameterValueException
                .builder().message("Unzipped size must be smaller than 262144000 bytes").build();
        when(lambda.createFunction(any(Consumer.class))).thenThrow(unzipped);
        List<Duration> pauses = new ArrayList<>();
        FunctionDeployer deployer = new FunctionDeployer(lambda, changes(), timing(pauses));

        InvalidParameterValueException thrown = assertThrows(InvalidParameterValueException.class,
                () -> deployer.retryWhileRoleNotAssumable(() -> lambda.createFunction(
                        (Consumer<CreateFunctionRequest.Builder>) request -> { })));

        assertEquals(unzipped, thrown);
        assertEquals(List.of(), pauses);
        verify(lambda, times(1)).createFunction(any(Consumer.class));
    }

    @Test
    @DisplayName("el error de propagación del rol se reintenta hasta que Lambda lo acepta")
    @SuppressWarnings("unchecked")
    void rolePropagationRetried() {
        LambdaClient lambda = mock(LambdaClient.class);
        InvalidParameterValueException propagation = (InvalidParameterValueException) InvalidParameterValueException
                .builder().message("The role defined for the function cannot be assumed by Lambda.").build();
        when(lambda.createFunction(any(Consumer.class))).thenThrow(propagation, propagation)
                .thenReturn(CreateFunctionResponse.builder().functionArn("arn").build());
        List<Duration> pauses = new ArrayList<>();
        FunctionDeployer deployer = new FunctionDeployer(lambda, changes(), timing(pauses));

        CreateFunctionResponse response = deployer.retryWhileRoleNotAssumable(() -> lambda.createFunction(
                (Consumer<CreateFunctionRequest.Builder>) request -> { }));

        assertEquals("arn", response.functionArn());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
        "Lambda, CreateFunction, POST, lambda:CreateFunction",
        "Lambda, Invoke, POST, lambda:InvokeFunction",
        "S3, HeadBucket, HEAD, s3:ListBucket",
        "S3, PutBucketNotificationConfiguration, PUT, s3:PutBucketNotification",
        "S3, CreateBucket, PUT, s3:CreateBucket",
        "EventBridge, PutRule, POST, events:PutRule",
        "API Gateway, CreateRestApi, POST, apigateway:POST",
        "IAM, CreateRole, POST, iam:CreateRole"})
    @DisplayName("el permiso que falta se deduce del servicio y la operación")
    void derivesPermission(String service, String operation, String method, String permission) {
        S3Exception denied = (S3Exception) S3Exception.builder().message("Access Denied").statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();

        assertEquals(permission, AccessDeniedInterceptor.action(denied, service, operation, method));
    }

    @Test
    @DisplayName("el permiso que nombra AWS en el mensaje tiene prioridad")
    void namedPermissionWins() {
        S3Exception denied = (S3Exception) S3Exception.builder().message("User: arn:aws:iam::1:user/a is not "
                + "authorized to perform: iam:PassRole on resource: arn:aws:iam::1:role/r").build();

        assertEquals("iam:PassRole", AccessDeniedInterceptor.action(denied, "Lambda", "CreateFunction", "POST"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}|true",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ec2.amazonaws.com\",\"lambda.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"]}}|true",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}|false",
        "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}|false",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:TagSession\"}]}|false"})
    @DisplayName("la política de confianza debe dejar a Lambda asumir el rol")
    void trustPolicy(String policy, boolean trusted) {
        assertEquals(trusted, ExecutionRole.trustsLambda(Json.parse(policy, "política")));
    }

    @ParameterizedTest(name = "salida {0}/{1} con disparador en bme/ → {2}")
    @CsvSource({
        "entrada, bme/filtrado/, true",
        "entrada, '', true",
        "entrada, b, true",
        "entrada, filtrado/, false",
        "salida, bme/, false"})
    @DisplayName("una salida que vuelve a disparar la función se rechaza")
    void selfTrigger(String bucket, String prefix, boolean rejected) {
        Trigger.S3 trigger = new Trigger.S3("Ficheros", "EntradaBucket", "entrada", List.of("s3:ObjectCreated:*"),
                "bme/", ".csv");
        Map<String, String> environment = Map.of("OUTPUT_BUCKET", bucket, "OUTPUT_PREFIX", prefix);

        boolean thrown;
        try {
            S3Trigger.rejectSelfTrigger(trigger, "entrada", environment);
            thrown = false;
        } catch (DeployException loop) {
            thrown = true;
            assertTrue(loop.getMessage().contains("bucle"), loop.getMessage());
        }

        assertEquals(rejected, thrown);
    }

    @Test
    @DisplayName("los nombres caben en los límites de AWS con el prefijo más largo")
    void namesFitLimits() {
        Names names = new Names("a".repeat(Options.MAX_PREFIX), "06", "f".repeat(64));

        assertTrue(names.role().length() <= 64, names.role());
        assertTrue(names.rule("CadaMinuto").length() <= 64, names.rule("CadaMinuto"));
        assertTrue(names.bucket("b".repeat(63)).length() <= 63);
        assertTrue(names.artifactsBucket("123456789012", "ap-southeast-2").length() <= 63);
        assertFalse(names.role().endsWith("-"));
    }

    private static Changes changes() {
        return new Changes(false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static Timing timing(List<Duration> pauses) {
        return new Timing(Duration.ofMillis(1), 2, Duration.ofMillis(1), Duration.ofSeconds(90), pauses::add);
    }
}
