package org.civictaskforce.membership.application;

import java.util.Collection;
import java.util.Map;

import org.civictaskforce.membership.domain.Attendee;

/**
 * What meetings need to know about people: which ids name a (not erased) person, and for attendance their country,
 * affiliations and those organisations' countries.
 */
public interface AttendeeQueries {
    /** The given ids that name a person, keyed by id, with what attendance records; unknown ids are absent. */
    Map<String, Attendee> people(Collection<String> ids);
}
