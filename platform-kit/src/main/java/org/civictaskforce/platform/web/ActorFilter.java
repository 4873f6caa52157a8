package org.civictaskforce.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.civictaskforce.platform.security.Caller;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the request's actor ({@link Actor}) while the request is handled: the subject of the verified
 * access token, or {@value Actor#ANONYMOUS} on a public route. Runs after the security filters; no
 * header the caller sends can choose the actor.
 */
public class ActorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current();
        Actor.set(caller.authenticated() ? caller.subject() : Actor.ANONYMOUS);
        try {
            chain.doFilter(request, response);
        } finally {
            Actor.clear();
        }
    }
}
