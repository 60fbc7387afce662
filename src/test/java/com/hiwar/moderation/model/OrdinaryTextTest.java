package com.hiwar.moderation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ordinary-text corpus the model trains on as "not offensive": what ships is ordinary and
 * never an evaluation row, and the builder reads the translation formats it comes from.
 */
class OrdinaryTextTest {

    @Test
    void theShippedCorpusIsOrdinaryTextAndSharesNoLineWithTheNewsEvaluation() throws Exception {
        List<Example> rows = OrdinaryText.examples();
        assertTrue(rows.size() > 20_000, "rows: " + rows.size());
        assertTrue(rows.stream().noneMatch(Example::offensive));
        assertTrue(rows.stream().allMatch(e -> e.source().equals(OrdinaryText.SOURCE)));
        Set<String> corpus = rows.stream().map(e -> squash(e.text())).collect(Collectors.toSet());
        List<String> news = Files.readAllLines(Path.of("bench/benign-news.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(news.size() > 100);
        for (String line : news) {
            assertFalse(corpus.contains(squash(line)), "an evaluation sentence is in the training corpus: " + line);
        }
    }

    @Test
    void theBuilderKeepsSentencesAndDropsTheSoftwaresMarkup() {
        TreeSet<String> kept = new TreeSet<>();
        OrdinaryTextBuild.keep("تعذّر فتح الملف {name} لأنه غير موجود", kept);
        OrdinaryTextBuild.keep("<b>حذف</b> %s &brandShortName; من الجهاز الآن", kept);
        OrdinaryTextBuild.keep("one إشارة مرجعية واحدة} other إشارات مرجعية كثيرة", kept);
        OrdinaryTextBuild.keep("\u202bحفظ\u202c", kept); // too short to be a sentence
        OrdinaryTextBuild.keep("Save the file as a copy", kept); // not Arabic
        assertEquals(new TreeSet<>(Set.of("تعذّر فتح الملف لأنه غير موجود", "حذف من الجهاز الآن",
                "إشارة مرجعية واحدة إشارات مرجعية كثيرة")), kept);
    }

    @Test
    void theBuilderReadsGettextCataloguesAndChromiumPacks() {
        byte[] mo = mo(List.of("Open", "Close"), List.of("افتح الملف", "أغلق النافذة\0أغلق النوافذ"));
        assertEquals(List.of("افتح الملف", "أغلق النافذة", "أغلق النوافذ"), OrdinaryTextBuild.mo(mo));

        byte[] pak = pak(List.of("ابحث في الويب".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertEquals(List.of("ابحث في الويب"), OrdinaryTextBuild.pak(pak), "binary resources are skipped");
    }

    private static String squash(String s) {
        return s.replaceAll("[\\p{P}\\s]+", " ").strip();
    }

    /** A little-endian gettext catalogue: header, the two string tables, then the strings. */
    private static byte[] mo(List<String> originals, List<String> translations) {
        int n = originals.size(), tables = 28, strings = tables + 16 * n;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(strings).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x950412de).putInt(0).putInt(n).putInt(tables).putInt(tables + 8 * n).putInt(0).putInt(0);
        for (List<String> table : List.of(originals, translations)) {
            for (String s : table) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                b.putInt(bytes.length).putInt(strings + text.size());
                text.writeBytes(bytes);
                text.write(0);
            }
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(b.array());
        all.writeBytes(text.toByteArray());
        return all.toByteArray();
    }

    /** A format-5 pak: version, encoding, counts, then (id, offset) entries with a sentinel, then the data. */
    private static byte[] pak(List<byte[]> resources) {
        int count = resources.size(), data = 12 + 6 * (count + 1);
        ByteBuffer b = ByteBuffer.allocate(data + resources.stream().mapToInt(r -> r.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(5).put((byte) 1).put(new byte[3]).putShort((short) count).putShort((short) 0);
        int offset = data;
        for (int i = 0; i < count; i++) {
            b.putShort((short) (i + 1)).putInt(offset);
            offset += resources.get(i).length;
        }
        b.putShort((short) 0).putInt(offset);
        resources.forEach(b::put);
        return b.array();
    }
}
