package org.qingyuan.ledger.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Links of the list page that keep the current filters: other pages, other sort orders, CSV-free exports later. */
public final class ListLinks {

    private final Map<String, String> params;

    ListLinks(Map<String, String> params) {
        this.params = params;
    }

    public String page(long page) {
        return with("page", Long.toString(Math.max(0, page)));
    }

    /** The link of another page without its number, for the shared pager. */
    public String pagePrefix() {
        String rest = with("page", null);
        return rest + (rest.contains("?") ? "&" : "?") + "page=";
    }

    public String with(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove("fragment");
        if (!"page".equals(name)) {
            p.remove("page");
        }
        if (value == null || value.isEmpty()) {
            p.remove(name);
        } else {
            p.put(name, value);
        }
        String query = p.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return "/enterprises" + (query.isEmpty() ? "" : "?" + query);
    }

    /** The value of a filter as submitted, or "". */
    public String value(String name) {
        return params.getOrDefault(name, "");
    }

    /** How many filters other than the text are set (shown on the filter button). */
    public long active() {
        return params.entrySet().stream().filter(e -> !e.getValue().isBlank())
                .filter(e -> !java.util.Set.of("q", "page", "size", "sort", "order", "fragment").contains(e.getKey())).count();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
