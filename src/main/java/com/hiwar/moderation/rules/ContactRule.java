package com.hiwar.moderation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact spam: phone numbers written in any digit script (٠١٠٠ ١٢٣ ٤٥٦٧, 0100-123-4567),
 * WhatsApp and Telegram links, and handles offered after those names.
 */
public final class ContactRule extends ModerationRule.Named {

    private static final Pattern MESSENGER = Pattern.compile(
            "(?iu)(?:t\\.me|telegram\\.me|wa\\.me|chat\\.whatsapp\\.com)/\\S+"
            + "|(?:telegram|whatsapp|tg|تليجرام|تلجرام|تيليجرام|تلغرام|تيليغرام|واتساب|واتس اب|واتس|وتساب)\\s*[:：\\-]?\\s*@[A-Za-z0-9_]{4,}");

    private final int minDigits;

    public ContactRule(int minDigits) {
        super("contact", true);
        this.minDigits = minDigits;
    }

    @Override
    public Verdict evaluate(Submission submission) {
        String body = submission.body();
        List<Reason> reasons = new ArrayList<>();
        Matcher m = MESSENGER.matcher(body);
        while ((body.indexOf('/') >= 0 || body.indexOf('@') >= 0) && m.find()) {
            reasons.add(new Reason(name(), "messenger", "Messenger contact", m.group(), m.start(), m.end()));
        }
        phones(body, reasons);
        return Verdict.of(Decision.PENDING, reasons);
    }

    /** 00000000000 or 1111111111 is emphasis or a placeholder, not a number to call. */
    private static long distinctDigits(String s) {
        return s.codePoints().filter(Character::isDigit).map(cp -> Character.digit(cp, 10)).distinct().count();
    }

    /** Character.isDigit, without its table lookup for the two scripts comments are written in. */
    private static boolean isDigit(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        if (cp >= 0x0600 && cp <= 0x06FF) {
            return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
        }
        return Character.isDigit(cp);
    }

    private static boolean isSeparator(int cp) {
        return cp == ' ' || cp == '-' || cp == '.' || cp == '(' || cp == ')' || cp == '+' || cp == '/' || cp == '\u00A0';
    }

    /** Runs of digits, with the separators people put in phone numbers, long enough to dial. */
    private void phones(String body, List<Reason> reasons) {
        int start = -1, end = -1, digits = 0;
        for (int i = 0; i <= body.length(); ) {
            int cp = i < body.length() ? body.charAt(i) : -1;
            if (cp >= 0 && Character.isHighSurrogate((char) cp)) {
                cp = body.codePointAt(i);
            }
            int next = cp < 0 ? i + 1 : i + Character.charCount(cp);
            if (cp >= 0 && isDigit(cp)) {
                if (start < 0) {
                    start = i;
                    digits = 0;
                }
                digits++;
                end = next;
            } else if (start >= 0 && isSeparator(cp) && i - end < 3) {
                // up to three separators between digit groups: "0100 - 123"
            } else {
                if (start >= 0 && digits >= minDigits && distinctDigits(body.substring(start, end)) >= 3) {
                    reasons.add(new Reason(name(), "phone", "Phone number", body.substring(start, end), start, end));
                }
                start = -1;
            }
            i = next;
        }
    }
}
