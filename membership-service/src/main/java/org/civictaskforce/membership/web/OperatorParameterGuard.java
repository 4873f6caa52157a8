package org.civictaskforce.membership.web;

import java.util.regex.Pattern;

import org.civictaskforce.platform.problem.InvalidRequestException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses query parameters whose <em>names</em> look like a query-operator smuggling attempt
 * ({@code country[$ne]=KG}, {@code q.$gt=}, {@code $where=}) with a 400 problem, rather than
 * silently ignoring them and answering an unfiltered list the client did not ask for. Parameter
 * <em>values</em> are never interpreted as operators anywhere in this service: filters compare them as
 * literal values and {@code q} is reduced to name words before it reaches the store.
 */
@Configuration(proxyBeanMethods = false)
class OperatorParameterGuard implements WebMvcConfigurer {
    private static final Pattern SUSPICIOUS_NAME = Pattern.compile("[$\\[\\]{}.]");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                for (String name : request.getParameterMap().keySet()) {
                    if (SUSPICIOUS_NAME.matcher(name).find()) {
                        throw new InvalidRequestException(
                                "Query parameter names may not contain $ . [ ] { } (no query operators).");
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
