package org.civictaskforce.research.web;

import java.util.List;

import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Mechanism;
import org.civictaskforce.research.domain.Source;
import org.civictaskforce.research.domain.Standard;

/** The answers of the catalogue reads. Every fact carries {@code source}: url, confidence, unverified. */
public final class CatalogueResponses {
    private CatalogueResponses() {
    }

    public record InstitutionSummary(String id, String name, String kind, int standards, String mechanism) {
        static InstitutionSummary of(Institution i) {
            return new InstitutionSummary(i.id(), i.name(), i.kind(), i.standards().size(),
                    i.mechanism() == null ? null : i.mechanism().name());
        }
    }

    public record InstitutionResponse(String id, String name, String kind, List<Standard> standards,
            Mechanism mechanism) {
        static InstitutionResponse of(Institution i) {
            return new InstitutionResponse(i.id(), i.name(), i.kind(), i.standards(), i.mechanism());
        }
    }

    public record CountryResponse(String code, String name, List<Country.Language> languages,
            Country.FreedomRating freedomInTheWorld) {
        static CountryResponse of(Country c) {
            return new CountryResponse(c.code(), c.name(), c.languages(), c.freedomInTheWorld());
        }
    }

    public record CountriesResponse(List<CountryResponse> countries) {
    }

    public record RelationResponse(String institutionId, String status, Integer since, Source source) {
        static RelationResponse of(CountryRelation r) {
            return new RelationResponse(r.institutionId(), r.status(), r.since(), r.source());
        }
    }

    public record RelationsResponse(String country, List<RelationResponse> relations) {
    }
}
