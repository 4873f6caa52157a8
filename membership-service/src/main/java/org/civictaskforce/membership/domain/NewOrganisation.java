package org.civictaskforce.membership.domain;

import java.util.List;

/** What a coordinator gives to register an organisation; website and contact are optional. */
public record NewOrganisation(String name, String country, OrganisationKind kind, List<String> focusAreas,
        String website, String contactEmail, String contactPhone) {
    @Override
    public String toString() {
        return "NewOrganisation[<withheld>]";
    }
}
