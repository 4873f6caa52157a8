package org.civictaskforce.research.persistence;

import java.util.ArrayList;
import java.util.List;

import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Mechanism;
import org.civictaskforce.research.domain.Standard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A catalogue institution as stored in {@code institutions}, with its outbox (its entry in the
 * catalogue and corrections). {@code cataloguedName} is the name last announced in an
 * {@code InstitutionCatalogued}: absent or different from {@code name} means an announcement is due.
 */
@Document(collection = InstitutionDocument.COLLECTION)
@CompoundIndex(name = "institution_kind_list", def = "{'kind': 1, 'position': 1}")
public class InstitutionDocument extends OutboxDocument {
    public static final String COLLECTION = "institutions";

    @Id
    private String id;
    private String name;
    private String kind;
    private int position;
    private int catalogueVersion;
    private List<Standard> standards = new ArrayList<>();
    private Mechanism mechanism;
    private String cataloguedName;

    static InstitutionDocument newFor(Institution institution, int position, int catalogueVersion) {
        InstitutionDocument d = new InstitutionDocument();
        d.id = institution.id();
        d.position = position;
        d.catalogueVersion = catalogueVersion;
        d.apply(institution);
        return d;
    }

    void apply(Institution i) {
        name = i.name();
        kind = i.kind();
        standards = new ArrayList<>(i.standards());
        mechanism = i.mechanism();
    }

    Institution toDomain() {
        return new Institution(id, name, kind, standards, mechanism);
    }

    /** Whether the current name has not been announced yet. */
    boolean announcementDue() {
        return !java.util.Objects.equals(name, cataloguedName);
    }

    void announced() {
        cataloguedName = name;
    }

    String name() {
        return name;
    }

    public String getId() {
        return id;
    }
}
