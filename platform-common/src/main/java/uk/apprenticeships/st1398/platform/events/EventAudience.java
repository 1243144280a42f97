package uk.apprenticeships.st1398.platform.events;

import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.Roles;

/**
 * Who may see an event: the reader's tenant keys, taken from its token when it subscribes or reads the feed, matched
 * against the event's {@link DomainEvent.Scope} by the rules the services' own reads apply: admins and regulators
 * see every event; tutors and a provider's LMS client their provider's; employers their own apprentices'; assessors
 * their assessment organisation's; an apprentice their own (ULN). Events with a public scope (the standards
 * catalogue) are seen by every reader.
 *
 * @param all sees every tenant's events
 */
public record EventAudience(boolean all, String providerUkprn, String employerId, String epaoId, String uln) {

    /** The audience a caller is; throws 403 {@code tenant-claim-missing} when a scoped role lacks its claim. */
    public static EventAudience of(Caller caller) {
        if (caller.seesEverything()) {
            return new EventAudience(true, null, null, null, null);
        }
        return new EventAudience(
                false,
                caller.isProviderStaff() ? caller.requireProviderUkprn() : null,
                caller.has(Roles.EMPLOYER) ? caller.requireEmployerId() : null,
                caller.has(Roles.ASSESSOR) ? caller.requireEpaoId() : null,
                caller.has(Roles.APPRENTICE) ? caller.requireUln() : null);
    }

    public boolean sees(DomainEvent.Scope scope) {
        if (all || scope.isPublic()) {
            return true;
        }
        return matches(providerUkprn, scope.providerUkprn())
                || matches(employerId, scope.employerId())
                || matches(epaoId, scope.epaoId())
                || matches(uln, scope.uln());
    }

    private static boolean matches(String mine, String theirs) {
        return mine != null && mine.equals(theirs);
    }
}
