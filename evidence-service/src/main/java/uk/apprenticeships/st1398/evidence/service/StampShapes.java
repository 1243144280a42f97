package uk.apprenticeships.st1398.evidence.service;

import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;

/**
 * The stored documents' "who did it" fields before and after {@link StampDoc}: pure functions from a document as
 * stored (any shape) to the same document in the current shape. A document already in the current shape comes back
 * equal, so applying them twice changes nothing.
 *
 * <p>Before, a change recorded the token subject as a string and the time in a separate field (or, for the creator,
 * only the subject beside the document's {@code createdAt}). Now both are one subdocument, stored as the POJO codec
 * stores a {@link StampDoc}: {@code {subject, at}}, with the fields the old shape never had (display name, role, on
 * behalf of, request id) left out, which is how the codec stores nulls. The old fields are removed.
 *
 * <table>
 * <caption>Old field → new field, per collection</caption>
 * <tr><th>collection</th><th>old</th><th>new</th></tr>
 * <tr><td>apprentices</td><td>{@code statusHistory[].by, .at}</td><td>{@code statusHistory[].stamp}</td></tr>
 * <tr><td></td><td>{@code erasure.by, .startedAt}</td><td>{@code erasure.started}</td></tr>
 * <tr><td>apprentice_tombstones</td><td>{@code erasedBy, erasedAt}</td><td>{@code erased}</td></tr>
 * <tr><td>evidence</td><td>{@code createdBy} (string; time: {@code createdAt})</td><td>{@code createdBy}</td></tr>
 * <tr><td></td><td>{@code history[].by, .at}, {@code employerConfirmation.by, .at}, the same in
 * {@code revisions[].employerConfirmation}</td><td>{@code ….stamp}</td></tr>
 * <tr><td></td><td>{@code content.file.uploadedBy, .uploadedAt}, the same in {@code revisions[].content.file}</td>
 * <td>{@code ….uploaded}</td></tr>
 * <tr><td></td><td>{@code revisions[].supersededBy, .supersededAt}</td><td>{@code revisions[].superseded}</td></tr>
 * <tr><td>offTheJob</td><td>{@code createdBy} (string; time: {@code createdAt})</td><td>{@code createdBy}</td></tr>
 * <tr><td></td><td>{@code decidedBy, decidedAt}</td><td>{@code decided}</td></tr>
 * <tr><td>reviews</td><td>{@code createdBy} (string; time: {@code createdAt})</td><td>{@code createdBy}</td></tr>
 * <tr><td></td><td>{@code apprenticeSignOff|providerSignOff|employerSignOff.by, .at}</td>
 * <td>{@code ….subject, .at}</td></tr>
 * </table>
 *
 * <p>The audit trail ({@code audit_events}) is not here: its stored fields kept their shape (and its hashes cover
 * them). A value of an unexpected type (a subject that is not a string, a time that is not a date) is refused with an
 * IllegalArgumentException rather than carried into a document the service could not read.
 */
final class StampShapes {

    private static final List<String> SIGN_OFFS = List.of("apprenticeSignOff", "providerSignOff", "employerSignOff");

    private StampShapes() {}

    static BsonDocument apprentice(BsonDocument stored) {
        BsonDocument d = stored.clone();
        for (BsonDocument change : documents(d.get("statusHistory"))) {
            toStamp(change, "by", "at", "stamp");
        }
        if (d.get("erasure") instanceof BsonDocument erasure) {
            toStamp(erasure, "by", "startedAt", "started");
        }
        return d;
    }

    static BsonDocument tombstone(BsonDocument stored) {
        BsonDocument d = stored.clone();
        toStamp(d, "erasedBy", "erasedAt", "erased");
        return d;
    }

    static BsonDocument evidence(BsonDocument stored) {
        BsonDocument d = stored.clone();
        creator(d);
        for (BsonDocument step : documents(d.get("history"))) {
            step(step);
        }
        revisionParts(d);
        for (BsonDocument revision : documents(d.get("revisions"))) {
            toStamp(revision, "supersededBy", "supersededAt", "superseded");
            revisionParts(revision);
        }
        return d;
    }

    static BsonDocument offTheJobEntry(BsonDocument stored) {
        BsonDocument d = stored.clone();
        creator(d);
        toStamp(d, "decidedBy", "decidedAt", "decided");
        return d;
    }

    static BsonDocument review(BsonDocument stored) {
        BsonDocument d = stored.clone();
        creator(d);
        for (String party : SIGN_OFFS) {
            // {by, at} → {subject, at}: the sign-off itself becomes the stamp.
            if (d.get(party) instanceof BsonDocument signOff && signOff.containsKey("by")) {
                BsonDocument stamp = stamp(signOff.remove("by"), signOff.remove("at"));
                stamp.putAll(signOff);
                d.put(party, stamp);
            }
        }
        return d;
    }

    /** The parts an evidence item and each of its superseded revisions have: the confirmation and the file. */
    private static void revisionParts(BsonDocument d) {
        if (d.get("employerConfirmation") instanceof BsonDocument confirmation) {
            step(confirmation);
        }
        if (d.get("content") instanceof BsonDocument content && content.get("file") instanceof BsonDocument file) {
            toStamp(file, "uploadedBy", "uploadedAt", "uploaded");
        }
    }

    private static void step(BsonDocument step) {
        toStamp(step, "by", "at", "stamp");
    }

    /** {@code createdBy} was the subject alone; the time was (and still is) {@code createdAt}. */
    private static void creator(BsonDocument d) {
        BsonValue by = d.get("createdBy");
        if (by != null && by.isString()) {
            d.put("createdBy", stamp(by, d.get("createdAt")));
        }
    }

    /**
     * Moves the old subject and time fields of {@code d} into a stamp named {@code stampField}. A stamp already there
     * wins (the old fields are only removed); with neither old value set no stamp is made.
     */
    private static void toStamp(BsonDocument d, String byField, String atField, String stampField) {
        if (!d.containsKey(byField) && !d.containsKey(atField)) {
            return;
        }
        BsonDocument stamp = stamp(d.remove(byField), d.remove(atField));
        if (!d.containsKey(stampField) && !stamp.isEmpty()) {
            d.put(stampField, stamp);
        }
    }

    /** A stamp as the codec stores one with only the subject and the time set. */
    static BsonDocument stamp(BsonValue subject, BsonValue at) {
        BsonDocument stamp = new BsonDocument();
        if (subject != null && !subject.isNull()) {
            require(subject, BsonType.STRING, "subject");
            stamp.put("subject", subject);
        }
        if (at != null && !at.isNull()) {
            require(at, BsonType.DATE_TIME, "time");
            stamp.put("at", at);
        }
        return stamp;
    }

    private static void require(BsonValue value, BsonType type, String what) {
        if (value.getBsonType() != type) {
            throw new IllegalArgumentException(
                    "A stored " + what + " is a " + value.getBsonType() + ", not a " + type + ": " + value);
        }
    }

    private static List<BsonDocument> documents(BsonValue array) {
        if (array instanceof BsonArray values) {
            return values.stream()
                    .filter(BsonValue::isDocument)
                    .map(BsonValue::asDocument)
                    .toList();
        }
        return List.of();
    }
}
