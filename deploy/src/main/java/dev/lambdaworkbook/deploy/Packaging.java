package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the exercise's deployment package with Maven and checks it before anything is sent to AWS. */
final class Packaging {

    /** Lambda's limit for a .zip sent in the CreateFunction or UpdateFunctionCode request itself. */
    static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    private final Path repository;
    private final PrintStream out;

    Packaging(Path repository, PrintStream out) {
        this.repository = repository;
        this.out = out;
    }

    /** Returns the built package: {@code CodeUri} under the module folder. */
    Path build(Path module, FunctionConfig config, boolean skipBuild) {
        Path zip = repository.resolve(module).resolve(config.codeUri()).normalize();
        if (!skipBuild) {
            runMaven(module);
        }
        if (!Files.isRegularFile(zip)) {
            throw new DeployException(DeployException.FAILED, "No existe el paquete '" + repository.relativize(zip)
                    + "' que indica CodeUri en la plantilla. Genera el .zip con: ./mvnw package -pl "
                    + slashes(module) + (skipBuild ? " (o quita --sin-compilar)" : "")
                    + "\nSi el comando no lo crea, revisa CodeUri en template.yaml y el empaquetado del pom.xml.");
        }
        if (!zip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new DeployException(DeployException.USAGE, "CodeUri vale '" + config.codeUri()
                    + "', que no es un .zip. Lambda recibe el código de Java como un .zip (clases en la raíz y "
                    + "librerías en lib/).");
        }
        PackageCheck.check(zip, config);
        return zip;
    }

    private void runMaven(Path module) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path wrapper = repository.resolve(windows ? "mvnw.cmd" : "mvnw");
        List<String> command = new ArrayList<>(List.of(wrapper.toString(), "-q", "-B", "package", "-DskipTests",
                "-pl", slashes(module), "-am"));
        out.println("Compilando y empaquetando " + slashes(module) + ": " + String.join(" ", command.subList(1,
                command.size())));
        try {
            Process maven = new ProcessBuilder(command).directory(repository.toFile()).inheritIO().start();
            int status = maven.waitFor();
            if (status != 0) {
                throw new DeployException(DeployException.FAILED, "Maven no ha podido empaquetar " + slashes(module)
                        + " (código " + status + "). Corrige el error que muestra arriba y vuelve a ejecutar.");
            }
        } catch (IOException unstartable) {
            throw new UncheckedIOException("No se puede ejecutar " + wrapper, unstartable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeployException(DeployException.FAILED, "Se ha interrumpido la compilación.", interrupted);
        }
    }

    private static String slashes(Path module) {
        return module.toString().replace('\\', '/');
    }
}
