/**
 * Text handling. {@link com.hiwar.text.TextSanitizer} cleans what is stored;
 * {@link com.hiwar.text.MatchNormalizer} folds text for matching word lists, never for storage
 * (the stored comment stays as written, and every match maps back to its span in it).
 *
 * <h2>Normalization rules for matching, and what covers each</h2>
 * <table>
 * <caption>Rules</caption>
 * <tr><th>rule</th><th>example</th><th>covered by</th></tr>
 * <tr><td>NFKC casefold</td><td>ＦＵＣＫ, 𝐟𝐮𝐜𝐤 → fuck</td><td>ICU4J {@code Normalizer2.getNFKCCasefoldInstance()}</td></tr>
 * <tr><td>Presentation forms</td><td>ﺣﻤﺎﺭ, ﻻ → حمار, لا</td><td>ICU4J NFKC (compatibility decomposition)</td></tr>
 * <tr><td>Tashkeel</td><td>حِمَار → حمار</td><td>Lucene {@code ArabicNormalizer}; ICU general category Mn</td></tr>
 * <tr><td>Quranic marks, superscript alef</td><td>U+06D6–06ED, U+0670</td><td>ICU general category Mn</td></tr>
 * <tr><td>Tatweel</td><td>حـــمار → حمار</td><td>Lucene {@code ArabicNormalizer}</td></tr>
 * <tr><td>Alef forms أ إ آ</td><td>أحمق → احمق</td><td>Lucene {@code ArabicNormalizer}</td></tr>
 * <tr><td>ٱ ؤ ئ ء</td><td>ٱ → ا, ؤ → و, ئ → ي, ء dropped</td><td>custom ({@code MatchNormalizer.foldArabic})</td></tr>
 * <tr><td>ى/ي and ة/ه</td><td>مرتضى, قحبة → قحبه</td><td>Lucene {@code ArabicNormalizer}</td></tr>
 * <tr><td>Persian and Urdu lookalikes</td><td>ی ک ہ ۀ ے → ي ك ه ه ي</td><td>Lucene {@code PersianNormalizer}; ھ ە ڪ ې custom</td></tr>
 * <tr><td>Arabic-Indic and Persian digits</td><td>٧ ۷ → 7</td><td>ICU4J {@code UCharacter.digit}</td></tr>
 * <tr><td>Zero-width and format characters</td><td>ZWJ, ZWNJ, ZWSP, LRM, soft hyphen</td><td>ICU4J Default_Ignorable_Code_Point and category Cf</td></tr>
 * <tr><td>Letters repeated</td><td>حماااار, fuuuck → حمار, fuck (digits keep theirs)</td><td>custom ({@code canonical})</td></tr>
 * <tr><td>Spaced or dotted letters</td><td>ح م ا ر, ح.م.ا.ر, f*u*c*k</td><td>custom ({@code joinSpelledOut}: two or more single letters in a row are one word)</td></tr>
 * <tr><td>Latin homoglyphs from Cyrillic, Greek, Armenian, Cherokee</td><td>fuсk (Cyrillic с)</td><td>ICU4J {@code SpoofChecker.getSkeleton} (UTS #39 confusables), kept only when it yields a Latin letter</td></tr>
 * <tr><td>Attached clitics و ف ب ل ك ال وال بال فال كال لل</td><td>والكلب → كلب</td><td>custom ({@code stripClitic}): a second pass over the text with one leading clitic removed; single letters only come off words of 3+ letters, so وسخ is not سخ</td></tr>
 * <tr><td>Arabizi digits (2 3 5 6 7 8 9)</td><td>7mar, 3ars, kol 5ra</td><td>custom ({@link com.hiwar.text.Arabizi}): Latin tokens and Arabic entries meet at an Arabic consonant skeleton; a match needs a letter-digit</td></tr>
 * <tr><td>Arabizi Latin spellings</td><td>sharmoota, sharmouta, charmouta</td><td>custom ({@code Arabizi.canonicalLatin}: ou/o → u, e → i, ch → sh)</td></tr>
 * </table>
 *
 * <p>Per-character rules are computed once into a table for the whole BMP at class load, so
 * normalizing costs one lookup per character. Lucene's {@code lucene-analysis-icu} is not
 * used: its filters wrap the same ICU normalizer, and our table keeps each character's offset.
 *
 * <p>Owns: no table.
 * <p>May use: problem.
 */
package com.hiwar.text;
