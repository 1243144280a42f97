package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.EmbeddedColumnNaming;

/** Who created and last changed a record and when, plus the optimistic-locking revision every table keeps. */
@MappedSuperclass
public abstract class Audited {

    @Embedded
    @EmbeddedColumnNaming("created_%s")
    public StampColumns created;

    @Embedded
    @EmbeddedColumnNaming("updated_%s")
    public StampColumns updated;

    @Version
    public long revision;
}
