package com.fniexchange.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorReadsBackWhatItWrote() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-27T10:15:30.123456Z");
        PageCursor read = PageCursor.decode(PageCursor.after(at, id).encode());
        assertThat(read.at()).isEqualTo(at);
        assertThat(read.uuidKey()).isEqualTo(id);
        assertThat(PageCursor.decode(null)).isNull();
    }

    @Test
    void aMadeUpOrAlteredCursorIsAFieldErrorOnCursor() {
        for (String bad : new String[] {"garbage!", "", encode("not-an-instant|x"), encode("no bar")}) {
            assertThatThrownBy(() -> PageCursor.decode(bad)).isInstanceOf(ProblemException.InvalidFields.class)
                    .hasMessageContaining("cursor");
        }
        PageCursor notUuid = PageCursor.decode(encode("2026-11-27T10:15:30Z|VSC3A004352"));
        assertThatThrownBy(notUuid::uuidKey).isInstanceOf(ProblemException.InvalidFields.class);
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
