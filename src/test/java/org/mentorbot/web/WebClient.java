package org.mentorbot.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP requests to a running {@link WebServer}, as a browser or curl would send them. */
final class WebClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private final String authorization;

    WebClient(URI base) {
        this(base, null);
    }

    private WebClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    WebClient as(String user, String password) {
        return new WebClient(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** pathAndQuery is appended to the server's URI as it is: the caller percent-encodes. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request("GET", pathAndQuery), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> bytes(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request("GET", pathAndQuery), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(method, pathAndQuery), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String method, String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (authorization != null) b.header("Authorization", authorization);
        if ("GET".equals(method) || "HEAD".equals(method) || "DELETE".equals(method)) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofString("x=1"));
        }
        return b.build();
    }

    static String enc(String value) {
        return Links.encode(value);
    }
}
