package dev.lambdaworkbook.deploy;

import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Spanish explanations of the SDK's failures: what went wrong and what the student does next. */
final class AwsErrors {

    private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException", "NoSuchEntity",
            "NotFoundException", "NoSuchBucket", "NoSuchKey", "NoSuchTagSet", "NoSuchTagSetError");
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "InvalidAccessKeyId", "AuthFailure");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired");

    private AwsErrors() {
    }

    static boolean notFound(AwsServiceException failure) {
        return failure.statusCode() == 404 || NOT_FOUND.contains(code(failure));
    }

    static String code(AwsServiceException failure) {
        return failure.awsErrorDetails() == null ? null : failure.awsErrorDetails().errorCode();
    }

    /** Returns the Spanish explanation of a failure, or the failure itself when it already is one. */
    static DeployException explain(RuntimeException failure, Optional<String> profile) {
        if (failure instanceof DeployException known) {
            return known;
        }
        if (failure instanceof AwsServiceException service) {
            return explainService(service, profile);
        }
        if (failure instanceof SdkClientException client) {
            return explainClient(client, profile);
        }
        if (failure instanceof SdkException sdk) {
            return new DeployException(DeployException.FAILED, "Ha fallado el SDK de AWS: " + sdk.getMessage(), sdk);
        }
        return null;
    }

    private static DeployException explainService(AwsServiceException service, Optional<String> profile) {
        Optional<String> permission = AccessDeniedInterceptor.missingPermission(service);
        if (permission.isPresent()) {
            return new DeployException(DeployException.FAILED, """
                    AWS ha denegado el permiso '%1$s' a tus credenciales.
                    Pide a quien administra la cuenta que añada '%1$s' a tu usuario o rol, o usa un perfil que lo \
                    tenga (--perfil NOMBRE). Mensaje de AWS: %2$s""".formatted(permission.get(),
                    service.awsErrorDetails().errorMessage()), service);
        }
        String code = code(service);
        if (EXPIRED.contains(code)) {
            return new DeployException(DeployException.CREDENTIALS, "Tus credenciales de AWS han caducado ("
                    + code + "). " + renewHint(profile), service);
        }
        if (BAD_CREDENTIALS.contains(code)) {
            return new DeployException(DeployException.CREDENTIALS, "AWS no reconoce tus credenciales (" + code
                    + "): la clave de acceso no existe o el secreto no corresponde. " + configureHint(profile), service);
        }
        String operation = service.awsErrorDetails() == null ? "" : " de " + service.awsErrorDetails().serviceName();
        return new DeployException(DeployException.FAILED, "Ha fallado una llamada a la API" + operation + " ("
                + code + ", HTTP " + service.statusCode() + "): " + service.awsErrorDetails().errorMessage()
                + "\nVuelve a ejecutar el mismo comando: el script retoma lo que falte y no repite lo que ya está "
                + "hecho.", service);
    }

    private static DeployException explainClient(SdkClientException client, Optional<String> profile) {
        String message = String.valueOf(client.getMessage());
        if (message.contains("SSO") && (message.contains("expired") || message.contains("Token"))) {
            return new DeployException(DeployException.CREDENTIALS, "Tu sesión de AWS SSO ha caducado o no ha "
                    + "empezado. " + renewHint(profile), client);
        }
        if (message.contains("Unable to load credentials") || message.contains("credentials")
                || message.contains("Profile file contained no")) {
            return new DeployException(DeployException.CREDENTIALS, "No se encuentran credenciales de AWS"
                    + profile.map(name -> " para el perfil '" + name + "'").orElse("") + ". " + configureHint(profile),
                    client);
        }
        return new DeployException(DeployException.FAILED, "No se ha podido hablar con AWS: " + message
                + "\nRevisa tu conexión a Internet (o la URL de --endpoint-url) y vuelve a ejecutar el comando.",
                client);
    }

    private static String renewHint(Optional<String> profile) {
        String name = profile.orElse("TU_PERFIL");
        return "Si usas SSO (IAM Identity Center), inicia sesión de nuevo con: aws sso login --profile " + name
                + "\nSi usas claves de acceso temporales, pide unas nuevas.";
    }

    static String configureHint(Optional<String> profile) {
        String name = profile.orElse("mi-perfil");
        return """
                Configúralas de una de estas formas:
                  - SSO (IAM Identity Center, lo habitual en cuentas de una organización):
                      aws configure sso --profile %1$s
                      aws sso login --profile %1$s
                    y después añade --perfil %1$s al comando;
                  - claves de acceso de un usuario IAM: aws configure (o aws configure --profile %1$s);
                  - variables de entorno: export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... (y \
                AWS_SESSION_TOKEN=... si son temporales).
                El script usa la cadena de credenciales del SDK de AWS, la misma que el AWS CLI.""".formatted(name);
    }
}
