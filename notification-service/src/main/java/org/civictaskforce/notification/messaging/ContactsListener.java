package org.civictaskforce.notification.messaging;

import java.util.function.Consumer;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.notification.application.RecipientDirectory;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.platform.messaging.InboundRecord;
import org.civictaskforce.platform.messaging.MalformedEventException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted contacts topic (key: person id; value: the latest {@link PersonContact}; no
 * value: the person was erased) into the recipients read model. Replacing a record with itself is
 * harmless, so redelivery needs no bookkeeping. Never logs the record's value.
 *
 * <p>Bound as {@code contacts-in-0} without a dead-letter topic (application.yml): parking a contact record
 * would copy a person's contact details into a topic that is not compacted, where erasing them cannot reach.
 * So a record that cannot be stored is retried until it can (a database outage must not lose an update),
 * and a malformed one is skipped and logged by offset only.
 */
@Component("contacts")
public class ContactsListener implements Consumer<Message<byte[]>> {
    private final RecipientDirectory directory;

    public ContactsListener(RecipientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void accept(Message<byte[]> message) {
        on(InboundRecord.of(message));
    }

    void on(InboundRecord record) {
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

    private static PersonContact parse(InboundRecord record) {
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
