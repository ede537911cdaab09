package dev.lambdaworkbook.checker.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssemblyZipTest {

    private static final String LAMBDA_LAYOUT = """
            <assembly>
              <id>lambda</id>
              <formats><format>zip</format></formats>
              <includeBaseDirectory>false</includeBaseDirectory>
              <fileSets>
                <fileSet>
                  <directory>${project.build.outputDirectory}</directory>
                  <outputDirectory>/</outputDirectory>
                </fileSet>
              </fileSets>
              <dependencySets>
                <dependencySet>
                  <outputDirectory>lib</outputDirectory>
                  <scope>%s</scope>
                  <useProjectArtifact>false</useProjectArtifact>
                  <unpack>false</unpack>
                </dependencySet>
              </dependencySets>
            </assembly>
            """;

    @TempDir
    Path folder;

    @Test
    void classesAtTheRootAndJarsInLibAsTheyAre() throws Exception {
        Path classes = Files.createDirectories(folder.resolve("classes/dev/example"));
        byte[] handler = "compiled handler, repeated repeated repeated repeated".getBytes(StandardCharsets.UTF_8);
        Files.write(classes.resolve("Handler.class"), handler);
        Path runtimeJar = jar("runtime-lib.jar", "lib/Csv.class");
        Path testJar = jar("test-lib.jar", "org/junit/Test.class");
        Path zip = folder.resolve("out/package.zip");

        AssemblyZip.build(descriptor("runtime"), project(List.of(runtimeJar), List.of(runtimeJar, testJar)), zip);

        Map<String, ZipEntry> entries = entries(zip);
        assertEquals(List.of("dev/example/Handler.class", "lib/runtime-lib.jar"), List.copyOf(entries.keySet()));
        assertEquals(ZipEntry.DEFLATED, entries.get("dev/example/Handler.class").getMethod());
        assertEquals(ZipEntry.STORED, entries.get("lib/runtime-lib.jar").getMethod());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertArrayEquals(handler, file.getInputStream(file.getEntry("dev/example/Handler.class")).readAllBytes());
            assertArrayEquals(Files.readAllBytes(runtimeJar),
                    file.getInputStream(file.getEntry("lib/runtime-lib.jar")).readAllBytes());
        }
    }

    @Test
    void testScopeAddsTheTestLibraries() throws Exception {
        Files.createDirectories(folder.resolve("classes"));
        Path runtimeJar = jar("runtime-lib.jar", "lib/Csv.class");
        Path testJar = jar("test-lib.jar", "org/junit/Test.class");
        Path zip = folder.resolve("package.zip");

        AssemblyZip.build(descriptor("test"), project(List.of(runtimeJar), List.of(runtimeJar, testJar)), zip);

        assertEquals(List.of("lib/runtime-lib.jar", "lib/test-lib.jar"), List.copyOf(entries(zip).keySet()));
    }

    @Test
    void anUnknownScopeIsNamedWithTheFix() throws Exception {
        Files.createDirectories(folder.resolve("classes"));
        Path zip = folder.resolve("package.zip");

        BuildException error = assertThrows(BuildException.class,
                () -> AssemblyZip.build(descriptor("provided"), project(List.of(), List.of()), zip));

        assertTrue(error.getMessage().contains("'provided'") && error.getMessage().contains("usa runtime"),
                error.getMessage());
        assertTrue(Files.notExists(zip), "no debe quedar un .zip a medias");
    }

    private Path descriptor(String scope) throws IOException {
        return Files.writeString(folder.resolve("lambda-zip.xml"), LAMBDA_LAYOUT.formatted(scope));
    }

    private AssemblyZip.Project project(List<Path> runtime, List<Path> test) {
        return new AssemblyZip.Project(folder, "ejercicio", List.of(folder.resolve("classes")), runtime, test);
    }

    private Path jar(String name, String entry) throws IOException {
        Path jar = folder.resolve("repo").resolve(name);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(("bytes of " + entry).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static Map<String, ZipEntry> entries(Path zip) throws IOException {
        Map<String, ZipEntry> entries = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().forEach(entry -> entries.put(entry.getName(), entry));
        }
        return entries;
    }
}
