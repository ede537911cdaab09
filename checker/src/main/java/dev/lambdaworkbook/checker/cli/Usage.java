package dev.lambdaworkbook.checker.cli;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Spanish messages for picocli's command-line errors. */
final class Usage {

    private Usage() {
    }

    static String spanish(ParameterException error) {
        if (error instanceof UnmatchedArgumentException unmatched) {
            return "argumento desconocido '" + String.join(" ", unmatched.getUnmatched()) + "'.";
        }
        if (error instanceof MissingParameterException missing) {
            return "falta " + missing.getMissing().stream().map(arg -> "'" + arg.paramLabel() + "'")
                    .reduce((a, b) -> a + ", " + b).orElse("un argumento") + ".";
        }
        if (error.getArgSpec() != null && error.getValue() != null) {
            return "el valor '" + error.getValue() + "' no es válido para " + error.getArgSpec().paramLabel() + ".";
        }
        return "línea de órdenes no válida (" + error.getMessage() + ").";
    }
}
