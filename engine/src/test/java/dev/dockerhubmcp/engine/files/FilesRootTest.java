package dev.dockerhubmcp.engine.files;

import dev.dockerhubmcp.api.files.LocalFile;

import dev.dockerhubmcp.api.ActionException;
import dev.dockerhubmcp.api.ErrorType;
import dev.dockerhubmcp.api.files.LocalFiles;
import dev.dockerhubmcp.api.files.NewLocalFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilesRootTest {
    @TempDir
    Path tmp;
    Path root;
    Path outside;
    FilesRoot files;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        files = FilesRoot.of(root);
    }

    private static String refused(Executable call, String field) {
        ActionException e = assertThrows(ActionException.class, call);
        assertEquals(ErrorType.VALIDATION, e.error().type());
        assertTrue(e.error().message().startsWith("'" + field + "'"), e.error().message());
        return e.error().message();
    }

    private static byte[] readAll(LocalFile f) throws IOException {
        try (FileChannel c = f.open()) {
            ByteBuffer b = ByteBuffer.allocate((int) c.size());
            while (b.hasRemaining() && c.read(b) >= 0) {
                // read on
            }
            return b.array();
        }
    }

    private static void write(NewLocalFile f, String text) throws IOException {
        f.channel().write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void withoutADirectoryEveryPathIsRefusedNamingTheSetting() {
        String m = refused(() -> FilesRoot.OFF.read("source_path", "a.bin"), "source_path");
        assertTrue(m.contains("DOCKERHUB_FILES_DIR"), m);
        m = refused(() -> FilesRoot.OFF.create("output_path", tmp.resolve("x").toString(), true), "output_path");
        assertTrue(m.contains("DOCKERHUB_FILES_DIR"), m);
        assertFalse(Files.exists(tmp.resolve("x")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> FilesRoot.of(tmp.resolve("missing")));
        assertTrue(bad.getMessage().contains("DOCKERHUB_FILES_DIR"), bad.getMessage());
    }

    @Test
    void relativeAndAbsolutePathsInsideTheRootWork() throws IOException {
        Files.createDirectories(root.resolve("d"));
        Files.writeString(root.resolve("d/in.txt"), "hello");
        LocalFile rel = files.read("source_path", "d/in.txt");
        assertEquals(5, rel.size());
        assertEquals(root.toRealPath().resolve("d/in.txt").toString(), rel.name());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), readAll(rel));
        assertEquals(5, files.read("source_path", root.resolve("./d/in.txt").toString()).size());

        try (NewLocalFile out = files.create("output_path", "d/out.txt", false)) {
            write(out, "written");
            List<String> during = list(root.resolve("d"));
            assertTrue(during.stream().anyMatch(n -> n.startsWith(".out.txt.partial-")), during.toString());
            out.commit();
        }
        assertEquals("written", Files.readString(root.resolve("d/out.txt")));
        assertEquals(List.of("in.txt", "out.txt"), list(root.resolve("d")));
    }

    @Test
    void anExistingFileIsReplacedOnlyWithOverwriteAndAnUncommittedOneLeavesNothing() throws IOException {
        Files.writeString(root.resolve("f.txt"), "old");
        String m = refused(() -> files.create("output_path", "f.txt", false), "output_path");
        assertTrue(m.contains("exists"), m);
        try (NewLocalFile out = files.create("output_path", "f.txt", true)) {
            write(out, "new");
        }
        assertEquals("old", Files.readString(root.resolve("f.txt")));
        assertEquals(List.of("f.txt"), list(root));
        try (NewLocalFile out = files.create("output_path", "f.txt", true)) {
            write(out, "new");
            out.commit();
        }
        assertEquals("new", Files.readString(root.resolve("f.txt")));
        refused(() -> files.create("output_path", ".", true), "output_path");
        Files.createDirectories(root.resolve("dir"));
        refused(() -> files.create("output_path", "dir", true), "output_path");
        refused(() -> files.read("source_path", "dir"), "source_path");
    }

    @Test
    void dotDotIsRefusedEvenWhenItWouldStayInside() throws IOException {
        Files.createDirectories(root.resolve("d"));
        for (String p : List.of("../outside/secret.txt", "d/../../outside/x.bin", "d/../f.txt",
            root + "/../outside/secret.txt")) {
            String m = refused(() -> files.create("output_path", p, true), "output_path");
            assertTrue(m.contains(".."), m);
            refused(() -> files.read("source_path", p), "source_path");
        }
        assertEquals(List.of("secret.txt"), list(outside));
    }

    @Test
    void absolutePathsOutsideAreRefusedWithoutSayingWhetherTheyExist() throws IOException {
        String existing = refused(() -> files.read("source_path", outside.resolve("secret.txt").toString()),
            "source_path");
        String missing = refused(() -> files.read("source_path", outside.resolve("nope.txt").toString()),
            "source_path");
        assertEquals(existing, missing);
        assertEquals(existing, refused(() -> files.read("source_path", "/etc/passwd"), "source_path"));
        String write = refused(() -> files.create("output_path", outside.resolve("secret.txt").toString(), false),
            "output_path");
        assertEquals(write, refused(() -> files.create("output_path", outside.resolve("new.bin").toString(), true),
            "output_path"));
        assertFalse(write.contains("exists"), write);
        assertEquals(List.of("secret.txt"), list(outside));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
    }

    @Test
    void aLinkLeadingOutIsRefusedForTheFileAndForAParent() throws IOException {
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling.txt"), outside.resolve("nope.txt"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../outside"));
        String file = refused(() -> files.read("source_path", "link.txt"), "source_path");
        assertEquals(file, refused(() -> files.read("source_path", "dangling.txt"), "source_path"));
        refused(() -> files.create("output_path", "link.txt", true), "output_path");
        refused(() -> files.create("output_path", "dangling.txt", true), "output_path");
        refused(() -> files.read("source_path", "up/secret.txt"), "source_path");
        refused(() -> files.create("output_path", "up/new.bin", true), "output_path");
        refused(() -> files.create("output_path", root.resolve("up/secret.txt").toString(), true), "output_path");
        assertEquals(List.of("secret.txt"), list(outside));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        assertFalse(Files.exists(outside.resolve("nope.txt")));
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws IOException {
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/a.txt"), "inside");
        Files.createSymbolicLink(root.resolve("alias"), Path.of("real"));
        Files.createSymbolicLink(root.resolve("a-link.txt"), root.resolve("real/a.txt"));
        assertArrayEquals("inside".getBytes(StandardCharsets.UTF_8), readAll(files.read("p", "alias/a.txt")));
        assertArrayEquals("inside".getBytes(StandardCharsets.UTF_8), readAll(files.read("p", "a-link.txt")));
        try (NewLocalFile out = files.create("output_path", "alias/b.txt", false)) {
            write(out, "b");
            out.commit();
        }
        assertEquals("b", Files.readString(root.resolve("real/b.txt")));
    }

    @Test
    void aFileSwappedForALinkAfterTheCheckIsNotOpened() throws IOException {
        Files.writeString(root.resolve("a.txt"), "checked");
        LocalFile checked = files.read("source_path", "a.txt");
        Files.delete(root.resolve("a.txt"));
        Files.createSymbolicLink(root.resolve("a.txt"), outside.resolve("secret.txt"));
        IOException e = assertThrows(IOException.class, checked::open);
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aParentSwappedForALinkAfterTheCheckIsNotFollowed() throws IOException {
        Files.createDirectories(root.resolve("d"));
        Files.writeString(root.resolve("d/secret.txt"), "mine");
        LocalFile checked = files.read("source_path", "d/secret.txt");
        Files.move(root.resolve("d"), root.resolve("d-moved"));
        Files.createSymbolicLink(root.resolve("d"), outside);
        assertThrows(IOException.class, checked::open);
    }

    @Test
    void aWriteStaysInTheDirectoryCheckedEvenWhenItIsSwappedForALink() throws IOException {
        Files.createDirectories(root.resolve("d"));
        try (NewLocalFile out = files.create("output_path", "d/out.bin", false)) {
            Files.move(root.resolve("d"), root.resolve("d-moved"));
            Files.createSymbolicLink(root.resolve("d"), outside);
            write(out, "data");
            out.commit();
        }
        assertEquals(List.of("secret.txt"), list(outside));
        assertEquals("data", Files.readString(root.resolve("d-moved/out.bin")));
    }

    @Test
    void nulBytesAndEmptyPathsAreValidationErrorsNamingTheField() {
        String m = refused(() -> files.read("source_path", "a\0b"), "source_path");
        assertTrue(m.contains("NUL"), m);
        refused(() -> files.create("output_path", "x\0", true), "output_path");
        refused(() -> files.create("output_path", " ", true), "output_path");
        refused(() -> files.read("source_path", "missing.bin"), "source_path");
        refused(() -> files.create("output_path", "no-dir/x.bin", true), "output_path");
    }
}
