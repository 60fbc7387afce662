package com.hiwar.moderation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Links hold a comment for review, unless every one points to an allowed domain. */
public final class LinkRule extends ModerationRule.Named {

    // Bare domains count only with a known top-level domain, so "Mr.Smith" is not a link.
    private static final Set<String> TLDS = Set.of("com", "net", "org", "info", "biz", "io", "co", "me", "tv", "ly",
            "gl", "ws", "xyz", "top", "site", "online", "store", "shop", "app", "dev", "ai", "link", "click", "live",
            "news", "gov", "edu", "eg", "sa", "ae", "kw", "qa", "bh", "om", "jo", "lb", "ma", "dz", "tn", "iq", "sy",
            "ps", "ye", "sd", "uk", "us", "de", "fr", "ru", "cn", "in", "ir", "tr", "to", "cc", "gg", "su", "pw", "bit");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,24})\\b(?:/[^\\s<>\"]*)?");

    private final List<String> allowed;

    public LinkRule(List<String> allowedDomains) {
        super("links", true);
        this.allowed = allowedDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }



    @Override
    public Verdict evaluate(Submission submission) {
        if (!mayHoldLink(submission.body())) {
            return Verdict.PUBLISH;
        }
        List<Reason> reasons = new ArrayList<>();
        Matcher m = URL.matcher(submission.body());
        while (m.find()) {
            String link = m.group();
            if (m.group(1) != null && !TLDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                continue;
            }
            String host = host(link);
            if (allowed.stream().noneMatch(d -> host.equals(d) || host.endsWith("." + d))) {
                reasons.add(new Reason(name(), "link", "Link to " + host, link, m.start(), m.end()));
            }
        }
        return Verdict.of(Decision.PENDING, reasons);
    }

    /** A link needs a dot between ASCII letters or digits; most comments have none, and skip the regex. */
    private static boolean mayHoldLink(String body) {
        for (int i = body.indexOf('.'); i > 0 && i < body.length() - 1; i = body.indexOf('.', i + 1)) {
            if (isAsciiAlnum(body.charAt(i - 1)) && isAsciiAlnum(body.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static String host(String link) {
        String h = link.replaceFirst("(?i)^https?://", "");
        int end = h.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = h.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        h = h.substring(0, end).toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
