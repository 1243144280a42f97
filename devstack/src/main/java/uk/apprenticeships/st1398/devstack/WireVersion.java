package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoVersion;
import java.util.List;

/**
 * The server version the MongoDB wire server reports in {@code hello} / {@code buildInfo}.
 *
 * <p>mongo-java-server 1.47.0 reports {@code maxWireVersion} 8 (MongoDB 4.2) with the version string 5.0.0, and 8
 * is exactly the minimum the MongoDB Java driver 5.x accepts ({@code ServerDescription.MIN_DRIVER_WIRE_VERSION}).
 * The next driver that raises its minimum would refuse the server (pymongo 4.18 already does). The stack therefore
 * reports {@link #DEFAULT}: 13, MongoDB 5.0's real wire version, which matches the version string the library
 * reports and the 5.0 command set it implements (the driver only gates optional features on 9 and above, such as
 * {@code let}, {@code hint} on deletes and {@code comment}). Change it with {@code --mongo-wire-version N} (or
 * {@code STACK_MONGO_WIRE_VERSION} for {@code ./stack}); {@code DevInfraWireVersionTest} fails when the driver on the
 * classpath needs more than the default.
 */
record WireVersion(int wireVersion, List<Integer> versionArray) implements MongoVersion {

    /** MongoDB 5.0's wire version. */
    static final int DEFAULT = 13;

    static WireVersion of(int wireVersion) {
        if (wireVersion < 0) {
            throw new IllegalArgumentException("wire version must be >= 0, was " + wireVersion);
        }
        return new WireVersion(wireVersion, serverVersionFor(wireVersion));
    }

    /** The MongoDB release that introduced a wire version (so the version string and the wire version agree). */
    static List<Integer> serverVersionFor(int wireVersion) {
        if (wireVersion <= 6) {
            return List.of(3, 6, 0);
        }
        return switch (wireVersion) {
            case 7 -> List.of(4, 0, 0);
            case 8 -> List.of(4, 2, 0);
            case 9 -> List.of(4, 4, 0);
            case 10, 11, 12, 13 -> List.of(5, 0, 0);
            case 14, 15, 16, 17 -> List.of(6, 0, 0);
            case 18, 19, 20, 21 -> List.of(7, 0, 0);
            default -> List.of(8, 0, 0);
        };
    }

    @Override
    public List<Integer> getVersionArray() {
        return versionArray;
    }

    @Override
    public int getWireVersion() {
        return wireVersion;
    }
}
