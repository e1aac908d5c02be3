package dev.dockerhubmcp.engine.files;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.files.LocalFile;
import dev.dockerhubmcp.api.files.LocalFiles;
import dev.dockerhubmcp.api.files.NewLocalFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * {@link LocalFiles} confined to one directory. A path is taken apart into names below the directory; each is looked
 * at without following links, and a link is followed by hand only when its target lies inside the directory (so
 * nothing outside is ever looked at). Files are then opened through directory handles, one level at a time, with
 * {@code O_NOFOLLOW}: a link or directory swapped in after the check makes the open fail instead of leading out.
 */
public final class FilesRoot implements LocalFiles {
    /** The setting that names the directory. */
    public static final String SETTING = "DOCKERHUB_FILES_DIR";
    /** Every path refused: no directory was configured. */
    public static final FilesRoot OFF = new FilesRoot(null, null);

    private static final int MAX_LINKS = 40;
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final Path configured;

    private FilesRoot(Path root, Path configured) {
        this.root = root;
        this.configured = configured;
    }

    /**
     * The directory {@code dir}, which must exist.
     *
     * @throws IllegalArgumentException naming {@link #SETTING} when it is no usable directory
     */
    public static FilesRoot of(Path dir) {
        requireNonNull(dir, "dir is null");
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException(SETTING + " (--files-dir) '" + dir + "' is not an existing directory");
        }
        if (!Files.isDirectory(real)) {
            throw new IllegalArgumentException(SETTING + " (--files-dir) '" + dir + "' is not a directory");
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(real)) {
            if (!(s instanceof SecureDirectoryStream)) {
                throw new IllegalArgumentException(SETTING + " (--files-dir): this file system cannot open files "
                    + "relative to a directory handle, so file arguments cannot be confined; leave it unset");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(SETTING + " (--files-dir) '" + dir + "' cannot be read: "
                + e.getMessage());
        }
        return new FilesRoot(real, dir.toAbsolutePath().normalize());
    }

    /** The directory (its real path), or null when files are off. */
    public Path root() {
        return root;
    }

    @Override
    public LocalFile read(String field, String path) {
        List<String> names = names(field, path);
        Resolved r = resolve(field, names, true);
        try (r) {
            if (!r.attrs.isRegularFile()) {
                throw ActionException.validation("'" + field + "': " + r.display() + " is not a regular file");
            }
            return new Readable(r.display(), r.names(), r.attrs.size());
        }
    }

