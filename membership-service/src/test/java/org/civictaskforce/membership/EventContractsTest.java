package org.civictaskforce.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.EventType;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.membership.domain.Attendee;
import org.civictaskforce.membership.domain.DecisionKind;
import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingKind;
import org.civictaskforce.membership.domain.NewMeeting;
import org.civictaskforce.membership.domain.RsvpResponse;
import org.civictaskforce.membership.domain.NewOrganisation;
import org.civictaskforce.membership.domain.NewPerson;
import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationKind;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.Profile;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** Every membership event record has a published schema, and its type is under the membership namespace. */
class EventContractsTest {

    @Test
    void everyMembershipEventHasASchema() {
        List<Class<?>> events = new ClassFileImporter().importPackages("org.civictaskforce.contracts.membership")
                .stream().filter(c -> c.isAnnotatedWith(EventType.class)).map(JavaClass::reflect)
                .<Class<?>>map(c -> c).toList();

        assertThat(events).hasSizeGreaterThanOrEqualTo(10);
        for (Class<?> event : events) {
            assertThat(EventSchemas.hasSchemaFor(event)).as(event.getSimpleName()).isTrue();
            assertThat(EventTypes.typeOf(event)).startsWith("org.civictaskforce.membership.");
        }
    }

    /** Events as the aggregates raise them, wrapped as the outbox publishes them, validate against their schemas. */
    @Test
    void everyEventTheAggregatesRaiseValidatesAndCarriesNoPersonalData() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        List<Object> events = new ArrayList<>();
        Person.Registration registration = Person.register("p-1",
                new NewPerson("Aigerim Secret", "Aigerim Full", "secret@example.org", "KZ", "kk", "Asia/Almaty"),
                Profile.of(EnumSet.of(GroupRole.EXPERT), List.of("kk"), List.of("fatf"), true), now);
        events.addAll(registration.events());
        Person person = registration.person();
        events.add(person.invite("inv-1", now));
        events.add(person.decline(now));
        events.add(person.invite("inv-2", now));
        events.add(person.expire(now.plus(org.civictaskforce.membership.domain.Invitation.VALIDITY)));
        events.add(person.invite("inv-3", now));
        events.add(person.accept(now));
        events.add(person.recordConsent("2026-01", List.of("membership"), now));
        events.add(person.activate(now));
        events.add(person.leave(now));
        Organisation.Registration org = Organisation.register("o-1", new NewOrganisation("Secret Org", "KG",
                OrganisationKind.MEDIA, List.of("press"), "https://example.org", "org@example.org", "+996"), now);
        events.add(org.event());
        events.add(org.organisation().invite(now));
        events.add(org.organisation().join(now));
        events.add(org.organisation().withdraw(now));
        events.add(new org.civictaskforce.contracts.membership.PersonAffiliationsChanged("p-1", List.of("o-1"), now));
        events.add(new org.civictaskforce.contracts.membership.MemberRemoved("p-1", now));
        Meeting.Scheduling scheduling = Meeting.schedule("m-1", new NewMeeting("Choosing targets", "Secret purpose",
                MeetingKind.DISCUSSION, List.of("Secret item"), now.plusSeconds(3600), "Asia/Bishkek", 90,
                "https://meet.example.org/Secret"), now);
        Meeting meeting = scheduling.meeting();
        events.add(scheduling.event());
        events.add(meeting.reschedule(now.plusSeconds(7200), "Asia/Almaty", 60, now));
        events.addAll(meeting.invite(List.of("p-1", "p-2"), now));
        events.add(meeting.rsvp("p-1", RsvpResponse.YES, now));
        Instant after = now.plusSeconds(7300);
        events.add(meeting.recordAttendance(List.of(new Attendee("p-1", "KG", List.of("o-1"), List.of("KG"))), after));
        events.add(meeting.recordMinutes("Secret minutes", after));
        events.addAll(meeting.decide("d-1", DecisionKind.TARGET_INSTITUTIONS, List.of("wb", "ebrd"), null,
                after));
        events.addAll(meeting.decide("d-2", DecisionKind.GENERAL, null, "Secret decision", after));
        Meeting other = Meeting.schedule("m-2", new NewMeeting("Other", null, MeetingKind.OTHER, null,
                now.plusSeconds(60), "Europe/Berlin", 30, null), now).meeting();
        events.add(other.cancel(now));

        DomainEvents wrapper = new DomainEvents("membership-service", Clock.systemUTC());
        for (Object event : events) {
            String json = wrapper.wrap("p-1", event).toEnvelopeJson();
            assertThat(EventSchemas.violations(json)).as(json).isEmpty();
            // meeting events carry the title and the meeting's zone (not personal); nothing else of the above
            assertThat(json).doesNotContain("Secret", "Full", "example.org", "+996");
            if (!json.contains(".meeting.")) {
                assertThat(json).doesNotContain("Asia/Almaty");
            }
        }
    }
}
