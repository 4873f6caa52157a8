package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.civictaskforce.membership.application.ProgressQueries;
import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.MeetingKind;
import org.civictaskforce.membership.domain.MeetingStatus;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.OrganisationStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The counts behind the progress view, read live (served by the roles_status_list and status indexes). */
@Repository
public class MongoProgressQueries implements ProgressQueries {
    private final MongoTemplate mongo;

    public MongoProgressQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> activeExpertsPerCountry(boolean countriesOfProtected) {
        Query experts = new Query(where("roles").is(GroupRole.EXPERT).and("status").is(MembershipStatus.ACTIVE));
        experts.fields().include("country").include("protectedIdentity");
        Map<String, Long> perCountry = new TreeMap<>();
        mongo.getCollection(PersonDocument.COLLECTION).find(experts.getQueryObject())
                .projection(experts.getFieldsObject())
                .forEach((Document d) -> perCountry.merge(
                        !countriesOfProtected && Boolean.TRUE.equals(d.getBoolean("protectedIdentity"))
                                ? WITHOUT_COUNTRY : d.getString("country"), 1L, Long::sum));
        return perCountry;
    }

    @Override
    public long pendingPersonInvitations(Instant now) {
        return mongo.count(new Query(where("status").is(MembershipStatus.INVITED).and("invitation.expiresAt").gt(now)),
                PersonDocument.class);
    }

    /** Served by meeting_kind_list; reads only the attendance of held discussion meetings. */
    @Override
    public DiscussionAttendance discussionAttendance() {
        Query held = new Query(where("kind").is(MeetingKind.DISCUSSION).and("status").is(MeetingStatus.HELD));
        held.fields().include("attendance.organisationIds").include("attendance.countries");
        Set<String> organisations = new HashSet<>();
        Set<String> countries = new HashSet<>();
        mongo.getCollection(MeetingDocument.COLLECTION).find(held.getQueryObject()).projection(held.getFieldsObject())
                .forEach((Document d) -> {
                    Document attendance = d.get("attendance", Document.class);
                    if (attendance != null) {
                        organisations.addAll(attendance.getList("organisationIds", String.class, List.of()));
                        countries.addAll(attendance.getList("countries", String.class, List.of()));
                    }
                });
        return new DiscussionAttendance(organisations.size(), countries.size());
    }

    @Override
    public long pendingOrganisationInvitations() {
        return mongo.count(new Query(where("status").is(OrganisationStatus.INVITED)), OrganisationDocument.class);
    }
}
