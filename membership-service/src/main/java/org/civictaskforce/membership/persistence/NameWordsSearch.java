package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.civictaskforce.membership.domain.PersonRules;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The one text search on names (people and organisations): every word of the text prefixes a stored name word. */
final class NameWordsSearch {
    private NameWordsSearch() {
    }

    static void addTo(Query filter, String text) {
        if (text == null) {
            return;
        }
        // words are letters and digits only, so the anchored regex needs no escaping and is a
        // prefix range scan on the name-words index
        List<Criteria> words = PersonRules.nameWords(text).stream()
                .map(w -> where("nameWords").regex("^" + w)).toList();
        if (words.isEmpty()) {
            // a text with no letters or digits (".*", "{\"$gt\":\"\"}") matches no name: it must not
            // turn into "no text filter" and answer everyone
            filter.addCriteria(where("nameWords").in(List.of()));
        } else if (words.size() == 1) {
            filter.addCriteria(words.get(0));
        } else {
            filter.addCriteria(new Criteria().andOperator(words));
        }
    }
}
