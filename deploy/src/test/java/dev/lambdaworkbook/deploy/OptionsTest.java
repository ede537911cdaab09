package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Opciones de la línea de órdenes")
class OptionsTest {

    @Test
    @DisplayName("lee el ejercicio y todas las opciones, también con '='")
    void readsEverything() {
        Options options = Options.parse(List.of("7", "--plan", "--perfil", "curso", "--region=eu-west-1",
                "--endpoint-url", "http://127.0.0.1:4566", "--prefijo", "ana-2", "--subir-por-s3"), "root");

        assertEquals("07", options.exercise());
        assertEquals(Path.of("exercises", "07"), options.module());
        assertTrue(options.plan());
        assertTrue(options.uploadViaS3());
        assertEquals(Optional.of("curso"), options.profile());
        assertEquals(Optional.of("eu-west-1"), options.region());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), options.endpoint());
        assertEquals("ana-2", options.prefix());
    }

    @ParameterizedTest(name = "usuario ''{0}'' → prefijo ''{1}''")
    @CsvSource({"Ana.García, ana-garc-a", "root, root", "'', alumno", "_, alumno",
            "un-nombre-de-usuario-muy-largo, un-nombre-de-usuario"})
    @DisplayName("el prefijo por defecto es el usuario, limpio")
    void defaultPrefix(String user, String prefix) {
        assertEquals(prefix, Options.defaultPrefix(user));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "07 --prefijo Ana|'Ana'",
        "07 --prefijo -ana|'-ana'",
        "07 --region europa|'europa'",
        "07 --endpoint-url ftp://x|'ftp://x'",
        "07 --borrar|'--borrar'",
        "siete|'siete'",
        "07 08|'08'",
        "07 --perfil|'--perfil'",
        "--plan|Falta el número de ejercicio"})
    @DisplayName("una opción mal escrita se rechaza citando el valor")
    void rejectsBadInput(String line, String quoted) {
        DeployException error = assertThrows(DeployException.class,
                () -> Options.parse(List.of(line.split(" ")), "ana"));

        assertEquals(DeployException.USAGE, error.exitCode());
        assertTrue(error.getMessage().contains(quoted), "El error debía contener " + quoted + ": "
                + error.getMessage());
    }
}
