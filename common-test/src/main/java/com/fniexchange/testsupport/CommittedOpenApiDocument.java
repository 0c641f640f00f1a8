package com.fniexchange.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * What every service's {@code OpenApiDocumentTest} checks, written once: the committed
 * {@code docs/openapi/<service>.json} is the document the code serves ({@link OpenApiDocumentFile}),
 * so an API change shows up in review. A service's test extends it with its own context annotation;
 * {@code -Dtest=OpenApiDocumentTest -Dfni.openapi.write=true} rewrites every service's file.
 */
public abstract class CommittedOpenApiDocument {

    @Autowired
    private WebApplicationContext context;
    private final String service;
    private final String[] mustDocument;

    /**
     * @param service      the module's name, the file's name in {@code docs/openapi/}
     * @param mustDocument text the served document must contain (a path, say), beyond {@code "openapi"}
     */
    protected CommittedOpenApiDocument(String service, String... mustDocument) {
        this.service = service;
        this.mustDocument = mustDocument;
    }

    @Test
    public void committedDocumentIsTheOneTheCodeServes() {
        String document = OpenApiContract.of(context).document();
        if (!document.contains("\"openapi\"")) {
            throw new AssertionError("what the service serves is no OpenAPI document: " + document);
        }
        for (String expected : mustDocument) {
            if (!document.contains(expected)) {
                throw new AssertionError("the served document does not contain " + expected);
            }
        }
        OpenApiDocumentFile.assertUpToDate(service, document, getClass().getSimpleName());
    }
}
