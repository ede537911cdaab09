package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.SpanishNumbers;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import dev.lambdaworkbook.runner.project.FunctionResolver;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Small helpers the commands share. */
final class Cli {

    private Cli() {
    }

    static LocalFunction resolve(FunctionOptions options, PrintWriter err) {
        return resolve(options, err, System::getenv);
    }

    /**
     * Resolves the chosen function, taking the template's parameters from {@code parameters} (the student's
     * environment, or that plus values the runner supplies).
     */
    static LocalFunction resolve(FunctionOptions options, PrintWriter err, Function<String, String> parameters) {
        PrintStream diagnostics = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                err.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                err.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
                err.flush();
            }
        }, true, StandardCharsets.UTF_8);
        return new FunctionResolver(parameters, diagnostics).resolve(options.selection());
    }

    /** Formats a size in bytes for people: KB below one megabyte, MB from there, with one decimal. */
    static String size(long bytes) {
        double kilobytes = bytes / 1024.0;
        return kilobytes < 1024 ? SpanishNumbers.decimal(kilobytes, 1) + " KB"
                : SpanishNumbers.decimal(kilobytes / 1024, 1) + " MB";
    }

    static void checkRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new RunnerException(ExitCode.USAGE, "Valor no válido para " + option + ": '" + value + "'. Usa un "
                    + "número entre " + min + " y " + max + ".");
        }
    }
}
