package com.hiwar.support;

/** Load and fault tests' threads: daemons (a stuck one never holds the test JVM) and an uninterrupted sleep. */
public final class Background {

    private Background() {}

    public static Thread daemon(Runnable work) {
        Thread t = new Thread(work);
        t.setDaemon(true);
        t.start();
        return t;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
