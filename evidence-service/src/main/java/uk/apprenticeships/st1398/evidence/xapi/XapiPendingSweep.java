package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Statements about an actor that was unknown when they arrived wait ({@code PENDING_ACTOR}); an enrolment or a
 * tutor's link converts them at once. This sweep catches every other way an actor becomes known (an apprentice
 * record gaining a learner reference, a link made on another replica that failed half-way): each run it takes the
 * distinct actor keys of the waiting statements, per provider, and converts those of actors that now resolve.
 * Its cost grows with the number of distinct unknown actors, not of statements.
 */
@ApplicationScoped
public class XapiPendingSweep {

    private final StatementStore store;
    private final XapiActors actors;
    private final XapiEvidence evidence;

    public XapiPendingSweep(StatementStore store, XapiActors actors, XapiEvidence evidence) {
        this.store = store;
        this.actors = actors;
        this.evidence = evidence;
    }

    @Scheduled(
            identity = "xapi-pending-sweep",
            every = "${evidence.xapi.pending-sweep-interval:PT5M}",
            delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Converts the waiting statements of every actor that resolves now; the number of actors resolved. */
    public int sweep() {
        int resolved = 0;
        for (String provider : store.providersWithPending()) {
            for (String key : store.pendingActorKeys(provider)) {
                var apprentice = actors.resolveKey(provider, key);
                if (apprentice.isPresent()) {
                    evidence.onLinked(apprentice.get(), List.of(key));
                    resolved++;
                }
            }
        }
        if (resolved > 0) {
            Log.infof("xAPI: %d actors became known; their waiting statements were converted", resolved);
        }
        return resolved;
    }
}
