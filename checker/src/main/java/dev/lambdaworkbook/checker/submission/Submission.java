package dev.lambdaworkbook.checker.submission;

import java.nio.file.Path;

/**
 * One entry of the class folder: one student's copy of the workbook.
 *
 * @param id the student's identifier: the participant number in a Moodle download, else the entry's name
 * @param name the student's full name as the entry shows it
 * @param entry the folder or zip file as given
 * @param moodle whether the entry follows Moodle's "download all submissions" naming
 * @param root the folder holding {@code exercises/}, or null when none was found
 * @param problem why the entry cannot be graded, in Spanish, or null
 */
public record Submission(String id, String name, Path entry, boolean moodle, Path root, String problem) {

    /** Returns a folder-safe form of the id, for per-student output folders. */
    public String folderName() {
        return id.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }
}