    @Override
    public NewLocalFile create(String field, String path, boolean overwrite) {
        List<String> names = names(field, path);
        Resolved r = resolve(field, names, false);
        try {
            if (r.attrs != null) {
                if (r.attrs.isDirectory()) {
                    throw ActionException.validation("'" + field + "': " + r.display() + " is a directory");
                }
                if (!overwrite) {
                    throw ActionException.validation("'" + field + "': " + r.display()
                        + " exists (set overwrite=true to replace)");
                }
                if (!r.attrs.isRegularFile()) {
                    throw ActionException.validation("'" + field + "': " + r.display() + " is not a regular file");
                }
            }
            String base = r.name.length() > 180 ? r.name.substring(0, 180) : r.name;
            String temp = "." + base + ".partial-" + UUID.randomUUID();
            FileChannel channel = channel(r.dir.newByteChannel(Path.of(temp), Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, NOFOLLOW)));
            return new Target(field, r.display(), r.dir, r.name, temp, channel, overwrite);
        } catch (IOException e) {
            r.close();
            throw ActionException.validation("'" + field + "': cannot create a file in the directory of "
                + r.display() + " (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** The names below the root that {@code path} denotes, checked lexically: nothing outside is looked at. */
    private List<String> names(String field, String path) {
        if (root == null) {
            throw LocalFiles.off(field);
        }
        if (path == null || path.isBlank()) {
            throw ActionException.validation("'" + field + "' is empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw ActionException.validation("'" + field + "' contains a NUL byte");
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw ActionException.validation("'" + field + "' is not a valid path");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw ActionException.validation("'" + field + "' must not contain '..'");
            }
        }
        p = p.normalize();
        Path rel;
        if (p.isAbsolute()) {
            if (p.startsWith(root)) {
                rel = root.relativize(p);
            } else if (p.startsWith(configured)) {
                rel = configured.relativize(p);
            } else {
                throw outside(field);
            }
        } else {
            rel = p;
        }
        List<String> names = new ArrayList<>();
        for (Path part : rel) {
            String s = part.toString();
            if (!s.isEmpty() && !s.equals(".")) {
                names.add(s);
            }
        }
        if (names.isEmpty()) {
            throw ActionException.validation("'" + field + "' names the files directory itself, not a file in it");
        }
        return names;
    }

    private ActionException outside(String field) {
        return ActionException.validation("'" + field + "' must name a file inside the files directory " + root
            + " (" + SETTING + "); paths outside it, and links leading out of it, are refused");
    }

    /**
     * Walks {@code names} from the root without following links, following a link by hand when its target is inside
     * the root. Returns the handle of the last directory, the last name and its attributes (null when it does not
     * exist and {@code mustExist} is false).
     */
    private Resolved resolve(String field, List<String> names, boolean mustExist) {
        List<String> pending = names;
        int links = 0;
        restart:
        while (true) {
            SecureDirectoryStream<Path> dir = openRoot(field);
            List<String> done = new ArrayList<>();
            try {
                for (int i = 0; i < pending.size(); i++) {
                    String name = pending.get(i);
                    boolean last = i == pending.size() - 1;
                    BasicFileAttributes a = attrs(dir, name);
                    if (a == null) {
                        if (last && !mustExist) {
                            return new Resolved(dir, done, name, null);
                        }
                        throw ActionException.validation("'" + field + "': " + display(done, name)
                            + (last ? " does not exist" : " is not an existing directory") + " in the files directory");
                    }
                    if (a.isSymbolicLink()) {
                        if (++links > MAX_LINKS) {
                            throw ActionException.validation("'" + field + "': too many symbolic links");
                        }
                        Path base = join(done);
                        Path target = base.resolve(Files.readSymbolicLink(base.resolve(name))).normalize();
                        if (!target.startsWith(root)) {
                            throw outside(field);
                        }
                        List<String> next = new ArrayList<>();
                        root.relativize(target).forEach(p -> {
                            if (!p.toString().isEmpty()) {
                                next.add(p.toString());
                            }
                        });
                        next.addAll(pending.subList(i + 1, pending.size()));
                        if (next.isEmpty()) {
                            throw ActionException.validation("'" + field
                                + "' names the files directory itself, not a file in it");
                        }
                        close(dir);
                        dir = null;
                        pending = next;
                        continue restart;
                    }
                    if (last) {
                        return new Resolved(dir, done, name, a);
                    }
                    if (!a.isDirectory()) {
                        throw ActionException.validation("'" + field + "': " + display(done, name)
                            + " is not a directory");
                    }
                    SecureDirectoryStream<Path> sub = dir.newDirectoryStream(Path.of(name), NOFOLLOW);
                    close(dir);
                    dir = sub;
                    done.add(name);
                }
                throw new IllegalStateException("no names");
            } catch (IOException e) {
                close(dir);
                throw ActionException.validation("'" + field + "': " + display(done, pending.get(pending.size() - 1))
                    + " changed while it was being opened, or cannot be read (" + e.getClass().getSimpleName() + ")");
            } catch (RuntimeException e) {
                close(dir);
                throw e;
            }
        }
    }

    private SecureDirectoryStream<Path> openRoot(String field) {
        try {
            return (SecureDirectoryStream<Path>) Files.newDirectoryStream(root);
        } catch (IOException | ClassCastException e) {
            throw ActionException.validation("'" + field + "': the files directory cannot be opened");
        }
    }

    private static BasicFileAttributes attrs(SecureDirectoryStream<Path> dir, String name) throws IOException {
        try {
            return dir.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private Path join(List<String> names) {
        Path p = root;
        for (String n : names) {
            p = p.resolve(n);
        }
        return p;
    }

    private String display(List<String> dirs, String name) {
        return join(dirs).resolve(name).toString();
    }

    private static FileChannel channel(SeekableByteChannel c) throws IOException {
        if (c instanceof FileChannel f) {
            return f;
        }
        c.close();
        throw new IOException("not a file channel");
    }

    private static void close(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // releasing a handle
        }
    }

    /** The outcome of a walk: the last directory's handle (owned), the names leading to it, the last name. */
    private final class Resolved implements AutoCloseable {
        final SecureDirectoryStream<Path> dir;
        final List<String> dirs;
        final String name;
        final BasicFileAttributes attrs;

        Resolved(SecureDirectoryStream<Path> dir, List<String> dirs, String name, BasicFileAttributes attrs) {
            this.dir = dir;
            this.dirs = List.copyOf(dirs);
            this.name = name;
            this.attrs = attrs;
        }

        String display() {
            return FilesRoot.this.display(dirs, name);
        }

        List<String> names() {
            List<String> all = new ArrayList<>(dirs);
            all.add(name);
            return all;
        }

        @Override
        public void close() {
            FilesRoot.close(dir);
        }
    }

    /** A checked file: every open walks its (link-free) names again from the root with O_NOFOLLOW. */
    private final class Readable implements LocalFile {
        private final String display;
        private final List<String> names;
        private final long size;

        Readable(String display, List<String> names, long size) {
            this.display = display;
            this.names = List.copyOf(names);
            this.size = size;
        }

        @Override
        public String name() {
            return display;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public FileChannel open() throws IOException {
            SecureDirectoryStream<Path> dir = (SecureDirectoryStream<Path>) Files.newDirectoryStream(root);
            try {
                for (int i = 0; i < names.size() - 1; i++) {
                    SecureDirectoryStream<Path> sub = dir.newDirectoryStream(Path.of(names.get(i)), NOFOLLOW);
                    dir.close();
                    dir = sub;
                }
                Path last = Path.of(names.get(names.size() - 1));
                BasicFileAttributes a = dir.getFileAttributeView(last, BasicFileAttributeView.class, NOFOLLOW)
                    .readAttributes();
                if (!a.isRegularFile()) {
                    throw new IOException(display + " is no longer a regular file");
                }
                Set<OpenOption> read = Set.of(StandardOpenOption.READ, NOFOLLOW);
                return channel(dir.newByteChannel(last, read));
            } catch (IOException e) {
                throw new IOException(display + " changed since it was checked and was not opened ("
                    + e.getClass().getSimpleName() + ")", e);
            } finally {
                dir.close();
            }
        }

        @Override
        public String toString() {
            return display;
        }
    }

    /** A temporary file in a held directory handle, renamed within that directory on commit. */
    private static final class Target implements NewLocalFile {
        private final String field;
        private final String display;
        private final SecureDirectoryStream<Path> dir;
        private final String name;
        private final String temp;
        private final FileChannel channel;
        private final boolean overwrite;
        private boolean committed;
        private boolean closed;

        Target(String field, String display, SecureDirectoryStream<Path> dir, String name, String temp,
               FileChannel channel, boolean overwrite) {
            this.field = field;
            this.display = display;
            this.dir = dir;
            this.name = name;
            this.temp = temp;
            this.channel = channel;
            this.overwrite = overwrite;
        }

        @Override
        public String name() {
            return display;
        }

        @Override
        public FileChannel channel() {
            return channel;
        }

        @Override
        public synchronized void commit() {
            if (committed || closed) {
                throw new IllegalStateException("already " + (committed ? "committed" : "closed"));
            }
            try {
                channel.close();
                BasicFileAttributes now = attrs(dir, name);
                if (now != null && (!overwrite || !now.isRegularFile())) {
                    throw new FileAlreadyExistsException(name);
                }
                dir.move(Path.of(temp), dir, Path.of(name));
                committed = true;
            } catch (IOException e) {
                discard();
                throw ActionException.validation("'" + field + "': " + display + " could not be put in place ("
                    + (e instanceof FileAlreadyExistsException ? "it appeared meanwhile" : e.getClass().getSimpleName())
                    + "); the partial file was removed");
            }
        }

        @Override
        public synchronized void discard() {
            FilesRoot.close(channel);
            if (committed) {
                return;
            }
            try {
                dir.deleteFile(Path.of(temp));
            } catch (IOException ignored) {
                // already gone, or the directory went away
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            if (!committed) {
                discard();
            }
            closed = true;
            FilesRoot.close(dir);
        }
    }
}
