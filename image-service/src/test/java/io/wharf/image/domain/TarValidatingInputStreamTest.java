package io.wharf.image.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TarValidatingInputStreamTest {

    private static byte[] walk(byte[] tar) throws IOException {
        try (InputStream in = new TarValidatingInputStream(new ByteArrayInputStream(tar))) {
            return in.readAllBytes();
        }
    }

    private static String failure(byte[] tar) {
        return assertThrows(TarFormatException.class, () -> walk(tar)).getMessage();
    }

    @Test
    void passesAGoodArchiveThroughUnchanged() throws IOException {
        byte[] tar = new TarBuilder().dir("./").dir("./bin/").file("./bin/hello", "hello world\n")
                .link("./bin/sh", '2', "/bin/busybox").link("./bin/hard", '1', "bin/hello").end().bytes();
        assertArrayEquals(tar, walk(tar));
    }

    @Test
    void countsEntries() throws IOException {
        byte[] tar = new TarBuilder().file("a", "1").file("b", "2").end().bytes();
        TarValidatingInputStream in = new TarValidatingInputStream(new ByteArrayInputStream(tar));
        in.readAllBytes();
        assertEquals(2, in.entries());
    }

    @Test
    void readsByteByByteToo() throws IOException {
        byte[] tar = new TarBuilder().file("a", "x".repeat(700)).end().bytes();
        InputStream in = new TarValidatingInputStream(new ByteArrayInputStream(tar));
        int count = 0;
        while (in.read() >= 0) {
            count++;
        }
        assertEquals(tar.length, count);
    }

    @Test
    void acceptsAnArchiveWithoutEndMarkerOrWithTrailingPadding() throws IOException {
        byte[] noTrailer = new TarBuilder().file("a", "1").bytes();
        assertArrayEquals(noTrailer, walk(noTrailer));
        byte[] padded = Arrays.copyOf(new TarBuilder().file("a", "1").end().bytes(), 10240);
        assertArrayEquals(padded, walk(padded));
    }

    @Test
    void rejectsATruncatedEntry() {
        byte[] tar = new TarBuilder().file("a", "x".repeat(2000)).end().bytes();
        assertTrue(failure(Arrays.copyOf(tar, 1200)).contains("truncated"));
    }

    @Test
    void rejectsATruncatedHeader() {
        byte[] tar = new TarBuilder().file("a", "1").file("b", "2").end().bytes();
        assertTrue(failure(Arrays.copyOf(tar, 1024 + 100)).contains("truncated"));
    }

    @Test
    void rejectsSomethingThatIsNotATar() {
        assertTrue(failure("hello\n".getBytes()).contains("not a tar archive"));
        byte[] junk = new byte[4096];
        Arrays.fill(junk, (byte) 'x');
        assertTrue(failure(junk).contains("checksum"));
    }

    @Test
    void rejectsACorruptHeaderChecksum() {
        byte[] tar = new TarBuilder().file("a", "1").end().bytes();
        tar[10] = 'Z';
        assertTrue(failure(tar).contains("checksum mismatch at offset 0"));
    }

    @Test
    void rejectsParentDirectoryComponents() {
        assertTrue(failure(new TarBuilder().file("../evil", "x").end().bytes()).contains("\"../evil\" escapes"));
        assertTrue(failure(new TarBuilder().file("a/../../evil", "x").end().bytes()).contains("escapes"));
        assertTrue(failure(new TarBuilder().dir("..").end().bytes()).contains("escapes"));
    }

    @Test
    void allowsDotsThatAreNotParentComponents() throws IOException {
        byte[] tar = new TarBuilder().file("a/..b/c..", "x").file("./x", "y").end().bytes();
        assertArrayEquals(tar, walk(tar));
    }

    @Test
    void rejectsAbsolutePaths() {
        assertTrue(failure(new TarBuilder().file("/etc/passwd", "x").end().bytes()).contains("absolute"));
    }

    @Test
    void rejectsLinksOutOfTheRootButNotAbsoluteSymlinks() throws IOException {
        assertTrue(failure(new TarBuilder().link("h", '1', "../../etc/shadow").end().bytes()).contains("hard link"));
        assertTrue(failure(new TarBuilder().link("s", '2', "../../etc/shadow").end().bytes()).contains("outside the layer"));
        byte[] symlink = new TarBuilder().link("s", '2', "/etc/shadow").end().bytes(); // resolved inside the rootfs
        assertArrayEquals(symlink, walk(symlink));
    }

    @Test
    void appliesPaxPathAndSize() throws IOException {
        assertTrue(failure(new TarBuilder().pax("path", "../evil").file("innocent", "x").end().bytes())
                .contains("../evil"));
        String longName = "d/".repeat(80) + "file";
        byte[] ok = new TarBuilder().pax("path", longName).file("short", "data").end().bytes();
        assertArrayEquals(ok, walk(ok));
    }

    @Test
    void appliesGnuLongNames() {
        assertTrue(failure(new TarBuilder().gnuLongName("x/" + "../".repeat(40) + "evil").file("ok", "x").end()
                .bytes()).contains("escapes"));
    }

    @Test
    void rejectsAHeaderAfterASingleZeroBlock() {
        byte[] first = new TarBuilder().file("a", "1").bytes();
        byte[] second = new TarBuilder().file("b", "2").end().bytes();
        byte[] tar = new byte[first.length + 512 + second.length];
        System.arraycopy(first, 0, tar, 0, first.length);
        System.arraycopy(second, 0, tar, first.length + 512, second.length);
        assertTrue(failure(tar).contains("after a zero block"));
    }

    @Test
    void rejectsAMalformedPaxRecord() {
        byte[] tar = new TarBuilder().pax("path", "ok").file("a", "1").end().bytes();
        tar[512] = '9'; // the record length no longer matches
        assertThrows(TarFormatException.class, () -> walk(tar));
    }
}
