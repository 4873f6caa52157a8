package org.civictaskforce.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The drift message names where a served document and the committed contract differ. */
class OpenApiContractTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> differences(String served, String committed) {
        List<String> out = new ArrayList<>();
        JsonNode a = JSON.readTree(served);
        JsonNode b = JSON.readTree(committed);
        OpenApiContract.differences("", a, b, out);
        return out;
    }

    @Test
    void keyOrderDoesNotMatterButValuesAndMembersDo() {
        assertThat(differences("{\"a\":1,\"b\":{\"c\":[1,2]}}", "{\"b\":{\"c\":[1,2]},\"a\":1}")).isEmpty();
        assertThat(differences(
                "{\"info\":{\"title\":\"New\"},\"paths\":{\"/api/x/{id}\":{}},\"tags\":[1]}",
                "{\"info\":{\"title\":\"Old\"},\"paths\":{},\"tags\":[1,2]}"))
                .containsExactly("/info/title: served \"New\", committed \"Old\"",
                        "/paths/~1api~1x~1{id} (only served)",
                        "/tags: served [1], committed [1,2]");
    }

    @Test
    void theContractLivesInTheWebClient() {
        assertThat(OpenApiContract.committedFile("membership").toString())
                .endsWith("web-client/openapi/membership.json");
    }
}
