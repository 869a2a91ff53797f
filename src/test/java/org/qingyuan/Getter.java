package org.qingyuan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the load harness sends through: a signed-in {@link BenchClient}, or a plain client (the ceiling has no login). */
interface Getter {

    String get(String path) throws Exception;

    String post(String path, String json) throws Exception;

    default String upload(String path, String fileName, byte[] file, java.util.Map<String, String> fields) throws Exception {
        throw new IllegalStateException("no uploads without a sign-in");
    }

    /** A photo or other file under {@code part}. */
    default String upload(String path, String part, String fileName, String contentType, byte[] file,
                          java.util.Map<String, String> fields) throws Exception {
        throw new IllegalStateException("no uploads without a sign-in");
    }

    static Getter of(BenchClient client) {
        return new Getter() {
            @Override
            public String get(String path) throws Exception {
                return client.get(path);
            }

            @Override
            public String post(String path, String json) throws Exception {
                return client.post(path, json);
            }

            @Override
            public String upload(String path, String fileName, byte[] file, java.util.Map<String, String> fields) throws Exception {
                return client.upload(path, fileName, file, fields);
            }

            @Override
            public String upload(String path, String part, String fileName, String contentType, byte[] file,
                                 java.util.Map<String, String> fields) throws Exception {
                return client.upload(path, part, fileName, contentType, file, fields);
            }
        };
    }

    static Getter plain(int port) {
        HttpClient http = HttpClient.newHttpClient();
        return new Getter() {
            @Override
            public String get(String path) throws Exception {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode());
                }
                return r.body();
            }

            @Override
            public String post(String path, String json) {
                throw new IllegalStateException("the ceiling answers the ledger list only");
            }
        };
    }
}
