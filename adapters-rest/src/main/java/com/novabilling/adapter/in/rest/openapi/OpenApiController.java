package com.novabilling.adapter.in.rest.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/openapi.yml}, the OpenAPI document generated from the code at compile time, and
 * {@code GET /api/reference}, an interactive reference page over it whose assets come from the jar.
 * Both need no key. The texts are read once, at start-up. Their entries in the document are written in
 * {@code src/main/openapi/additions.yml} (with {@code security: []}, which the annotations cannot say).
 */
@Controller("/api")
@Tag(name = "docs")
@Hidden
public class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/openapi.yml";
    static final String PAGE = "reference/index.html";
    static final String YAML = "application/yaml";

    private final String document = resource(DOCUMENT);
    private final String page = resource(PAGE);

    @Get("/openapi.yml")
    @Produces(YAML)
    public HttpResponse<String> openApi() {
        return HttpResponse.ok(document).contentType(YAML);
    }

    @Get("/reference")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> reference() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath: the build generates it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
