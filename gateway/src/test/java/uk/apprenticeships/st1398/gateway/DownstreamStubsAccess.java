package uk.apprenticeships.st1398.gateway;

/** What other test packages may ask of the stubbed services. */
public final class DownstreamStubsAccess {

    private DownstreamStubsAccess() {}

    /** How many requests the stubbed services have answered so far. */
    public static int served() {
        return DownstreamStubs.server.getAllServeEvents().size();
    }
}
