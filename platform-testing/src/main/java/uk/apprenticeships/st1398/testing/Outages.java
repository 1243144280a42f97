package uk.apprenticeships.st1398.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The outage controls of a running test resource ({@link MongoResource}, {@link PostgresResource}), registered with
 * the JVM's MBean server: the test and the resource may be loaded by different class loaders, so a static field would
 * not be shared between them.
 */
final class Outages {

    /** What a test may do to the running server. */
    public interface Outage {
        void stop();

        void restart();
    }

    private Outages() {}

    static void register(String resource, Outage outage) {
        try {
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = name(resource);
            if (mbeans.isRegistered(name)) {
                mbeans.unregisterMBean(name);
            }
            mbeans.registerMBean(new StandardMBean(outage, Outage.class), name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    static void unregister(String resource) {
        try {
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = name(resource);
            if (mbeans.isRegistered(name)) {
                mbeans.unregisterMBean(name);
            }
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls {@code stop} or {@code restart} on the running resource's controls. */
    static void control(String resource, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(name(resource), operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException(resource + " is not running", e);
        }
    }

    private static ObjectName name(String resource) throws JMException {
        return new ObjectName("uk.apprenticeships.st1398.testing:type=" + resource);
    }
}
