package uk.apprenticeships.st1398.devstack;

import java.util.concurrent.CountDownLatch;

/** For the tests: a monitor held by a thread of its own, as a command under way holds it. */
final class HeldMonitor {

    private HeldMonitor() {}

    /** Starts a thread that takes the monitor, counts {@code held} down and keeps it until {@code release}. */
    static Thread hold(Object monitor, CountDownLatch held, CountDownLatch release) {
        Thread holder = new Thread(() -> {
            synchronized (monitor) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        holder.start();
        return holder;
    }
}
