package com.fniexchange.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.security.DealerScope;
import com.fniexchange.testsupport.TestInfrastructure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** Keyset pages and dealer scope on real PostgreSQL: every row once, in order, filters and scope applied. */
@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.class)
class KeysetQueryTest {

    record Row(UUID id, String dealer, Instant at) {
    }

    static final RowMapper<Row> ROWS = (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("dealer_code"),
            rs.getTimestamp("at").toInstant());

    @Autowired
    JdbcClient jdbc;

    final List<Row> rows = new ArrayList<>();

    @BeforeEach
    void rows() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS keyset_probe (id uuid PRIMARY KEY, dealer_code varchar(10) NOT NULL, at timestamptz NOT NULL)")
                .update();
        jdbc.sql("TRUNCATE keyset_probe").update();
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 23; i++) {
            // three rows share each instant: the key must break the ties
            Row row = new Row(UUID.randomUUID(), i % 2 == 0 ? "D1001" : "D2002", base.plusSeconds(i / 3));
            jdbc.sql("INSERT INTO keyset_probe VALUES (:id, :dealer, :at)")
                    .param("id", row.id()).param("dealer", row.dealer()).param("at", Timestamp.from(row.at())).update();
            rows.add(row);
        }
    }

    KeysetPage<Row> page(String dealer, PageCursor after, int limit) {
        return KeysetQuery.of("SELECT * FROM keyset_probe", "at", "id")
                .filter("dealer_code = :dealer", "dealer", dealer)
                .after(after, PageCursor::uuidKey)
                .page(jdbc, limit, ROWS, row -> PageCursor.after(row.at(), row.id()));
    }

    List<Row> all(String dealer, int limit) {
        List<Row> seen = new ArrayList<>();
        PageCursor after = null;
        do {
            KeysetPage<Row> page = page(dealer, after, limit);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            after = PageCursor.decode(page.nextCursor());
        } while (after != null);
        return seen;
    }

    @Test
    void pagesGiveEveryRowOnceInSortThenKeyOrder() {
        // PostgreSQL orders uuids by their bytes, as their text sorts (not as UUID.compareTo, which is signed)
        List<Row> expected = rows.stream()
                .sorted((a, b) -> a.at().equals(b.at()) ? a.id().toString().compareTo(b.id().toString()) : a.at().compareTo(b.at()))
                .toList();
        for (int limit : new int[] {1, 2, 5, 23, 50}) {
            assertThat(all(null, limit)).as("limit %d", limit).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(page(null, null, 23).nextCursor()).isNull();
        assertThat(page(null, null, 22).nextCursor()).isNotNull();
    }

    @Test
    void anAbsentFilterSelectsEverythingAGivenOneFilters() {
        assertThat(all("D1001", 4)).hasSize(12).allMatch(r -> r.dealer().equals("D1001"));
        assertThat(all(null, 4)).hasSize(23);
    }

    @Test
    void aDealersScopeFindsOnlyItsOwnRowsAProvidersFindsAll() {
        Row d1001 = rows.get(0);
        String sql = "SELECT * FROM keyset_probe WHERE id = :id AND " + DealerScope.CONDITION;
        Function<Optional<DealerCode>, Optional<Row>> find = dealer -> DealerScope.of(dealer).query(jdbc, sql, "dealer_code")
                .param("id", d1001.id()).query(ROWS).optional();
        assertThat(find.apply(Optional.of(DealerCode.of("D1001")))).contains(d1001);
        assertThat(find.apply(Optional.of(DealerCode.of("D2002")))).isEmpty();
        assertThat(find.apply(Optional.empty())).contains(d1001);
    }

    @Test
    void aScopedQueryWithoutTheConditionIsRefused() {
        assertThatThrownBy(() -> DealerScope.of(Optional.empty()).query(jdbc, "SELECT * FROM keyset_probe", "dealer_code"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
