package dev.lambdaworkbook.checker.grade;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Saved results, one JSON file per key (a hash of the submission's files and of the exercise's tests), written
 * atomically. A file that cannot be read, for example one left by an older format, counts as missing.
 */
public final class ResultStore {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    public ResultStore(Path folder) {
        this.folder = folder;
    }

    public Optional<ExerciseResult> find(String exercise, String key) {
        Path file = file(exercise, key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ExerciseResult.class));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Saves the result under the key and returns it. */
    public ExerciseResult save(String key, ExerciseResult result) {
        try {
            AtomicFiles.write(file(result.exercise(), key), out -> JSON.writeValue(out, result));
            return result;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private Path file(String exercise, String key) {
        return folder.resolve(exercise).resolve(key + ".json");
    }
}
