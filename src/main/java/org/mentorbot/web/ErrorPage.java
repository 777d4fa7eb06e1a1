package org.mentorbot.web;

/** Pages for requests that cannot be answered: a short sentence, never a stack trace. */
final class ErrorPage {

    private ErrorPage() {
    }

    static Response of(int status, String title, String message) {
        return Response.html(status, Layout.page(title,
                "<h1>" + Html.escape(title) + "</h1>\n<p class=\"error\">" + Html.escape(message) + "</p>\n"));
    }

    static Response notFound(String message) {
        return of(404, "Not found", message);
    }

    static Response badRequest(String message) {
        return of(400, "Bad request", message);
    }
}
