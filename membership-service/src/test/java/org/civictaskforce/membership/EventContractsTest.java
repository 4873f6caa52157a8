package org.civictaskforce.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.EventType;
import org.civictaskforce.contracts.EventTypes;
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
}
