package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.CheckerException;

/** Checks of option values that picocli's types do not cover. */
final class Arguments {

    private Arguments() {
    }

    static void positive(String option, long value) {
        if (value < 1) {
            throw new CheckerException("El valor '" + value + "' de " + option + " no es válido: indica un entero "
                    + "mayor que 0.");
        }
    }
}
