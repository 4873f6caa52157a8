package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.research.InstitutionCatalogued;
import org.civictaskforce.contracts.research.InstitutionStandardCorrected;
import org.civictaskforce.platform.testing.TopicReader;

import org.bson.Document;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.research.persistence.InstitutionDocument;
import org.civictaskforce.research.persistence.MongoCatalogueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The catalogue loaded on first start (once, whoever starts), and its read API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_EVENTS,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CatalogueIT {
    private static final String DATABASE_URI = MongoTestServer.uri("research-catalogue-" + UUID.randomUUID());

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> DATABASE_URI);
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoTemplate mongo;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", org.civictaskforce.platform.security.TestTokens.coordinator()).build();
    }

    @Test
    void aSecondApplicationOnTheSameDatabaseLoadsNothing() {
        long institutions = mongo.count(new Query(), InstitutionDocument.COLLECTION);
        long countries = mongo.count(new Query(), MongoCatalogueStore.COUNTRIES);
        long relations = mongo.count(new Query(), MongoCatalogueStore.RELATIONS);
        assertThat(institutions).isEqualTo(14);
        assertThat(countries).isEqualTo(5);
        assertThat(relations).isGreaterThan(30);
        Document version = mongo.findById(1, Document.class, MongoCatalogueStore.VERSIONS);
        assertThat(version).isNotNull();
        assertThat(version.getString("state")).isEqualTo("LOADED");
        // a coordinator's change must survive a restart
        mongo.updateFirst(Query.query(where("_id").is("eag")), new Update().set("name", "changed since"),
                InstitutionDocument.COLLECTION);

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ResearchApplication.class)
                .run("--spring.mongodb.uri=" + DATABASE_URI, "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--server.port=0", "--platform.outbox.enabled=false")) {
            assertThat(mongo.count(new Query(), InstitutionDocument.COLLECTION)).isEqualTo(institutions);
            assertThat(mongo.count(new Query(), MongoCatalogueStore.COUNTRIES)).isEqualTo(countries);
            assertThat(mongo.count(new Query(), MongoCatalogueStore.RELATIONS)).isEqualTo(relations);
            assertThat(mongo.count(new Query(), MongoCatalogueStore.VERSIONS)).isEqualTo(1);
            assertThat(mongo.findById("eag", Document.class, InstitutionDocument.COLLECTION).getString("name"))
                    .isEqualTo("changed since");
        }
    }

    /**
     * Every institution of the catalogue is announced once (what membership checks decisions
     * against); a restart on the same database announces nothing again for an unchanged entry.
     */
    @Test
    void everyInstitutionIsAnnouncedOnceAcrossARestart() {
        List<InstitutionCatalogued> first = catalogued(TopicReader.read(bootstrap, Topics.RESEARCH_EVENTS,
                r -> catalogued(r).stream().map(InstitutionCatalogued::institutionId).distinct().count() >= 14,
                Duration.ofSeconds(30)));
        assertThat(first).extracting(InstitutionCatalogued::institutionId).contains("wb", "ebrd", "fatf")
                .doesNotContain("world-bank");
        assertThat(first).filteredOn(e -> e.institutionId().equals("wb")).singleElement()
                .extracting(InstitutionCatalogued::name).isEqualTo("World Bank (IBRD/IDA)");

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ResearchApplication.class)
                .run("--spring.mongodb.uri=" + DATABASE_URI, "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--server.port=0")) {
            // nothing more arrives for an unchanged institution (this context's relay and the second
            // one's both publish whatever an outbox holds)
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<InstitutionCatalogued> now = catalogued(TopicReader.read(bootstrap, Topics.RESEARCH_EVENTS,
                        r -> false, Duration.ofSeconds(2)));
                assertThat(now.stream().map(e -> e.institutionId() + "/" + e.name()).toList())
                        .as("one announcement per institution and name").doesNotHaveDuplicates()
                        .contains("wb/World Bank (IBRD/IDA)");
            });
        }
    }

    private static List<InstitutionCatalogued> catalogued(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventJson.readEnvelope(r.value()))
                .filter(e -> e.is(InstitutionCatalogued.class)).map(e -> e.dataAs(InstitutionCatalogued.class))
                .toList();
    }

    @Test
    void institutionsArePaginatedInCatalogueOrder() {
        http.get().uri("/api/research/institutions?size=5&page=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content.length()").isEqualTo(5)
                .jsonPath("$.content[0].id").isEqualTo("eib")
                .jsonPath("$.page.number").isEqualTo(1)
                .jsonPath("$.page.size").isEqualTo(5)
                .jsonPath("$.page.totalElements").isEqualTo(14)
                .jsonPath("$.page.totalPages").isEqualTo(3);
    }

    @Test
    void institutionsFilterByKind() {
        http.get().uri("/api/research/institutions?kind=transparency").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.content[0].id").isEqualTo("eiti")
                .jsonPath("$.content[0].kind").isEqualTo("transparency")
                .jsonPath("$.page.totalElements").isEqualTo(1);
    }

    @Test
    void aBadFilterOrPageIsA400() {
        http.get().uri("/api/research/institutions?kind=bank").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/institutions?size=0").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/institutions?size=101").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/institutions?page=-1").exchange().expectStatus().isBadRequest();
    }

    @Test
    void anInstitutionShowsItsStandardsAndMechanismWithSources() {
        http.get().uri("/api/research/institutions/ifc-miga").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo("ifc-miga")
                .jsonPath("$.kind").isEqualTo("ifi")
                .jsonPath("$.standards[0].id").isEqualTo("ifc-ps")
                .jsonPath("$.standards[0].source.url").isEqualTo("https://www.ifc.org/performancestandards")
                .jsonPath("$.standards[0].source.confidence").isEqualTo("high")
                .jsonPath("$.standards[0].source.unverified").isEqualTo(false)
                .jsonPath("$.standards[0].version").isEqualTo(1)
                .jsonPath("$.standards[?(@.id == 'miga-ps')].source.unverified").isEqualTo(java.util.List.of(true))
                .jsonPath("$.mechanism.name").isEqualTo("Office of the Compliance Advisor Ombudsman (CAO)")
                .jsonPath("$.mechanism.source.url").isEqualTo("https://www.cao-ombudsman.org/how-we-work");
    }

    @Test
    void anUnknownInstitutionOrCountryIsA404() {
        http.get().uri("/api/research/institutions/world-bank").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        http.get().uri("/api/research/countries/XX/relations").exchange().expectStatus().isNotFound();
    }

    @Test
    void theFiveCountriesAndTheirRelations() {
        http.get().uri("/api/research/countries").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.countries.length()").isEqualTo(5)
                .jsonPath("$.countries[0].code").isEqualTo("KZ")
                .jsonPath("$.countries[0].freedomInTheWorld.score").isEqualTo(23)
                .jsonPath("$.countries[0].languages[0].source.confidence").isEqualTo("high");
        http.get().uri("/api/research/countries/kz/relations").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.country").isEqualTo("KZ")
                .jsonPath("$.relations.length()").isEqualTo(9)
                .jsonPath("$.relations[?(@.institutionId == 'wb')].source.unverified")
                .isEqualTo(java.util.List.of(true))
                .jsonPath("$.relations[?(@.institutionId == 'eag')].since").isEqualTo(java.util.List.of(2004));
    }

    private static final String CORRECTION = """
            {"title":"ESS10 Stakeholder Engagement and Information Disclosure (corrected)","year":2017,
             "summary":"Corrected summary.","url":"https://www.worldbank.org/en/projects-operations/environmental-and-social-framework",
             "confidence":"medium","unverified":true,"reason":"guidance note date checked"}
            """;

    @Test
    void aCorrectedStandardKeepsItsPreviousVersionAndIsPublished() {
        http.put().uri("/api/research/institutions/wb/standards/wb-ess10")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(CORRECTION)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo("wb-ess10")
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.year").isEqualTo(2017)
                .jsonPath("$.source.confidence").isEqualTo("medium")
                .jsonPath("$.source.unverified").isEqualTo(true)
                .jsonPath("$.correctionReason").isEqualTo("guidance note date checked")
                .jsonPath("$.correctedAt").isNotEmpty();

        http.get().uri("/api/research/institutions/wb/standards/wb-ess10/versions").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.versions.length()").isEqualTo(2)
                .jsonPath("$.versions[0].version").isEqualTo(2)
                .jsonPath("$.versions[1].version").isEqualTo(1)
                .jsonPath("$.versions[1].year").isEqualTo(2016)
                .jsonPath("$.versions[1].source.confidence").isEqualTo("high");
        http.get().uri("/api/research/institutions/wb").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.standards[1].version").isEqualTo(2);

        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, Topics.RESEARCH_EVENTS,
                r -> r.stream().anyMatch(c -> c.value().contains("wb-ess10")), Duration.ofSeconds(30));
        ConsumerRecord<String, String> published = records.stream().filter(c -> c.value().contains("wb-ess10"))
                .findFirst().orElseThrow();
        assertThat(published.key()).isEqualTo("wb");
        assertThat(EventSchemas.violations(published.value())).isEmpty();
        EventEnvelope envelope = EventJson.readEnvelope(published.value());
        InstitutionStandardCorrected event = envelope.dataAs(InstitutionStandardCorrected.class);
        assertThat(event.institutionId()).isEqualTo("wb");
        assertThat(event.version()).isEqualTo(2);
        assertThat(published.value()).doesNotContain("Corrected summary");
    }

    @Test
    void aCorrectionIsValidatedAndNamesAKnownStandard() {
        http.put().uri("/api/research/institutions/wb/standards/wb-ati")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"title\":\" \",\"summary\":\"s\",\"url\":\"ftp://x\",\"confidence\":\"sure\"}")
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors").isNotEmpty()
                // the constraint's code lets the web client say it in the person's language
                .jsonPath("$.errors[?(@.field == 'title')].code").isEqualTo("NotBlank");
        http.put().uri("/api/research/institutions/wb/standards/no-such-standard")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(CORRECTION)
                .exchange().expectStatus().isNotFound();
        http.put().uri("/api/research/institutions/world-bank/standards/wb-ati")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(CORRECTION)
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/research/institutions/wb/standards/no-such-standard/versions").exchange()
                .expectStatus().isNotFound();
    }
}
