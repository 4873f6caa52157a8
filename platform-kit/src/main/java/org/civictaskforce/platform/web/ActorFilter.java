package org.civictaskforce.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Holds the request's actor ({@link Actor}) while the request is handled. TODO(identity): from the token. */
public class ActorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor.set(request.getHeader(Actor.HEADER));
        try {
            chain.doFilter(request, response);
        } finally {
            Actor.clear();
        }
    }
}
