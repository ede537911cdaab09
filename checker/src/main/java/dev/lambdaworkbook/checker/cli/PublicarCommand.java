package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.publish.Publisher;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code corrector publicar}: writes the copy of the workbook students receive. */
@Command(name = "publicar",
        description = {"Escribe la copia del cuaderno para los alumnos: todo menos solutions/ (referencias, "
                + "pruebas ocultas y errores típicos), checker/, ./corrector, bench/, .ci/ y las notas de notas/. "
                + "Quita del pom raíz esos módulos.",
            "%nMarca lo que solo lee el profesorado y publicar lo quita de la copia:",
            "  en los .md, las líneas entre <!-- solo-profesorado --> y <!-- /solo-profesorado --> (cada una en su "
                + "línea), o una sola línea que termina en <!-- solo-profesorado --> (filas de una tabla);",
            "  en los .java, las líneas entre // solo-profesorado y // /solo-profesorado (pruebas que usan las "
                + "soluciones), o una sola línea que termina en // solo-profesorado.",
            "Un bloque sin cerrar es un error.",
            "%nSi algún fichero de la copia nombra lo quitado (solutions/, checker/, ./corrector, errores/, las "
                + "clases de pruebas ocultas), no escribe nada y lista las líneas."})
final class PublicarCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "DESTINO", description = "Carpeta nueva o vacía, fuera del cuaderno.")
    Path destination;

    @Override
    public Integer call() throws Exception {
        Workbook workbook = common.workbook();
        List<Publisher.Reference> references = Publisher.publish(workbook, destination);
        if (!references.isEmpty()) {
            System.err.println("corrector: error: la copia nombraría material que no reciben los alumnos; no se "
                    + "escribió nada. Quita o marca estas líneas:");
            references.forEach(reference -> System.err.println("  " + reference.describe()));
            return ExitCodes.CHECK_FAILED;
        }
        System.out.println("Copia para alumnos escrita en " + destination.toAbsolutePath().normalize()
                + ". Prueba un ejercicio con: cd " + destination + ", ./mvnw -q install -DskipTests (solo la primera "
                + "vez: instala el kit de pruebas) y ./mvnw test -pl exercises/07");
        return ExitCodes.OK;
    }
}
