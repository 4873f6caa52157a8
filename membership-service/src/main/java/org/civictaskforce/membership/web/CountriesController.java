package org.civictaskforce.membership.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/** The countries a person or organisation may be in: the five Central Asian states first, then every ISO 3166 country. */
@RestController
public class CountriesController {
    /** Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan. */
    public static final List<String> CENTRAL_ASIA = List.of("KZ", "KG", "TJ", "TM", "UZ");

    public record Country(String code, String name, boolean centralAsia) {
    }

    @GetMapping("/api/membership/countries")
    @Operation(summary = "The countries one can choose, Central Asian ones marked")
    public List<Country> countries() {
        List<Country> countries = new ArrayList<>();
        CENTRAL_ASIA.forEach(c -> countries.add(country(c, true)));
        List.of(Locale.getISOCountries()).stream().filter(c -> !CENTRAL_ASIA.contains(c)).map(c -> country(c, false))
                .sorted(Comparator.comparing(Country::name)).forEach(countries::add);
        return countries;
    }

    private static Country country(String code, boolean centralAsia) {
        return new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH), centralAsia);
    }
}
