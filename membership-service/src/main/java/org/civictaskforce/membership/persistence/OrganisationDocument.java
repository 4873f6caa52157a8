package org.civictaskforce.membership.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationKind;
import org.civictaskforce.membership.domain.OrganisationStatus;
import org.civictaskforce.membership.domain.PersonRules;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organisation as stored in {@code organisations}, with its outbox. */
@Document(collection = OrganisationDocument.COLLECTION)
@CompoundIndex(name = "org_list_order", def = "{'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "org_country_status_list", def = "{'country': 1, 'status': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "org_kind_list", def = "{'kind': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "org_focus_list", def = "{'focusAreas': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "org_name_words", def = "{'nameWords': 1}")
public class OrganisationDocument extends OutboxDocument {
    public static final String COLLECTION = "organisations";

    @Id
    private String id;
    private String name;
    private List<String> nameWords = new ArrayList<>();
    private String country;
    private OrganisationKind kind;
    private List<String> focusAreas = new ArrayList<>();
    private String website;
    private String contactEmail;
    private String contactPhone;
    private Instant registeredAt;
    private OrganisationStatus status;

    public static OrganisationDocument newFor(Organisation organisation) {
        OrganisationDocument document = new OrganisationDocument();
        document.id = organisation.id();
        document.apply(organisation);
        return document;
    }

    public void apply(Organisation o) {
        name = o.name();
        nameWords = new ArrayList<>(PersonRules.nameWords(o.name()));
        country = o.country();
        kind = o.kind();
        focusAreas = new ArrayList<>(o.focusAreas());
        website = o.website();
        contactEmail = o.contactEmail();
        contactPhone = o.contactPhone();
        registeredAt = o.registeredAt();
        status = o.status();
    }

    public Organisation toDomain() {
        return Organisation.restore(id, name, country, kind, focusAreas, website, contactEmail, contactPhone,
                registeredAt, status);
    }

    public String getId() {
        return id;
    }
}
