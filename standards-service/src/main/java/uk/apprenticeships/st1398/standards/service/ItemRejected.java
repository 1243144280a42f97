package uk.apprenticeships.st1398.standards.service;

import java.util.List;

/** An import item refused for these reasons; thrown inside its transaction so nothing of it is kept. */
class ItemRejected extends RuntimeException {

    private final List<String> reasons;

    ItemRejected(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    List<String> reasons() {
        return reasons;
    }
}
