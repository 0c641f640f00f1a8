package com.fniexchange.local.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One REST call: its method and path as the API documents it ({@code /api/v1/claims/{id}/pay}: what
 * the day's log prints, so lines align) and the path actually requested (what a failure names).
 *
 * @param method   GET, POST or PUT
 * @param template the documented path, with {@code {name}} placeholders
 * @param path     the template with its placeholders filled in, URL-encoded
 */
record Call(String method, String template, String path) {

    static Call get(String template, Object... values) {
        return of("GET", template, values);
    }

    static Call post(String template, Object... values) {
        return of("POST", template, values);
    }

    static Call put(String template, Object... values) {
        return of("PUT", template, values);
    }

    /** For the day's log: {@code POST /api/v1/claims/{id}/pay}. */
    String label() {
        return method + " " + template;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    private static Call of(String method, String template, Object... values) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        for (Object value : values) {
            int open = template.indexOf('{', at);
            int close = template.indexOf('}', open);
            if (open < 0 || close < 0) {
                throw new IllegalArgumentException("more values than placeholders in " + template);
            }
            path.append(template, at, open).append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            at = close + 1;
        }
        if (template.indexOf('{', at) >= 0) {
            throw new IllegalArgumentException("a placeholder of " + template + " has no value");
        }
        path.append(template.substring(at));
        return new Call(method, template, path.toString());
    }
}
