package org.civictaskforce.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.notification.application.RecipientDirectory;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.platform.messaging.MalformedEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted contacts topic (key: person id; value: the latest {@link PersonContact}; no
 * value: the person was erased) into the recipients read model. Replacing a record with itself is
 * harmless, so redelivery needs no bookkeeping. Never logs the record's value; a malformed record is
 * skipped rather than parked (see {@link KafkaConsumerConfiguration}).
 */
@Component
public class ContactsListener {
    private final RecipientDirectory directory;

    public ContactsListener(RecipientDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_CONTACTS, containerFactory = KafkaConsumerConfiguration.FACTORY)
    public void on(ConsumerRecord<String, String> record) {
        String personId = record.key();
        if (personId == null || personId.isBlank()) {
            throw new MalformedEventException("contact record without a key at offset " + record.offset());
        }
        if (Topics.CONTACTS_SEGMENT_ROLL_KEY.equals(personId)) {
            return; // membership's marker that closes a segment for compaction: nobody's contact
        }
        if (record.value() == null) {
            directory.erase(personId);
            return;
        }
        PersonContact contact = parse(record);
        if (!personId.equals(contact.personId())) {
            throw new MalformedEventException("contact record at offset " + record.offset() + " is keyed by another person");
        }
        directory.update(new Recipient(contact.personId(), contact.displayName(), contact.email(),
                contact.preferredLanguage(), contact.timeZone()));
    }

    private static PersonContact parse(ConsumerRecord<String, String> record) {
        try {
            PersonContact contact = EventJson.MAPPER.readValue(record.value(), PersonContact.class);
            if (contact == null || contact.personId() == null) {
                throw new MalformedEventException("contact record at offset " + record.offset() + " has no person id");
            }
            return contact;
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            // the exception text could quote the value: keep only its type
            throw new MalformedEventException("not a contact record at offset " + record.offset() + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
