package dev.lambdaworkbook.kit.services.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command-line options of the services' {@code main} methods: {@code --name value} options, which may repeat,
 * and {@code --flag} switches. Unknown options and missing values raise {@link UsageException}.
 */
public final class Arguments {

    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flagsGiven;

    private Arguments(Set<String> flagsGiven) {
        this.flagsGiven = flagsGiven;
    }

    /**
     * Parses {@code args}.
     *
     * @param options names (without {@code --}) that take a value
     * @param flags names (without {@code --}) that take none
     */
    public static Arguments parse(String[] args, Set<String> options, Set<String> flags) {
        Arguments parsed = new Arguments(new HashSet<>());
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name != null && flags.contains(name)) {
                parsed.flagsGiven.add(name);
            } else if (name != null && options.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new UsageException("Falta el valor de la opción '" + arg + "'.");
                }
                parsed.values.computeIfAbsent(name, key -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new UsageException("Opción desconocida: '" + arg + "'.");
            }
        }
        return parsed;
    }

    public boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    /** Returns every value given for an option, in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Returns the last value given for an option, or {@code fallback}. */
    public String value(String name, String fallback) {
        List<String> given = all(name);
        return given.isEmpty() ? fallback : given.get(given.size() - 1);
    }

    /** Returns an option's value as a number in {@code [min, max]}, or {@code fallback} when absent. */
    public long number(String name, long fallback, long min, long max) {
        String text = value(name, null);
        if (text == null) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException notANumber) {
            throw new UsageException("La opción '--" + name + "' espera un número entero y recibió '" + text + "'.");
        }
        if (number < min || number > max) {
            throw new UsageException("La opción '--" + name + "' vale '" + text + "', fuera del rango permitido ["
                    + min + ", " + max + "].");
        }
        return number;
    }

    /** A command line that cannot be run as written; its message names the bad value. */
    public static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
