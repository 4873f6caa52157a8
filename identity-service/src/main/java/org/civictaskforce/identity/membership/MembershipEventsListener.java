package org.civictaskforce.identity.membership;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.identity.accounts.AccountService;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Roles follow membership: activation gives the roles of the event, a profile update replaces them, leaving
 * or removal ends them, erasure deletes the person's roles, account and enrolment link. Other event types are
 * ignored. Each change is applied once however often the event is delivered.
 */
public class MembershipEventsListener {
    private final PersonRoles roles;
    private final AccountService accounts;

    public MembershipEventsListener(PersonRoles roles, AccountService accounts) {
        this.roles = roles;
        this.accounts = accounts;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_EVENTS)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = InboundEvents.envelope(record);
        if (envelope.is(PersonRegistered.class)) {
            PersonRegistered event = InboundEvents.data(envelope, PersonRegistered.class);
            InboundEvents.require(envelope, event.personId(), "personId");
            roles.registered(event.personId(), envelope.id());
        } else if (envelope.is(MemberActivated.class)) {
            MemberActivated event = InboundEvents.data(envelope, MemberActivated.class);
            InboundEvents.require(envelope, event.personId(), "personId");
            roles.activated(event.personId(), envelope.id(), event.roles());
        } else if (envelope.is(PersonProfileUpdated.class)) {
            PersonProfileUpdated event = InboundEvents.data(envelope, PersonProfileUpdated.class);
            InboundEvents.require(envelope, event.personId(), "personId");
            roles.rolesChanged(event.personId(), envelope.id(), event.roles());
        } else if (envelope.is(MemberLeft.class)) {
            MemberLeft event = InboundEvents.data(envelope, MemberLeft.class);
            InboundEvents.require(envelope, event.personId(), "personId");
            roles.deactivated(event.personId(), envelope.id());
        } else if (envelope.is(MemberRemoved.class)) {
            MemberRemoved event = InboundEvents.data(envelope, MemberRemoved.class);
            InboundEvents.require(envelope, event.personId(), "personId");
            roles.deactivated(event.personId(), envelope.id());
        } else if (envelope.is(PersonErased.class)) {
            PersonErased event = InboundEvents.data(envelope, PersonErased.class);
            InboundEvents.require(envelope, event.personId(), "personId");
            accounts.erase(event.personId());
        }
    }
}
