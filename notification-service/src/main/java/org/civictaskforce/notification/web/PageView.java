package org.civictaskforce.notification.web;

import org.springframework.data.domain.Page;

/** The {@code page} part of a paginated response (the shape of Spring Data's {@code PagedModel}). */
public record PageView(long size, long number, long totalElements, long totalPages) {
    static PageView of(Page<?> page) {
        return new PageView(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages());
    }
}
