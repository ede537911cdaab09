package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.runner.SpanishNumbers;
import dev.lambdaworkbook.runner.child.ErrorJson;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/** Prints an invocation the way the Lambda console's Test tab shows it, in Spanish, plus a hint on failures. */
final class ConsolePrinter {

    /** The warning SLF4J 2 prints once per JVM when the class path has its API but no implementation. */
    static final String SLF4J_WITHOUT_PROVIDER = "SLF4J(W): No SLF4J providers were found.";

    private final PrintWriter out;
    private final PrintWriter err;
    private final LocalFunction function;

    ConsolePrinter(PrintWriter out, PrintWriter err, LocalFunction function) {
        this.out = out;
        this.err = err;
        this.function = function;
    }

    void print(Invocation invocation) {
        out.println("Resultado de la ejecución: " + (invocation.success() ? "correcto" : "error"));
        out.println();
        out.println("Respuesta:");
        out.println(mask(Json.pretty(invocation.response()), function.secretValues()));
        out.println();
        out.println("Resumen:");
        row("ID de la solicitud", invocation.requestId());
        if (invocation.coldStart()) {
            row("Duración de inicio", millis(invocation.initDurationMillis()));
        }
        row("Duración", millis(invocation.durationMillis()));
        row("Duración facturada", invocation.billedDurationMillis() + " ms");
        row("Memoria configurada", invocation.memorySize() + " MB");
        row("Memoria máxima utilizada", invocation.maxMemoryUsedMb() + " MB");
        out.println();
        out.println("Salida del registro:");
        out.print(mask(invocation.log(), function.secretValues()));
        out.flush();
        if (invocation.log().contains(SLF4J_WITHOUT_PROVIDER)) {
            err.println();
            err.println("Nota: las líneas «SLF4J(W)» del registro las escribe el SDK de AWS al iniciarse: usa la API "
                    + "de registro SLF4J y el paquete no trae ninguna implementación, así que sus propios mensajes no "
                    + "se escriben. En Lambda salen igual; no son un error de tu código.");
            err.flush();
        }
        hint(invocation).ifPresent(text -> {
            err.println();
            err.println("Pista: " + text);
            err.flush();
        });
    }

    private java.util.Optional<String> hint(Invocation invocation) {
        var config = function.config();
        String response = invocation.responseText();
        String hint = switch (invocation.failure()) {
            case NONE -> null;
            case TIMEOUT -> "la función no terminó en su tiempo máximo (Timeout: " + config.timeout() + " s en "
                    + "template.yaml). ¿Espera una respuesta que no llega o repite un bucle sin fin?";
            case OUT_OF_MEMORY -> "la función usó más memoria de la configurada (MemorySize: " + config.memorySize()
                    + " MB en template.yaml) y Lambda la detuvo. Procesa los datos por partes o sube MemorySize.";
            case RUNTIME_EXIT -> "la JVM de la función terminó antes de responder. ¿Llamas a System.exit?";
            case INIT_ERROR -> "falló la inicialización (bloques static o el constructor sin argumentos del "
                    + "handler), antes de recibir el evento. Mira la traza en el registro.";
            case HANDLER_ERROR -> handlerHint(response, config.handler());
        };
        return java.util.Optional.ofNullable(hint);
    }

    private static String handlerHint(String response, String handler) {
        if (response.contains("Class not found: ")) {
            return "Handler vale '" + handler + "' en template.yaml y esa clase no está entre las compiladas. "
                    + "Revisa el paquete y el nombre de la clase.";
        }
        if (response.contains("No public method named ")) {
            return "Handler vale '" + handler + "' y ese método no existe o no tiene una firma que Lambda sepa "
                    + "llamar: (evento), (evento, Context), (InputStream, OutputStream, Context)…";
        }
        if (response.contains("java.lang.UnsupportedOperationException")) {
            return "es el código de partida sin terminar: completa las tareas del enunciado (README.md del "
                    + "ejercicio).";
        }
        if (response.contains("An error occurred during JSON parsing")) {
            return "el evento no encaja con el tipo de entrada del handler. ¿Es JSON válido y del tipo que espera?";
        }
        if (response.contains("An error occurred during JSON serialization of response")) {
            return "Lambda no sabe convertir a JSON lo que devuelve tu handler. Devuelve un String, un Map, un "
                    + "POJO con getters o una clase de aws-lambda-java-events.";
        }
        return null;
    }

    private void row(String label, String value) {
        out.printf(Locale.ROOT, "  %-26s %s%n", label + ":", value);
    }

    private static String millis(double value) {
        return SpanishNumbers.decimal(value, 2) + " ms";
    }

    /** Hides the values of secret parameters wherever they appear, so a key logged by mistake stays private. */
    static String mask(String text, Set<String> secrets) {
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                masked = masked.replace(secret, "****").replace(ErrorJson.quote(secret), "\"****\"");
            }
        }
        return masked;
    }
}
