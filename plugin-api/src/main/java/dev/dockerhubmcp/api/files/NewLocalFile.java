package dev.dockerhubmcp.api.files;

import java.nio.channels.FileChannel;

/**
 * A file being written inside the files directory: {@link #channel()} writes a temporary file beside the target;
 * {@link #commit()} moves it into place; {@link #close()} (or {@link #discard()}) removes it unless committed.
 */
public interface NewLocalFile extends AutoCloseable {

    /** Where it will be (an absolute path inside the files directory). */
    String name();

    /** The temporary file, open for writing. */
    FileChannel channel();

    /** Closes the channel and moves the temporary file to {@link #name()}; a validation error when that fails. */
    void commit();

    /** Closes the channel and removes the temporary file. Never throws. */
    void discard();

    /** Discards unless committed, and releases the directory. Never throws. */
    @Override
    void close();
}
