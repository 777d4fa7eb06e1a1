package org.mentorbot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here: only GET and HEAD, authentication when configured (else only loopback
 * host names), exact paths (no prefix matching), the security headers, and failures turned into short
 * error pages.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Route> routes;
    private final Optional<BasicAuth> auth;

    Router(Map<String, Route> routes, Optional<BasicAuth> auth) {
        this.routes = Map.copyOf(routes);
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Response response;
        try {
            response = respond(exchange);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = ErrorPage.of(500, "Internal error", "Something went wrong; the server log says what.");
        }
        try {
            send(exchange, response);
        } catch (IOException e) {
            // the client went away mid-response; nothing to tell anyone
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return ErrorPage.of(405, "Method not allowed", "This page is read-only: GET and HEAD only.")
                    .withHeader("Allow", "GET, HEAD");
        }
        if (auth.isPresent() && !auth.get().accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return ErrorPage.of(401, "Authentication required", "This archive needs a user name and password.")
                    .withHeader("WWW-Authenticate", BasicAuth.challenge());
        }
        if (auth.isEmpty() && !LoopbackHosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
            return ErrorPage.of(421, "Wrong host name", "Without a password this page answers only to localhost and 127.0.0.1.");
        }
        String path = java.util.Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "");
        Route route = routes.get(path);
        if (route == null) return ErrorPage.notFound("There is no page " + path + " here.");
        Request request;
        try {
            request = Request.of(method, path, exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            return ErrorPage.badRequest("The address has malformed percent-encoding.");
        }
        try {
            return route.respond(request);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} failed", method, path, e);
            return ErrorPage.of(500, "Internal error", "Something went wrong reading the archive; the server log says what.");
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        SecurityHeaders.addTo(exchange.getResponseHeaders());
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        if ("HEAD".equals(exchange.getRequestMethod())) {
            // The server sends no body for HEAD and wants no length passed in; the header still tells it.
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        // A length of 0 would mean "chunked" to the server; -1 means no body at all.
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
