package org.qingyuan.shared;

import java.util.List;

/** One page of a list, with the total of the whole list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public long totalPages() {
        return (total + size - 1) / size;
    }
}
