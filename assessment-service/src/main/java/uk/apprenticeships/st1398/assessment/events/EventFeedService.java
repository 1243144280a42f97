package uk.apprenticeships.st1398.assessment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventAudience;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;

/**
 * The change feed: the event log in position order, filtered to what the reader may see (the same rule as webhook
 * subscriptions, {@link EventAudience}) and to the types asked for, paged by an opaque cursor.
 */
@ApplicationScoped
public class EventFeedService {

    private static final String CURSOR_PREFIX = "p1:";

    @Schema(description = "A page of the change feed")
    public record EventPage(
            @Schema(description = "Events after the cursor, oldest first")
            List<DomainEvent> events,

            @Schema(
                    description =
                            "Pass as ?after= to read on; also when no events were returned (it may have moved past"
                                    + " events you may not see)")
            String next,

            @Schema(description = "Whether more events are already waiting after next")
            boolean hasMore) {}

    private final EntityManager em;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public EventFeedService(EntityManager em, CurrentCaller caller, ObjectMapper json) {
        this.em = em;
        this.caller = caller;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EventPage read(String after, List<String> types, int limit) {
        Caller me = caller.get();
        EventAudience audience = EventAudience.of(me);
        long pruned = ((Number) em.createNativeQuery("select pruned_through from event_log_pruned where id = 1")
                        .getSingleResult())
                .longValue();
        // Without a cursor the feed starts at the oldest event retained.
        long from = after == null ? pruned : position(after);
        if (from < pruned) {
            throw ApiException.of(
                            EventError.CURSOR_EXPIRED,
                            "Events up to position " + pruned + " passed the retention period; read the feed from"
                                    + " the start (no after) and reconcile with the lists.")
                    .with("after", after);
        }
        long head = ((Number) em.createNativeQuery("select coalesce(max(position), 0) from event_log")
                        .getSingleResult())
                .longValue();
        StringBuilder sql = new StringBuilder(
                "select position, body from event_log where position > :from and position" + " <= :head");
        List<String> typeList = types == null || types.isEmpty() ? null : WebhookService.types(types);
        if (typeList != null) {
            sql.append(" and type in (:types)");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        if (!audience.all()) {
            StringBuilder mine = new StringBuilder(
                    "provider_ukprn is null and employer_id is null and epao_id is null and uln is null");
            keys.put("provider_ukprn", audience.providerUkprn());
            keys.put("employer_id", audience.employerId());
            keys.put("epao_id", audience.epaoId());
            keys.put("uln", audience.uln());
            keys.values().removeIf(java.util.Objects::isNull);
            keys.keySet()
                    .forEach(column ->
                            mine.append(" or ").append(column).append(" = :").append(column));
            sql.append(" and (owner_subject = :me or owner_subject is null and (")
                    .append(mine)
                    .append("))");
        } else {
            sql.append(" and (owner_subject is null or owner_subject = :me)");
        }
        sql.append(" order by position limit :limit");
        Query query = em.createNativeQuery(sql.toString())
                .setParameter("from", from)
                .setParameter("head", head)
                .setParameter("me", me.subject())
                .setParameter("limit", limit + 1);
        if (typeList != null) {
            query.setParameter("types", typeList);
        }
        keys.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<DomainEvent> events = new ArrayList<>();
        long last = head;
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            events.add(read((String) row[1]));
            last = ((Number) row[0]).longValue();
        }
        return new EventPage(events, cursor(more ? last : Math.max(head, from)), more);
    }

    static String cursor(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    static long position(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long position = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw ApiException.of(
                        EventError.CURSOR_INVALID,
                        "The cursor '" + cursor + "' is not one this feed gave; use the next of a previous page.")
                .with("after", cursor);
    }

    private DomainEvent read(String body) {
        try {
            return json.readValue(body, DomainEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
