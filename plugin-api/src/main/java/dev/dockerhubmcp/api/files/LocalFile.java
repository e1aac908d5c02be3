package dev.dockerhubmcp.api.files;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** A regular file inside the files directory, checked when it was named and again at every {@link #open()}. */
public interface LocalFile {

    /** Where it is (an absolute path inside the files directory), for messages and results. */
    String name();

    /** Its size when it was checked. */
    long size();

    /**
     * Opens it for reading, walking the directory tree again without following links: a link swapped in since the
     * check is refused. The caller closes the channel.
     */
    FileChannel open() throws IOException;
}
