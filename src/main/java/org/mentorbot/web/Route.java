package org.mentorbot.web;

import java.io.IOException;

/** One URL path of the page. */
interface Route {

    Response respond(Request request) throws IOException;
}
