import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar of the packaged app (target/quarkus-app) with its entries stored, not
 * deflated. Quarkus' class loader reads each class's bytes at every start, the classes mapped
 * from the class-data archive too: inflating them was a tenth of the main thread's CPU before
 * ready (bench/README.md, start-up). The jars grow from about 80 to 190 MB on disk; nothing they
 * hold changes, and a jar already stored is left as it is.
 *
 * <p>Run by the build (pom.xml, package phase, after Quarkus'): {@code java src/build/StoreJars.java DIR}.
 */
public class StoreJars {

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/quarkus-app");
        List<Path> jars;
        try (Stream<Path> files = Files.walk(root)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        int rewritten = 0;
        long before = 0, after = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            if (store(jar)) {
                rewritten++;
            }
            after += Files.size(jar);
        }
        System.out.printf("StoreJars: %d of %d jars under %s stored uncompressed (%d -> %d MB)%n",
                rewritten, jars.size(), root, before >> 20, after >> 20);
    }

    /** Rewrites one jar with stored entries, in the same order; false when it had none deflated. */
    static boolean store(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".stored.tmp");
        FileTime modified = Files.getLastModifiedTime(jar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            if (entries.stream().noneMatch(e -> e.getMethod() == ZipEntry.DEFLATED)) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                out.setMethod(ZipOutputStream.STORED);
                if (zip.getComment() != null) {
                    out.setComment(zip.getComment());
                }
                for (ZipEntry e : entries) {
                    byte[] data;
                    try (InputStream in = zip.getInputStream(e)) {
                        data = in.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                    copy.setTime(e.getTime());
                    if (e.getExtra() != null) {
                        copy.setExtra(e.getExtra());
                    }
                    if (e.getComment() != null) {
                        copy.setComment(e.getComment());
                    }
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(tmp);
            throw ex;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(jar, modified);
        return true;
    }
}
