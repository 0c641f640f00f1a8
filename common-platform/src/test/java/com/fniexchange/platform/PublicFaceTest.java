package com.fniexchange.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.testsupport.ArchitectureRules;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The public face the README lists (and the services' ArchitectureTests enforce) is real: each class exists and is public. */
class PublicFaceTest {

    @Test
    void everyClassOfThePublicFaceExistsAndIsPublic() {
        assertThat(ArchitectureRules.platformPublicFace()).isNotEmpty().allSatisfy(name -> {
            Class<?> type = Class.forName(name);
            assertThat(Modifier.isPublic(type.getModifiers())).as(name + " is public").isTrue();
        });
    }
}
