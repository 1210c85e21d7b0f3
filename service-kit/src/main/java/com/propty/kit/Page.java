package com.propty.kit;

import java.util.List;
import java.util.function.Function;

/** A page of results as every list endpoint returns it (CONTRACT §3). */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, totalItems, totalPages);
    }

    /** Checks paging parameters the same way everywhere: page ≥ 0, 1 ≤ size ≤ max. */
    public static void requireValid(int page, int size, int max) {
        if (page < 0) {
            throw ApiProblem.validation("page", "must be 0 or more");
        }
        if (size < 1 || size > max) {
            throw ApiProblem.validation("size", "must be between 1 and " + max);
        }
    }
}
