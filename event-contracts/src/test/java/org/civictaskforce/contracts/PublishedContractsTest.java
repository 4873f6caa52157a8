package org.civictaskforce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.civictaskforce.contracts.membership.MeetingRescheduled;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.contracts.membership.PersonProfileCorrected;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.contracts.research.FindingReturned;
import org.civictaskforce.contracts.research.InstitutionCatalogued;
import org.junit.jupiter.api.Test;

/**
 * The contract itself: every event record names a type and has a schema, the schemas accept what
 * the records produce and refuse what breaks them, and nothing personal hides in an event.
 */
class PublishedContractsTest {

    @Test
    void everyEventRecordHasATypeAndAPublishedSchema() throws Exception {
        List<Class<?>> events = eventRecords();
        assertThat(events).isNotEmpty();
        for (Class<?> event : events) {
            assertThat(EventTypes.typeOf(event)).startsWith("org.civictaskforce.");
            assertThat(EventSchemas.hasSchemaFor(event)).as("schema for %s", event.getSimpleName()).isTrue();
        }
    }

    @Test
    void envelopesBuiltFromTheRecordsValidate() {
        Instant now = Instant.parse("2026-12-20T09:00:00Z");
        assertThat(EventSchemas.violations(envelope("p-1", new PersonRegistered("p-1", "KZ", "ru", now)))).isEmpty();
        assertThat(EventSchemas.violations(envelope("p-1", new MemberInvited("p-1", "i-1", now, now.plusSeconds(60)))))
                .isEmpty();
    }

    @Test
    void schemasRefuseWhatBreaksTheContract() {
        Instant now = Instant.now();
        assertThat(EventSchemas.violations(envelope("p-1", new PersonRegistered("p-1", "Kazakhstan", "ru", now))))
                .as("country must be ISO 3166 alpha-2").isNotEmpty();
        String withExtraField = envelope("p-1", new PersonRegistered("p-1", "KZ", "ru", now))
                .replace("\"personId\"", "\"email\":\"someone@example.org\",\"personId\"");
        assertThat(EventSchemas.violations(withExtraField)).as("no undeclared (e.g. personal) fields").isNotEmpty();
        String noCorrelation = envelope("p-1", new PersonRegistered("p-1", "KZ", "ru", now))
                .replaceAll("\"correlationid\":\"[^\"]*\",?", "");
        assertThat(EventSchemas.violations(noCorrelation)).isNotEmpty();
    }

    /** protectedIdentity was added to PersonRegistered v1 as an optional field: old and new events both hold. */
    @Test
    void personRegisteredCarriesTheOptionalProtectionFlagCompatibly() {
        Instant now = Instant.parse("2026-12-20T09:00:00Z");
        assertThat(EventSchemas.violations(envelope("p-1", new PersonRegistered("p-1", "TM", "ru", now, true))))
                .isEmpty();
        String before = envelope("p-1", new PersonRegistered("p-1", "TM", "ru", now))
                .replace(",\"protectedIdentity\":null", "");
        assertThat(before).doesNotContain("protectedIdentity");
        assertThat(EventSchemas.violations(before)).as("an event from before the field").isEmpty();
        assertThat(EventJson.readEnvelope(before).dataAs(PersonRegistered.class).protectedIdentity()).isNull();
        assertThat(EventSchemas.violations(envelope("p-1", new PersonRegistered("p-1", "TM", "ru", now, true))
                .replace("\"protectedIdentity\":true", "\"protectedIdentity\":\"yes\""))).isNotEmpty();
    }

    /** sequence was added to MeetingRescheduled v1 as an optional field: old and new events both hold. */
    @Test
    void meetingRescheduledCarriesTheOptionalCalendarSequenceCompatibly() {
        Instant now = Instant.parse("2026-12-20T09:00:00Z");
        MeetingRescheduled moved = new MeetingRescheduled("m-1", now, now.plusSeconds(3600), "Asia/Bishkek", 60, now, 2);
        assertThat(EventSchemas.violations(envelope("m-1", moved))).isEmpty();
        assertThat(EventJson.readEnvelope(envelope("m-1", moved)).dataAs(MeetingRescheduled.class)).isEqualTo(moved);
        String before = envelope("m-1", new MeetingRescheduled("m-1", now, now.plusSeconds(60), "Asia/Bishkek", 60, now))
                .replace(",\"sequence\":null", "");
        assertThat(before).doesNotContain("sequence");
        assertThat(EventSchemas.violations(before)).as("an event from before the field").isEmpty();
        assertThat(EventJson.readEnvelope(before).dataAs(MeetingRescheduled.class).sequence()).isNull();
        assertThat(EventSchemas.violations(envelope("m-1",
                new MeetingRescheduled("m-1", now, now, "Asia/Bishkek", 60, now, 0)))).as("1 after the first move")
                .isNotEmpty();
    }

