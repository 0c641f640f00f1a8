package com.fniexchange.cancellation;

import com.fniexchange.testsupport.CommittedOpenApiDocument;

/**
 * {@code docs/openapi/cancellation-service.json} is what the code serves: an API change shows up
 * in review. Rewrite it with {@code -Dfni.openapi.write=true}.
 */
@CancellationServiceTest
class OpenApiDocumentTest extends CommittedOpenApiDocument {

    OpenApiDocumentTest() {
        super("cancellation-service");
    }
}
