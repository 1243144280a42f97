package uk.apprenticeships.st1398.standards.mapping.feed;

import java.util.UUID;

/** What the three KSB item shapes of the feed have in common (each names its id differently). */
public interface FeedKsb {

    UUID id();

    String detail();
}
