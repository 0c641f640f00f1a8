package com.fniexchange.contract;

import com.fniexchange.testsupport.CommittedOpenApiDocument;

/**
 * {@code docs/openapi/contract-service.json} is what the code serves: an API change shows up in
 * review. Rewrite it with {@code -Dfni.openapi.write=true}.
 */
@ContractServiceTest
class OpenApiDocumentTest extends CommittedOpenApiDocument {

    OpenApiDocumentTest() {
        super("contract-service");
    }
}
