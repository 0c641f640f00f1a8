package com.fniexchange.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.testsupport.OpenApiContract;
import com.fniexchange.testsupport.OpenApiDocumentFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code docs/openapi/claims-service.json} is what the code serves: an API change shows up in
 * review. Rewrite it with {@code -Dfni.openapi.write=true}.
 */
@ClaimsServiceTest
class OpenApiDocumentTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void committedDocumentIsTheOneTheCodeServes() {
        String document = OpenApiContract.of(context).document();
        assertThat(document).contains("\"openapi\"").contains("/api/v1/claims/{claimId}/pay");
        OpenApiDocumentFile.assertUpToDate("claims-service", document);
    }
}
