package org.civictaskforce.identity.membership;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The working-group roles a token can carry, lower case. Anything else is dropped. */
public final class Roles {
    public static final String COORDINATOR = "coordinator";
    public static final Set<String> KNOWN = Set.of(COORDINATOR, "expert", "member", "translator", "observer");

    private Roles() {
    }

    /** Lower-cased, known roles only, sorted and without repeats. */
    public static List<String> normalise(Collection<String> roles) {
        TreeSet<String> result = new TreeSet<>();
        if (roles != null) {
            for (String role : roles) {
                if (role != null) {
                    String lower = role.toLowerCase(Locale.ROOT);
                    if (KNOWN.contains(lower)) {
                        result.add(lower);
                    }
                }
            }
        }
        return List.copyOf(result);
    }
}
