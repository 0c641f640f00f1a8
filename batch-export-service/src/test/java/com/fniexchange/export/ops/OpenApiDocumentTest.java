package com.fniexchange.export.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.testsupport.EndpointRoles;
import com.fniexchange.testsupport.OpenApiContract;
import com.fniexchange.testsupport.OpenApiDocumentFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code docs/openapi/batch-export-service.json} is what the code serves (rewrite it with
 * {@code -Dfni.openapi.write=true}), and every endpoint names the roles that may call it.
 */
@BatchExportTest
class OpenApiDocumentTest {

    @Autowired WebApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void committedDocumentIsTheOneTheCodeServes() {
        String document = OpenApiContract.of(context).document();
        assertThat(document).contains("\"/api/v1/exports/runs\"").contains("\"/api/v1/exports/partners/{partnerId}\"");
        OpenApiDocumentFile.assertUpToDate("batch-export-service", document);
    }

    @Test
    void everyEndpointNamesItsRoles() {
        EndpointRoles.assertEveryEndpointNamesItsRoles(mappings, "com.fniexchange.export");
    }
}
