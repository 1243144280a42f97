package uk.apprenticeships.st1398.standards.service;

/**
 * What an import changed: rows inserted and empty fields filled. Both zero means the catalogue already held
 * everything the document gives (a reload is a no-op).
 */
public record ImportResult(String versionKey, int inserted, int filled) {

    public boolean changedNothing() {
        return inserted == 0 && filled == 0;
    }
}