    /** expertId was added to FindingReturned v1 as an optional field: old and new events both hold. */
    @Test
    void findingReturnedNamesTheExpertCompatibly() {
        Instant now = Instant.parse("2026-12-20T09:00:00Z");
        FindingReturned returned = new FindingReturned("f-1", "a-1", 2, now, "p-1");
        assertThat(EventSchemas.violations(envelope("f-1", returned))).isEmpty();
        assertThat(EventJson.readEnvelope(envelope("f-1", returned)).dataAs(FindingReturned.class)).isEqualTo(returned);
        String before = envelope("f-1", new FindingReturned("f-1", "a-1", 2, now)).replace(",\"expertId\":null", "");
        assertThat(before).doesNotContain("expertId");
        assertThat(EventSchemas.violations(before)).as("an event from before the field").isEmpty();
        assertThat(EventJson.readEnvelope(before).dataAs(FindingReturned.class).expertId()).isNull();
        assertThat(EventSchemas.violations(envelope("f-1", new FindingReturned("f-1", "a-1", 2, now, ""))))
                .isNotEmpty();
    }

    /** A correction names the fields that changed, never their values. */
    @Test
    void aProfileCorrectionNamesFieldsOnly() {
        Instant now = Instant.parse("2026-12-20T09:00:00Z");
        PersonProfileCorrected corrected = new PersonProfileCorrected("p-1",
                List.of(PersonProfileCorrected.EMAIL, PersonProfileCorrected.TIME_ZONE), "ky", now);
        assertThat(EventSchemas.violations(envelope("p-1", corrected))).isEmpty();
        assertThat(EventJson.readEnvelope(envelope("p-1", corrected)).dataAs(PersonProfileCorrected.class))
                .isEqualTo(corrected);
        assertThat(EventSchemas.violations(envelope("p-1", new PersonProfileCorrected("p-1", List.of(), "ky", now))))
                .as("a correction corrects something").isNotEmpty();
        assertThat(EventSchemas.violations(envelope("p-1",
                new PersonProfileCorrected("p-1", List.of("country"), "ky", now)))).isNotEmpty();
        String withValue = envelope("p-1", corrected)
                .replace("\"personId\"", "\"email\":\"someone@example.org\",\"personId\"");
        assertThat(EventSchemas.violations(withValue)).as("no values of the corrected fields").isNotEmpty();
    }

    @Test
    void catalogueEntriesValidateAndNameOnlyCatalogueIds() {
        Instant now = Instant.parse("2026-12-20T09:00:00Z");
        InstitutionCatalogued wb = new InstitutionCatalogued("wb", "World Bank Group", now);
        assertThat(EventTypes.typeOf(InstitutionCatalogued.class))
                .isEqualTo("org.civictaskforce.research.institution.catalogued");
        assertThat(EventSchemas.violations(envelope("wb", wb))).isEmpty();
        assertThat(EventSchemas.violations(envelope("wb", new InstitutionCatalogued("World Bank", "World Bank", now))))
                .as("ids are catalogue ids: lower case with dashes").isNotEmpty();
        assertThat(EventSchemas.violations(envelope("wb", new InstitutionCatalogued("wb", "", now)))).isNotEmpty();
        assertThat(EventJson.readEnvelope(envelope("wb", wb)).dataAs(InstitutionCatalogued.class)).isEqualTo(wb);
    }

    @Test
    void contactRecordsValidateAndNeverPrintTheirContents() {
        PersonContact contact = new PersonContact("p-1", "Dana", "dana@example.org", "kk", "Asia/Almaty");
        assertThat(EventSchemas.violations("/schemas/membership.contact.v1.json", EventJson.write(contact))).isEmpty();
        assertThat(contact.toString()).doesNotContain("dana@example.org").doesNotContain("Dana");
    }

    @Test
    void envelopeRoundTripsThroughTheOneJsonConfiguration() {
        PersonRegistered event = new PersonRegistered("p-2", "UZ", "uz", Instant.parse("2026-01-05T10:15:30Z"));
        EventEnvelope read = EventJson.readEnvelope(envelope("p-2", event));
        assertThat(read.is(PersonRegistered.class)).isTrue();
        assertThat(read.dataAs(PersonRegistered.class)).isEqualTo(event);
        assertThat(read.specversion()).isEqualTo("1.0");
    }

    private static String envelope(String subject, Object event) {
        return EventJson.write(EventEnvelope.of("/test", subject, event, "corr-1"));
    }

    private static List<Class<?>> eventRecords() throws IOException, URISyntaxException {
        Path root = Path.of(EventEnvelope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replace(".class", ""))
                    .<Class<?>>map(PublishedContractsTest::load)
                    .filter(c -> c.isAnnotationPresent(EventType.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
