package uk.apprenticeships.st1398.evidence.domain;

import java.util.ArrayList;
import java.util.List;

/** What an evidence revision says; kept whole in each superseded revision. */
public class EvidenceContent {

    public EvidenceKind kind;
    public String title;
    public String description;
    public String url;
    public String text;
    public List<String> ksbCodes = new ArrayList<>();
    public boolean employerConfirmationRequired;
    public StoredFile file;

    public EvidenceContent copy() {
        EvidenceContent c = new EvidenceContent();
        c.kind = kind;
        c.title = title;
        c.description = description;
        c.url = url;
        c.text = text;
        c.ksbCodes = new ArrayList<>(ksbCodes);
        c.employerConfirmationRequired = employerConfirmationRequired;
        c.file = file;
        return c;
    }
}
