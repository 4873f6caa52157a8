package org.civictaskforce.research.domain;

import java.util.List;

/** One version of the catalogue file: what is loaded into the collections on first start. */
public record Catalogue(int version, List<Institution> institutions, List<Country> countries,
        List<CountryRelation> relations) {
}
