package com.fniexchange.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list and the cursor of the next, null on the last page.
 *
 * @param items      the page, in list order
 * @param nextCursor what the client sends as {@code cursor} for the next page; null when there is none
 */
public record KeysetPage<T>(List<T> items, String nextCursor) {

    public KeysetPage {
        items = List.copyOf(items);
    }

    /**
     * The page out of rows read with one more than {@code limit}: that extra row, when present,
     * only says another page follows, and the cursor points after the page's last item.
     */
    public static <T> KeysetPage<T> of(List<T> rowsAndOneMore, int limit, Function<? super T, PageCursor> cursorOf) {
        if (rowsAndOneMore.size() <= limit) {
            return new KeysetPage<>(rowsAndOneMore, null);
        }
        List<T> items = rowsAndOneMore.subList(0, limit);
        return new KeysetPage<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }

    /** The same page with its items completed or converted as a whole (one look-up for the page, not one per item). */
    public <R> KeysetPage<R> map(Function<List<T>, List<R>> convert) {
        return new KeysetPage<>(convert.apply(items), nextCursor);
    }
}
