package dev.dockerhubmcp.api.files;

import dev.dockerhubmcp.api.ActionException;

/**
 * The only way an action touches a local file named by its arguments. Every path is resolved inside the one files
 * directory the server was given ({@code DOCKERHUB_FILES_DIR} / {@code --files-dir}); {@code ..}, absolute paths
 * elsewhere and symbolic links leading out are refused, and files are opened without following links, so nothing is
 * read or written outside that directory. Without the setting every path is refused. Errors are validation errors
 * naming the argument ({@code field}) and never tell whether something outside the directory exists.
 */
public interface LocalFiles {

    /** An existing regular file for reading, e.g. a blob to upload. */
    LocalFile read(String field, String path);

    /**
     * A file to write: the bytes go to a new temporary file beside it (inside the files directory), which
     * {@link NewLocalFile#commit()} moves into place and {@link NewLocalFile#close()} removes otherwise.
     *
     * @param overwrite whether an existing file of that name may be replaced
     */
    NewLocalFile create(String field, String path, boolean overwrite);

    /** Without a files directory: every path is refused, naming the setting. */
    LocalFiles OFF = new LocalFiles() {
        @Override
        public LocalFile read(String field, String path) {
            throw off(field);
        }

        @Override
        public NewLocalFile create(String field, String path, boolean overwrite) {
            throw off(field);
        }
    };

    /** The validation error for a path argument when there is no files directory. */
    static ActionException off(String field) {
        return ActionException.validation("'" + field + "': local files are off; set DOCKERHUB_FILES_DIR"
            + " (or --files-dir) to a directory to read and write files in, and give paths inside it");
    }
}
