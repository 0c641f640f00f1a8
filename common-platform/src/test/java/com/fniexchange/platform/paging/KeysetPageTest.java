package com.fniexchange.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetPageTest {

    static PageCursor cursorOf(Integer i) {
        return PageCursor.after(Instant.EPOCH.plusSeconds(i), i);
    }

    @Test
    void theExtraRowOnlySaysAnotherPageFollows() {
        KeysetPage<Integer> page = KeysetPage.of(List.of(1, 2, 3, 4), 3, KeysetPageTest::cursorOf);
        assertThat(page.items()).containsExactly(1, 2, 3);
        assertThat(PageCursor.decode(page.nextCursor())).isEqualTo(cursorOf(3));
    }

    @Test
    void aPageWithoutTheExtraRowIsTheLast() {
        assertThat(KeysetPage.of(List.of(1, 2, 3), 3, KeysetPageTest::cursorOf).nextCursor()).isNull();
        assertThat(KeysetPage.of(List.<Integer>of(), 3, KeysetPageTest::cursorOf)).isEqualTo(new KeysetPage<Integer>(List.of(), null));
    }

    @Test
    void convertingThePageKeepsItsCursor() {
        KeysetPage<Integer> page = KeysetPage.of(List.of(1, 2, 3), 2, KeysetPageTest::cursorOf);
        KeysetPage<String> text = page.map(items -> items.stream().map(i -> "#" + i).toList());
        assertThat(text.items()).containsExactly("#1", "#2");
        assertThat(text.nextCursor()).isEqualTo(page.nextCursor());
    }
}
