package uk.apprenticeships.st1398.platform.client;

/**
 * Another service refused a call with a 4xx status. The calling wrapper decides what that means for its own caller
 * (a 404 is often "no such record"); left unhandled it becomes a {@code 502 downstream-rejected} problem.
 */
public class DownstreamRejected extends RuntimeException {

    private final String downstream;
    private final int status;

    public DownstreamRejected(String downstream, int status) {
        super(downstream + " answered " + status, null, false, false);
        this.downstream = downstream;
        this.status = status;
    }

    public String downstream() {
        return downstream;
    }

    public int status() {
        return status;
    }
}
