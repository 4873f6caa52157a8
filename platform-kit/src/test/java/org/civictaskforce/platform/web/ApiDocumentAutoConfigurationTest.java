package org.civictaskforce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/** The problem answers each operation gets, and the names, without starting a service. */
class ApiDocumentAutoConfigurationTest {

    private static Operation ok() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    }

    @Test
    void eachOperationGetsTheProblemAnswersThatCanHappenToIt() {
        Operation list = ok();
        Operation read = ok().addParametersItem(new PathParameter().name("id"));
        Operation change = ok().addParametersItem(new PathParameter().name("id"));
        Operation published = ok().addParametersItem(new PathParameter().name("lang"));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/x", new PathItem().get(list))
                .addPathItem("/api/x/{id}", new PathItem().get(read).post(change))
                .addPathItem("/api/x/editions/{lang}", new PathItem().get(published)));

        ApiDocumentAutoConfiguration.describeProblems(api, List.of("/api/x/editions/**"));

        assertThat(list.getResponses()).containsOnlyKeys("200", "401", "403", "429");
        assertThat(read.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "429");
        assertThat(change.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "409", "422", "429");
        // a published output: no token, so no 401/403, and an explicitly empty security requirement
        assertThat(published.getResponses()).containsOnlyKeys("200", "400", "404", "429");
        assertThat(published.getSecurity()).isEmpty();
        assertThat(read.getSecurity()).isNull(); // the document's bearer requirement applies

        assertThat(change.getResponses().get("422").get$ref()).isEqualTo("#/components/responses/UnprocessableContent");
        assertThat(api.getComponents().getResponses().get("UnprocessableContent").getContent())
                .containsOnlyKeys("application/problem+json");
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "correlationId", "errors");
    }

    @Test
    void aStatusTheControllerDeclaresIsKept() {
        Operation change = ok();
        change.getResponses().addApiResponse("409", new ApiResponse().description("Nothing changed since the last"));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/x", new PathItem().post(change)));

        ApiDocumentAutoConfiguration.describeProblems(api, List.of());

        assertThat(change.getResponses().get("409").getDescription()).isEqualTo("Nothing changed since the last");
        assertThat(change.getResponses().get("409").get$ref()).isNull();
    }

    static class SearchController {
        public void search() {
        }

        public void listAll() {
        }

        @io.swagger.v3.oas.annotations.Operation(operationId = "findEverything", summary = "Find everything")
        public void find() {
        }
    }

    @Test
    void operationIdsAndTagsComeFromTheControllerAndTheMethod() throws Exception {
        SearchController controller = new SearchController();
        Operation search = ApiDocumentAutoConfiguration.name(new Operation(),
                new HandlerMethod(controller, SearchController.class.getMethod("search")));
        Operation listAll = ApiDocumentAutoConfiguration.name(new Operation(),
                new HandlerMethod(controller, SearchController.class.getMethod("listAll")));
        Operation find = ApiDocumentAutoConfiguration.name(
                new Operation().operationId("findEverything").summary("Find everything"),
                new HandlerMethod(controller, SearchController.class.getMethod("find")));

        assertThat(search.getOperationId()).isEqualTo("search");
        assertThat(listAll.getOperationId()).isEqualTo("searchListAll");
        assertThat(listAll.getSummary()).isEqualTo("List all (search)");
        assertThat(listAll.getTags()).containsExactly("search");
        assertThat(find.getOperationId()).isEqualTo("findEverything");
        assertThat(find.getSummary()).isEqualTo("Find everything");
    }

    @Test
    void namesComeFromTheControllerAndTheMethod() {
        assertThat(ApiDocumentAutoConfiguration.noun("PeopleController")).isEqualTo("people");
        assertThat(ApiDocumentAutoConfiguration.noun("IdentityApiController")).isEqualTo("identityApi");
        assertThat(ApiDocumentAutoConfiguration.words("invitationAccept")).isEqualTo("invitation accept");
    }
}
