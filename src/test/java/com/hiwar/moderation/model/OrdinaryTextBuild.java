package com.hiwar.moderation.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;

/**
 * Builds the ordinary-text corpus ({@link OrdinaryText}) from unpacked Arabic translations
 * (bench/ordinary-text.sh): gettext catalogues ({@code .mo}), Mozilla language packs
 * ({@code .xpi}), Chromium's {@code ar.pak} and the Universal Declaration of Human Rights
 * ({@code arb.html}). Sorted and deduplicated, so the same inputs give the same bytes.
 *   OrdinaryTextBuild OUT.txt.gz DIR...
 */
public final class OrdinaryTextBuild {

    private static final Pattern ARABIC = Pattern.compile("[\\u0600-\\u06FF]");
    // Placeholders, markup, access keys and ICU plural selectors are the software's, not the language's.
    private static final Pattern NOISE = Pattern.compile(
            "\\{[^}]*\\}|%\\S+|\\$\\d|<[^>]+>|&[a-zA-Z.]+;|[~_{}#\"\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]|\\b(?:zero|one|two|few|many|other|=\\d+)\\b");
    private static final Pattern KEY_VALUE = Pattern.compile("\\s*[^#=]*?=\\s*(.*)");

    public static void main(String[] args) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> files = Files.walk(Path.of(args[i]))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    for (String text : texts(f)) {
                        for (String line : text.split("\n")) {
                            keep(line, lines);
                        }
                    }
                }
            }
        }
        try (var out = new GZIPOutputStream(Files.newOutputStream(Path.of(args[0])))) { // no timestamp: same bytes
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.printf("%s: %d lines%n", args[0], lines.size());
    }

    private static List<String> texts(Path f) throws IOException {
        String name = f.getFileName().toString();
        String path = f.toString().replace('\\', '/');
        if (name.endsWith(".mo") && path.contains("/ar/")) {
            return mo(Files.readAllBytes(f));
        }
        if (name.endsWith(".xpi") && name.contains("-ar@")) {
            return xpi(f);
        }
        if (name.equals("ar.pak")) {
            return pak(Files.readAllBytes(f));
        }
        if (name.equals("arb.html")) {
            String body = Jsoup.parse(f.toFile(), "UTF-8").body().wholeText();
            return List.of(body.replaceAll("(?<=[.؛:])\\s+", "\n"));
        }
        return List.of();
    }

    /** Every translation of a gettext catalogue, either byte order; plural forms are NUL-separated. */
    static List<String> mo(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x950412de) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        int n = b.getInt(8), table = b.getInt(16);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = b.getInt(table + 8 * i), offset = b.getInt(table + 8 * i + 4);
            out.addAll(List.of(new String(data, offset, length, StandardCharsets.UTF_8).split("\0")));
        }
        return out;
    }

    /** The values of a Mozilla language pack's Fluent and properties files. */
    private static List<String> xpi(Path f) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".ftl") || e.getName().endsWith(".properties") || e.getName().endsWith(".dtd")) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        var m = KEY_VALUE.matcher(line);
                        if (m.matches()) {
                            out.add(m.group(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The UTF-8 resources of a Chromium locale pack (format 5). */
    static List<String> pak(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 5) {
            throw new IllegalArgumentException("not a version 5 pak");
        }
        int count = Short.toUnsignedInt(b.getShort(8));
        List<String> out = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        for (int i = 0; i < count; i++) {
            int start = b.getInt(12 + 6 * i + 2), end = b.getInt(12 + 6 * (i + 1) + 2);
            try {
                out.add(decoder.decode(ByteBuffer.wrap(data, start, end - start)).toString());
            } catch (CharacterCodingException binary) {
                // images and other binary resources
            }
        }
        return out;
    }

    static void keep(String raw, TreeSet<String> into) {
        String s = NOISE.matcher(raw).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (ARABIC.matcher(s).results().limit(8).count() >= 8 && s.split(" ").length >= 3) {
            into.add(s);
        }
    }
}
