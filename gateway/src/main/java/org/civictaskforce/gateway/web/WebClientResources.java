package org.civictaskforce.gateway.web;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.PathResourceResolver;

/**
 * The web workspace (module web-client, its jar on the class path under {@code static/}). File names under
 * {@code /assets/} carry a hash of their content, so a browser may keep them for a year without asking again;
 * everything else (the page, the service worker, the web app manifest) must be revalidated on every load, so
 * that a new release is picked up at once. Each file was compressed at build time (brotli and gzip next to
 * it): the encoded variant a browser accepts is served as it is, and the gateway compresses nothing per request.
 */
@Configuration(proxyBeanMethods = false)
public class WebClientResources implements WebFluxConfigurer {

    static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl REVALIDATED = CacheControl.noCache();

    /** The page at the root, revalidated on every load (Boot's welcome page would send no cache header). */
    @Bean
    RouterFunction<ServerResponse> webClientPage() {
        Resource page = new ClassPathResource("static/index.html");
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(REVALIDATED).bodyValue(page))
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        serve(registry, "/assets/**", "classpath:/static/assets/", HASHED);
        serve(registry, "/*.*", "classpath:/static/", REVALIDATED);
    }

    /** The built file, or its brotli or gzip variant when the browser accepts one. */
    private static void serve(ResourceHandlerRegistry registry, String pattern, String location, CacheControl cache) {
        registry.addResourceHandler(pattern).addResourceLocations(location).setCacheControl(cache)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
    }
}
