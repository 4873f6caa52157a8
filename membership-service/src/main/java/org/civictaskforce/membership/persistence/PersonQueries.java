package org.civictaskforce.membership.persistence;

import org.civictaskforce.membership.domain.MembershipStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The list filters; {@code null} means "any". Later issues add organisation, expertise, ... */
public interface PersonQueries {
    Page<PersonDocument> search(String country, MembershipStatus status, Pageable pageable);
}
