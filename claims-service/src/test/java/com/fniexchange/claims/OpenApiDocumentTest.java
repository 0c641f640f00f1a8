package com.fniexchange.claims;

import com.fniexchange.testsupport.CommittedOpenApiDocument;

/**
 * {@code docs/openapi/claims-service.json} is what the code serves: an API change shows up in
 * review. Rewrite it with {@code -Dfni.openapi.write=true}.
 */
@ClaimsServiceTest
class OpenApiDocumentTest extends CommittedOpenApiDocument {

    OpenApiDocumentTest() {
        super("claims-service", "/api/v1/claims/{claimId}/pay");
    }
}
