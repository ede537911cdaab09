package dev.lambdaworkbook.checker.sandbox;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.run.RunRequest;
import dev.lambdaworkbook.checker.run.TestRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system isolation of the child JVMs, chosen once by trying what this machine allows, best first:
 * <ol>
 *   <li>{@link Level#BUBBLEWRAP}: bubblewrap with new namespaces and a file system reduced to what the tests need;
 *   <li>{@link Level#NETWORK}: {@code unshare} from util-linux with only a new network namespace, directly when
 *       the checker may (root or {@code CAP_SYS_ADMIN}), else inside a new user namespace;
 *   <li>{@link Level#NONE}: no isolation beyond what the child JVM itself applies.
 * </ol>
 * Every level below the first comes with Spanish warnings for the report that state what is missing and how to fix
 * it. The child JVM always gets its own limits (time, heap, stack, threads, output) and a cleared environment.
 */
public final class Sandbox implements TestRunner.CommandWrapper {

    /** How much the OS isolates each child JVM. */
    public enum Level {
        BUBBLEWRAP("bubblewrap: sin red, procesos aparte y solo lectura salvo /tmp y HOME privados"),
        NETWORK("unshare: sin red; el sistema de ficheros no está aislado"),
        NONE("ninguno del sistema operativo");

        private final String description;

        Level(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The environment variable that lowers the isolation, for machines where bubblewrap misbehaves. */
    public static final String LEVEL_VARIABLE = "CORRECTOR_AISLAMIENTO";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** The largest file a child JVM may write: far above any exercise's output, far below a full disk. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final Level level;
    private final Bubblewrap bubblewrap;
    private final List<String> fixedPrefix;
    private final List<String> processLimits;
    private final List<String> warnings;

    private Sandbox(Level level, Bubblewrap bubblewrap, List<String> fixedPrefix, List<String> processLimits,
            List<String> warnings) {
        this.level = level;
        this.bubblewrap = bubblewrap;
        this.fixedPrefix = List.copyOf(fixedPrefix);
        this.processLimits = List.copyOf(processLimits);
        this.warnings = List.copyOf(warnings);
    }

    /** Chooses the best level this machine allows, trying each with a harmless command. */
    public static Sandbox detect() {
        return detect(Level.BUBBLEWRAP);
    }

    /**
     * Chooses the best level this machine allows, at most the one the environment variable
     * {@value #LEVEL_VARIABLE} names: {@code bubblewrap} (the default), {@code red} or {@code ninguno}.
     *
     * @throws CheckerException naming an unknown value and the valid ones
     */
    public static Sandbox configured() {
        String value = System.getenv(LEVEL_VARIABLE);
        if (value == null || value.isBlank()) {
            return detect();
        }
        Level best = switch (value.strip()) {
            case "bubblewrap" -> Level.BUBBLEWRAP;
            case "red" -> Level.NETWORK;
            case "ninguno" -> Level.NONE;
            default -> throw new CheckerException(LEVEL_VARIABLE + " vale '" + value + "', que no es un nivel de "
                    + "aislamiento. Usa bubblewrap (el predeterminado), red o ninguno, o no la definas.");
        };
        return detect(best);
    }

    /**
     * Chooses the best level this machine allows, at most {@code best}.
     *
     * @param best the best level to try; {@link Level#NONE} turns the OS isolation off
     */
    public static Sandbox detect(Level best) {
        List<String> warnings = new ArrayList<>();
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (best == Level.BUBBLEWRAP) {
            Optional<String> bwrap = executable("bwrap");
            if (bwrap.isEmpty()) {
                warnings.add("No está instalado bubblewrap (bwrap): las entregas pueden leer y escribir los "
                        + "ficheros de tu usuario mientras se ejecutan. Instálalo con «sudo apt-get install "
                        + "bubblewrap» (o el paquete bubblewrap de tu distribución).");
            } else {
                try {
                    Bubblewrap command = new Bubblewrap(bwrap.get(), javaHome);
                    List<String> probe = new ArrayList<>(command.baseOptions());
                    probe.addAll(List.of("--", "/usr/bin/true"));
                    String failure = run(probe);
                    if (failure == null) {
                        return new Sandbox(Level.BUBBLEWRAP, command, List.of(), processLimits(), warnings);
                    }
                    warnings.add("bubblewrap no puede crear el entorno aislado en esta máquina (" + failure
                            + "): suele faltar el permiso de crear espacios de nombres de usuario sin ser root. "
                            + "Las entregas pueden leer y escribir los ficheros de tu usuario mientras se ejecutan.");
                } catch (IOException unreadable) {
                    warnings.add("No se pudo preparar bubblewrap: " + unreadable.getMessage());
                }
            }
        }
        if (best == Level.NETWORK) {
            warnings.add("El aislamiento de ficheros está desactivado (" + LEVEL_VARIABLE + "=red): las entregas "
                    + "pueden leer y escribir los ficheros de tu usuario mientras se ejecutan.");
        }
        if (best != Level.NONE) {
            Optional<String> unshare = executable("unshare");
            if (unshare.isPresent()) {
                for (List<String> namespaces : List.of(List.of(unshare.get(), "--net"),
                        List.of(unshare.get(), "--user", "--map-root-user", "--net"))) {
                    List<String> prefix = withLoopback(namespaces);
                    List<String> probe = new ArrayList<>(prefix);
                    probe.add("/usr/bin/true");
                    if (run(probe) == null) {
                        return new Sandbox(Level.NETWORK, null, prefix, processLimits(), warnings);
                    }
                }
            }
            warnings.add("No se pudo crear un espacio de nombres de red (unshare --net, de util-linux): las "
                    + "entregas pueden abrir conexiones de red mientras se ejecutan, también a servicios de tu "
                    + "máquina. Ejecuta el corrector en Linux con util-linux y espacios de nombres de usuario "
                    + "activados (sysctl kernel.unprivileged_userns_clone=1).");
        } else {
            warnings.add("El aislamiento del sistema operativo está desactivado (" + LEVEL_VARIABLE + "=ninguno): "
                    + "las entregas se ejecutan con red y con acceso a los ficheros de tu usuario.");
        }
        return new Sandbox(Level.NONE, null, List.of(), best == Level.NONE ? List.of() : processLimits(), warnings);
    }

    public Level level() {
        return level;
    }

    /** Returns what the report should tell the instructor about missing isolation, in Spanish; empty at best. */
    public List<String> warnings() {
        return warnings;
    }

    /** Returns one Spanish line for the report: the level and its limits. */
    public String describe() {
        return "Aislamiento de las pruebas: " + level.description() + ".";
    }

    @Override
    public List<String> prefix(RunRequest request) {
        List<String> prefix = new ArrayList<>(processLimits);
        prefix.addAll(level == Level.BUBBLEWRAP ? bubblewrap.prefix(request) : fixedPrefix);
        return prefix;
    }

    /**
     * Returns the command that starts a program in the new network namespace with its loopback interface up, as
     * in Lambda, so that tests can still reach servers they start on 127.0.0.1; {@code ip} is in iproute2.
     */
    private static List<String> withLoopback(List<String> namespaces) {
        List<String> prefix = new ArrayList<>(namespaces);
        Optional<String> ip = executable("ip");
        if (ip.isPresent()) {
            prefix.addAll(List.of("--", "/bin/sh", "-c", ip.get() + " link set lo up 2>/dev/null; exec \"$@\"",
                    "sh"));
        } else {
            prefix.add("--");
        }
        return prefix;
    }

    /**
     * Returns {@code prlimit} with the per-process limits that cannot affect other submissions: no core dumps and
     * no single file above {@link #MAX_FILE_BYTES}. The per-user process limit is left alone: it counts every
     * process of the instructor's user, so one submission's bomb would break the JVMs graded next to it, and the
     * harness limits threads per JVM instead.
     */
    private static List<String> processLimits() {
        return executable("prlimit").map(prlimit -> List.of(prlimit, "--core=0", "--fsize=" + MAX_FILE_BYTES, "--"))
                .orElse(List.of());
    }

    private static Optional<String> executable(String name) {
        for (String folder : List.of("/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** Runs the probe and returns null when it succeeds, else the first line of its error output. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "no terminó en " + PROBE_TIMEOUT.toSeconds() + " s";
            }
            if (process.exitValue() == 0) {
                return null;
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "código " + process.exitValue() : text.lines().findFirst().orElse(text);
        } catch (IOException failure) {
            return failure.getMessage();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrumpido";
        }
    }
}
