package org.civictaskforce.research.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civictaskforce.research.domain.Catalogue;
import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Mechanism;
import org.civictaskforce.research.domain.Source;
import org.civictaskforce.research.domain.Standard;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a versioned catalogue file ({@code catalogue/catalogue-v1.yaml}) into domain records. */
public final class CatalogueFile {
    public static final String CURRENT = "catalogue/catalogue-v1.yaml";

    private CatalogueFile() {
    }

    public static Catalogue read(String classpathResource) {
        try (InputStream in = CatalogueFile.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("no catalogue file " + classpathResource);
            }
            return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalogue parse(Map<String, Object> root) {
        int version = ((Number) root.get("version")).intValue();
        List<Institution> institutions = new ArrayList<>();
        for (Map<String, Object> i : maps(root.get("institutions"))) {
            List<Standard> standards = maps(i.get("standards")).stream()
                    .map(s -> new Standard(str(s, "id"), str(s, "title"), integer(s, "year"), str(s, "summary"),
                            str(s, "note"), source(s), 1, null, null))
                    .toList();
            Map<String, Object> m = map(i.get("mechanism"));
            Mechanism mechanism = m == null ? null
                    : new Mechanism(str(m, "name"), str(m, "established"), strings(m.get("functions")),
                            str(m, "how_to_file"), str(m, "eligibility_note"), str(m, "eligibility_confidence"),
                            str(m, "note"), source(m));
            institutions.add(new Institution(str(i, "id"), str(i, "name"), str(i, "kind"), standards, mechanism));
        }
        List<Country> countries = new ArrayList<>();
        List<CountryRelation> relations = new ArrayList<>();
        for (Map<String, Object> c : maps(root.get("countries"))) {
            String code = str(c, "iso2");
            List<Country.Language> languages = maps(c.get("languages")).stream()
                    .map(l -> new Country.Language(str(l, "code"), str(l, "name"), str(l, "status"), str(l, "note"),
                            source(l)))
                    .toList();
            Map<String, Object> f = map(c.get("freedom_in_the_world"));
            Country.FreedomRating freedom = f == null ? null
                    : new Country.FreedomRating(str(f, "status"), integer(f, "score"), integer(f, "edition"),
                            str(f, "note"), source(f));
            countries.add(new Country(code, str(c, "name"), languages, freedom));
            for (Map<String, Object> r : maps(c.get("relations"))) {
                relations.add(new CountryRelation(code, str(r, "institution"), str(r, "status"), integer(r, "since"),
                        source(r)));
            }
        }
        return new Catalogue(version, institutions, countries, relations);
    }

    private static Source source(Map<String, Object> fact) {
        String url = str(fact, "url");
        return new Source(url == null || url.isBlank() ? null : url, str(fact, "confidence"),
                Boolean.TRUE.equals(fact.get("unverified")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static Integer integer(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.intValue() : null;
    }
}
