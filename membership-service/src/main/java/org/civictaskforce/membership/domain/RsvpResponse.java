package org.civictaskforce.membership.domain;

/** An invitee's answer; a later answer replaces an earlier one. */
public enum RsvpResponse {
    YES, NO, MAYBE
}
