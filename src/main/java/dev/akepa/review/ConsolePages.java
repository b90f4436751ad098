package dev.akepa.review;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the console's JTE templates (src/main/jte/review). They are precompiled into classes by the
 * jte-maven-plugin during the build, so start-up compiles nothing and no JDK compiler is needed at run time.
 * Every page carries headers that keep it out of caches (it shows PII) and lock down what it may load.
 */
final class ConsolePages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, int status, String template, Object page) {
        StringOutput out = new StringOutput();
        engine.render("review/" + template + ".jte", page, out);
        secure(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    static void secure(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }
}
