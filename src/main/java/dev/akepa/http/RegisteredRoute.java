package dev.akepa.http;

import java.util.List;

/** A route as the running server's router holds it: method, path and the auth roles it requires (none: public). */
public record RegisteredRoute(String method, String path, List<String> access) {}
