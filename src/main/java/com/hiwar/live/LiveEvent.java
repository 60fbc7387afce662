package com.hiwar.live;

/** An event as streamed: its history id ("millis-seq"), its type, and its JSON data. */
record LiveEvent(String id, String type, String json) {

    /** The SSE frame. JSON never holds a raw newline, so data fits one line. */
    String frame() {
        return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
    }

    /** Stream ids order by time, then sequence. */
    static int compare(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a, 0, dashA, 10), Long.parseLong(b, 0, dashB, 10));
        return byTime != 0 ? byTime
                : Long.compare(Long.parseLong(a, dashA + 1, a.length(), 10), Long.parseLong(b, dashB + 1, b.length(), 10));
    }

    static boolean isId(String s) {
        return s != null && s.matches("\\d{1,19}-\\d{1,19}");
    }
}
