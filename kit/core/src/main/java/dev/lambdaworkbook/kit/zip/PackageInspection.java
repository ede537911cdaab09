package dev.lambdaworkbook.kit.zip;

import java.nio.file.Path;
import java.util.List;

/**
 * The findings of {@link LambdaPackageInspector} in a deployment package.
 *
 * @param zip the inspected file
 * @param zipSize the file's size in bytes
 * @param unzippedSize the sum of its entries' sizes in bytes
 * @param handlerEntry where the handler class was found on Lambda's classpath (a root entry, or
 *     {@code lib/x.jar!/path}), or {@code null} when it is not on it
 * @param libraries the file names of the .jar files directly in {@code lib/}, sorted as Lambda loads them
 * @param problems everything that breaks the layout or the limits, in the order found
 */
public record PackageInspection(Path zip, long zipSize, long unzippedSize, String handlerEntry,
        List<String> libraries, List<PackageProblem> problems) {

    /** Problems listed in full by {@link #report()}; the rest are counted. */
    static final int REPORTED_PROBLEMS = 12;

    public PackageInspection {
        libraries = List.copyOf(libraries);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<PackageProblem> problems(PackageProblem.Kind kind) {
        return problems.stream().filter(problem -> problem.kind() == kind).toList();
    }

    /** Describes the result in Spanish: one line when the package is valid, else one line per problem. */
    public String report() {
        if (isValid()) {
            return "El paquete '" + zip.getFileName() + "' tiene la estructura que espera Lambda.";
        }
        StringBuilder report = new StringBuilder("El paquete '" + zip.getFileName() + "' tiene " + problems.size()
                + (problems.size() == 1 ? " problema:" : " problemas:"));
        problems.stream().limit(REPORTED_PROBLEMS)
                .forEach(problem -> report.append(System.lineSeparator()).append("  - ").append(problem.message()));
        if (problems.size() > REPORTED_PROBLEMS) {
            report.append(System.lineSeparator()).append("  ... y ").append(problems.size() - REPORTED_PROBLEMS)
                    .append(" más.");
        }
        return report.toString();
    }
}
