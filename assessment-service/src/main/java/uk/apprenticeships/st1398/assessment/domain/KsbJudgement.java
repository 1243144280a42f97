package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Whether an attempt showed one KSB, with the assessor's note. */
@Embeddable
public class KsbJudgement {

    @Column(nullable = false, length = 4)
    public String code;

    @Column(nullable = false)
    public boolean met;

    public String note;

    public KsbJudgement() {}

    public KsbJudgement(String code, boolean met, String note) {
        this.code = code;
        this.met = met;
        this.note = note;
    }
}
